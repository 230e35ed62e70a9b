import { useRef, useState, type FormEvent } from 'react'
import type { AmendmentKind } from '../../shared/amendments/types'
import type { Access } from '../../shared/api/access'
import { wordDiff } from '../../shared/diff/wordDiff'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import type { Paragraph } from '../../shared/paragraphs/types'
import { api } from '../api'
import { FormError } from '../FormError'
import { StatePicker } from '../people/StatePicker'
import { ConflictView } from './ConflictView'
import { afterRefusal, type Draft, type DraftConflict, type DraftFollow, draftOn, followLiveText } from './draftRebase'
import { readRefusal } from './readRefusal'
import { Redline } from './Redline'

interface Props {
  documentId: string
  access: Access
  /** The paragraph as it reads live: the draft follows it. */
  paragraph: Paragraph
  onDone: () => void
}

/**
 * A proposal in a State's name: new wording drafted on the paragraph's text (kept as the draft's
 * base and sent with it, so the server stores only the State's own change), the deletion of the
 * paragraph, or a new paragraph after it.
 */
export function ProposeForm({ documentId, access, paragraph, onDone }: Props) {
  const current = paragraph.text
  const name = paragraphLabel(paragraph)
  const [kind, setKind] = useState<AmendmentKind>('replace')
  const [draft, setDraft] = useState<Draft>(() => draftOn(current))
  // The live text the draft last followed: when the paragraph changes, the draft follows it in the same render.
  const [seen, setSeen] = useState(current)
  const [moved, setMoved] = useState<{ previous: string; now: string } | null>(null)
  const [conflict, setConflict] = useState<DraftConflict | null>(null)
  const [earlier, setEarlier] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [onBehalfOf, setOnBehalfOf] = useState('')
  const [error, setError] = useState('')
  const [sent, setSent] = useState('')
  const [busy, setBusy] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const forState = access.role !== 'delegation'

  const take = (follow: DraftFollow) => {
    if (follow.status === 'conflict') return setConflict(follow.conflict)
    setConflict(null)
    setDraft(follow.draft)
    if (follow.status === 'rebased') setMoved({ previous: follow.previous, now: follow.draft.base })
  }

  if (current !== seen) {
    setSeen(current)
    if (kind === 'replace') take(followLiveText(draft, current))
  }

  const restart = (keepEarlier: boolean) => {
    setEarlier(keepEarlier && conflict ? conflict.changedText : null)
    setConflict(null)
    setMoved(null)
    setError('')
    setDraft(draftOn(current))
    textarea.current?.focus()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError('')
    setSent('')
    if (forState && !onBehalfOf) return setError('Choose the State that sent this proposal.')
    if (conflict) return setError('Resolve the conflict first: edit your change on the current text, or discard it.')
    setBusy(true)
    const response = await api.documents[':id'].amendments.$post({
      param: { id: documentId },
      json: {
        paragraphId: paragraph.id,
        kind,
        ...(kind === 'delete' ? {} : { text: draft.text }),
        ...(kind === 'replace' ? { baseText: draft.base } : {}),
        ...(note.trim() ? { note } : {}),
        ...(forState ? { onBehalfOf } : {}),
      },
    })
    setBusy(false)
    if (response.status !== 201) {
      const refusal = await readRefusal(response)
      if (refusal.status === 409 && kind === 'replace') {
        const follow = afterRefusal(draft, current, refusal.conflict)
        take(follow)
        if (!refusal.conflict) {
          return setError(
            `${refusal.error} Your changes are now shown on the current text of ${name}: check them and submit again.`,
          )
        }
      }
      return setError(refusal.error)
    }
    setNote('')
    setMoved(null)
    setEarlier(null)
    setDraft(draftOn(kind === 'replace' ? current : ''))
    setSent(`Your proposal on ${name} is tabled.`)
    onDone()
  }

  return (
    <form className="propose-form" onSubmit={submit} aria-labelledby="propose-title">
      <h3 id="propose-title">{forState ? 'Enter a proposal sent by a State' : `Propose for ${access.state}`}</h3>
      {forState && <StatePicker label="On behalf of" value={onBehalfOf} onChange={setOnBehalfOf} />}
      <fieldset className="segmented">
        <legend>Proposal</legend>
        {(
          [
            ['replace', 'New wording'],
            ['delete', 'Delete it'],
            ['insert-after', 'New paragraph after it'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="proposal-kind"
              checked={kind === value}
              onChange={() => {
                setKind(value)
                setConflict(null)
                setMoved(null)
                setEarlier(null)
                setDraft(draftOn(value === 'replace' ? current : ''))
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {kind === 'replace' && moved && (
        <div className="draft-moved" role="status">
          <p>
            <strong>{name} changed while you were drafting.</strong> Your changes are kept, on the new text. What changed:
          </p>
          <p className="preview" aria-label={`How ${name} changed`}>
            <Redline segments={wordDiff(moved.previous, moved.now)} />
          </p>
          <button type="button" className="link-button" onClick={() => setMoved(null)}>
            Dismiss
          </button>
        </div>
      )}
      {kind === 'replace' && conflict && (
        <div className="draft-conflict" role="alert">
          <p>
            <strong>{name} changed while you were drafting, in the same words as your change.</strong> It cannot be sent as it
            stands: it would undo the other change. Redo your change on the current text, or discard it.
          </p>
          <ConflictView conflict={conflict} mine="Your change" theirs={`How ${name} changed meanwhile`}>
            <div className="proposal-actions">
              <button type="button" className="primary" onClick={() => restart(true)}>
                Edit on the current text
              </button>
              <button type="button" onClick={() => restart(false)}>
                Discard my draft
              </button>
            </div>
          </ConflictView>
        </div>
      )}
      {kind !== 'delete' && (
        <>
          <label htmlFor="proposal-text">{kind === 'replace' ? 'Proposed wording' : 'Text of the new paragraph'}</label>
          <textarea
            id="proposal-text"
            ref={textarea}
            rows={5}
            value={draft.text}
            readOnly={conflict !== null && kind === 'replace'}
            onChange={(event) => setDraft({ ...draft, text: event.target.value })}
          />
          {earlier !== null && kind === 'replace' && (
            <p className="muted small">
              Your earlier wording, for reference: “{earlier}”{' '}
              <button type="button" className="link-button" onClick={() => setEarlier(null)}>
                Hide
              </button>
            </p>
          )}
          {!(conflict && kind === 'replace') && (
            <p className="preview" aria-label="Changes">
              <Redline segments={wordDiff(kind === 'replace' ? draft.base : '', draft.text)} />
            </p>
          )}
        </>
      )}
      <label htmlFor="proposal-note">Justification (optional)</label>
      <input id="proposal-note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      <FormError message={error} />
      {sent && (
        <p className="muted" role="status">
          {sent}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || (conflict !== null && kind === 'replace')}>
        {busy ? 'Sending…' : 'Submit proposal'}
      </button>
    </form>
  )
}
