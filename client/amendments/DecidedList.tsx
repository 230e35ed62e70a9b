import { useState } from 'react'
import { PROPOSAL_KIND_WORDS, statusWords } from '../../shared/amendments/decisions'
import type { Amendment } from '../../shared/amendments/types'
import type { Access } from '../../shared/api/access'
import { can } from '../../shared/policy/policy'
import { FormError } from '../FormError'
import { sendAction } from './proposalActions'
import { ConflictView } from './ConflictView'
import type { Refusal } from './readRefusal'
import { ReopenForm } from './ReopenForm'
import { dateTime as when } from '../dates'

interface Props {
  documentId: string
  access: Access
  /** The decided, withdrawn and superseded proposals on the paragraph. */
  decided: readonly Amendment[]
  /** Every proposal of the resolution, for the words that name another ("superseded by … Mexico’s proposal"). */
  byId: ReadonlyMap<string, Amendment>
  /** "OP 3" */
  name: string
  onDone: (message: string) => void
}

/**
 * What was decided on the paragraph, in plain words; facilitators reopen an acceptance or a
 * rejection, and a State tables its superseded proposal again on the new text.
 */
export function DecidedList({ documentId, access, decided, byId, name, onDone }: Props) {
  const [reopening, setReopening] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<{ id: string; refusal: Refusal } | null>(null)
  const canDecide = can(access.role, 'amendment.decide')
  const owns = (a: Amendment) =>
    access.role === 'delegation' ? access.state === a.state : can(access.role, 'amendment.enter-on-behalf') && a.enteredBy !== null

  const retable = async (a: Amendment) => {
    setRefusal(null)
    const refused = await sendAction(documentId, a.id, 'retable')
    if (refused) return setRefusal({ id: a.id, refusal: refused })
    onDone(`${a.state}’s proposal is tabled again on the new text of ${name}.`)
  }

  return (
    <details className="decided-list">
      <summary>{decided.length} decided or withdrawn</summary>
      <ul className="decided">
        {decided.map((a) => (
          <li key={a.id} data-amendment-id={a.id}>
            <p>
              <strong>{a.state}</strong>, {PROPOSAL_KIND_WORDS[a.kind]}: <span className="decision-words">{statusWords(a, byId)}</span>
              {a.decision && (
                <span className="muted small">
                  {' '}
                  · {a.decision.by}, {when(a.decision.at)}
                </span>
              )}
            </p>
            {(canDecide && (a.status === 'accepted' || a.status === 'rejected')) || (a.status === 'superseded' && owns(a)) ? (
              <div className="proposal-actions">
                {canDecide && (a.status === 'accepted' || a.status === 'rejected') && (
                  <button
                    type="button"
                    id={`reopen-button-${a.id}`}
                    aria-expanded={reopening === a.id}
                    onClick={() => setReopening(reopening === a.id ? null : a.id)}
                  >
                    Reopen decision
                  </button>
                )}
                {a.status === 'superseded' && owns(a) && (
                  <button type="button" onClick={() => void retable(a)}>
                    Table again on the new text
                  </button>
                )}
              </div>
            ) : null}
            {reopening === a.id && (
              <ReopenForm
                documentId={documentId}
                amendment={a}
                name={name}
                onDone={(message) => {
                  setReopening(null)
                  onDone(message)
                }}
                onCancel={() => {
                  setReopening(null)
                  document.getElementById(`reopen-button-${a.id}`)?.focus()
                }}
              />
            )}
            {refusal?.id === a.id && (
              <>
                <FormError message={refusal.refusal.error} />
                {refusal.refusal.conflict && (
                  <ConflictView conflict={refusal.refusal.conflict} mine="Your proposal as tabled" theirs={`How ${name} changed since`}>
                    <p className="muted small">Draft it again on the current text with the form above.</p>
                  </ConflictView>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  )
}
