import { useEffect, useId, useRef } from 'react'
import type { Amendment } from '../../shared/amendments/types'
import { acceptQuestion } from './decisionWords'

interface Props {
  accepted: Pick<Amendment, 'state'>
  /** The pending proposals the acceptance will supersede. */
  superseded: readonly Pick<Amendment, 'state'>[]
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before an acceptance that supersedes other proposals, naming them: "Accept Mexico’s
 * proposal? It will supersede Brazil’s and Chile’s proposals." Focus goes to the answer, Escape
 * cancels, and cancelling gives focus back to the button that asked.
 */
export function AcceptConfirm({ accepted, superseded, onConfirm, onCancel }: Props) {
  const id = useId()
  const confirm = useRef<HTMLButtonElement>(null)
  const opener = useRef<Element | null>(null)
  useEffect(() => {
    opener.current = document.activeElement
    confirm.current?.focus()
  }, [])
  const cancel = () => {
    onCancel()
    if (opener.current instanceof HTMLElement) opener.current.focus()
  }
  return (
    <div
      className="accept-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-question`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        cancel()
      }}
    >
      <p id={`${id}-question`}>{acceptQuestion(accepted, superseded)}</p>
      <div className="proposal-actions">
        <button type="button" className="primary" ref={confirm} onClick={onConfirm}>
          Accept and supersede
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
