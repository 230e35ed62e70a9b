import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Amendment } from '../../shared/amendments/types'
import { FormError } from '../FormError'
import { reopenDecision } from './proposalActions'
import { ConflictView } from './ConflictView'
import type { Refusal } from './readRefusal'

interface Props {
  documentId: string
  amendment: Amendment
  /** "OP 3" */
  name: string
  onDone: (message: string) => void
  onCancel: () => void
}

/**
 * Reopening a decision says why, for the record. An acceptance is undone by a change that takes
 * back only what it did; when the paragraph was edited since in the same words, the server shows
 * the conflict instead, and so does this form.
 */
export function ReopenForm({ documentId, amendment, name, onDone, onCancel }: Props) {
  const [reason, setReason] = useState('')
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [busy, setBusy] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  const decision = amendment.status === 'accepted' ? 'acceptance' : 'rejection'
  useEffect(() => field.current?.focus(), [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setRefusal({ error: 'Say why the decision is reopened.', status: 400 })
      return field.current?.focus()
    }
    setBusy(true)
    const refused = await reopenDecision(documentId, amendment.id, reason.trim())
    setBusy(false)
    if (refused) return setRefusal(refused)
    onDone(`The ${decision} of ${amendment.state}’s proposal is reopened: it is pending again.`)
  }

  return (
    <form className="reopen-form" onSubmit={submit} aria-label={`Reopen the ${decision} of ${amendment.state}’s proposal`}>
      <p className="muted small">
        {amendment.status === 'accepted'
          ? `${name} goes back to its text before the acceptance (later edits elsewhere in it stay), and the proposals it superseded or merged are pending again.`
          : 'The proposal is pending again.'}
      </p>
      <label htmlFor={`reopen-${amendment.id}`}>Why is this decision reopened?</label>
      <textarea id={`reopen-${amendment.id}`} ref={field} rows={2} aria-required="true" value={reason} onChange={(e) => {
          setReason(e.target.value)
          if (refusal?.status === 400) setRefusal(null)
        }} />
      <FormError message={refusal?.error} />
      {refusal?.conflict && (
        <ConflictView conflict={refusal.conflict} mine="Undoing the acceptance would change" theirs={`How ${name} was edited since`} />
      )}
      <div className="proposal-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Reopening…' : 'Reopen'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
