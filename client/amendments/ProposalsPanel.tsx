import { useState, type FormEvent } from 'react'
import { type CompiledProposal, compileText } from '../../shared/amendments/compile'
import type { Amendment, AmendmentKind } from '../../shared/amendments/types'
import type { Access } from '../../shared/api/access'
import { sideOf, wordDiff } from '../../shared/diff/wordDiff'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import { PARAGRAPH_STATUS_LABELS, PARAGRAPH_STATUSES, type Paragraph, type ParagraphStatus } from '../../shared/paragraphs/types'
import { can } from '../../shared/policy/policy'
import { age } from '../age'
import { api, errorMessage } from '../api'
import { StatePicker } from '../people/StatePicker'
import { CompareDialog } from './CompareDialog'
import { ProposalRedline, proposalTitle } from './ProposalRedline'
import { Redline } from './Redline'
import { FormError } from '../FormError'


export type Act = (
  proposal: { id: string },
  action: 'support' | 'object' | 'withdraw' | 'reject' | 'accept',
  /** accept only: compromise language instead of the proposal's own. */
  text?: string,
) => Promise<void>

interface Props {
  documentId: string
  access: Access
  paragraph: Paragraph | undefined
  /** Every paragraph as the server reads it, for the overview. */
  paragraphs: Paragraph[]
  amendments: Amendment[]
  reload: () => void
  /** Show one paragraph's proposals, or (null) the overview. */
  onSelect: (paragraph: Paragraph | null) => void
}

/**
 * One paragraph under negotiation: its status, the proposals on it side by side as redlines
 * against the current text, and what the caller's role may do with them.
 */
export function ProposalsPanel({ documentId, access, paragraph, paragraphs, amendments, reload, onSelect }: Props) {
  const [error, setError] = useState('')
  const [comparing, setComparing] = useState(false)
  if (!paragraph) return <ProposalsOverview paragraphs={paragraphs} amendments={amendments} onSelect={onSelect} />
  const onParagraph = amendments.filter((a) => a.paragraphId === paragraph.id)
  const decided = onParagraph.filter((a) => a.status !== 'pending')
  // The same redlines, rebasing and "bis" labels as the compilation text: one rule, one place.
  const compiled = compileText([paragraph], onParagraph).paragraphs[0]!
  const pending = [...compiled.proposals, ...compiled.insertions]
  const amendmentOf = (proposal: CompiledProposal) => onParagraph.find((a) => a.id === proposal.id)!

  const act: Act = async (proposal, action, text) => {
    setError('')
    const routes = api.documents[':id'].amendments[':aid']
    const param = { id: documentId, aid: proposal.id }
    const response =
      action === 'accept' ? await routes.accept.$post({ param, json: text ? { text } : {} }) : await routes[action].$post({ param })
    if (!response.ok) return setError(await errorMessage(response))
    reload()
  }

  return (
    <aside className="side-panel proposals" aria-labelledby="proposals-title">
      <button type="button" className="link-button" onClick={() => onSelect(null)}>
        ← All proposals
      </button>
      <h2 id="proposals-title">
        {paragraphLabel(paragraph)} <span className={`status-badge status-${paragraph.status}`}>{PARAGRAPH_STATUS_LABELS[paragraph.status]}</span>
      </h2>
      {can(access.role, 'status.set') && <StatusControl documentId={documentId} paragraph={paragraph} onError={setError} />}
      <div className="current-text">
        <h3>Current text</h3>
        <p>{paragraph.text || <span className="muted">(empty)</span>}</p>
      </div>
      <FormError message={error} />
      <div className="pending-head">
        <h3>
          {pending.length} pending proposal{pending.length === 1 ? '' : 's'}
        </h3>
        {pending.length > 0 && (
          <button type="button" onClick={() => setComparing(true)}>
            Compare side by side
          </button>
        )}
      </div>
      <ol className="proposal-list">
        {pending.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} amendment={amendmentOf(proposal)} paragraph={paragraph} access={access} act={act} />
        ))}
      </ol>
      {comparing && pending.length > 0 && (
        <CompareDialog
          paragraph={paragraph}
          name={paragraphLabel(paragraph)}
          proposals={pending}
          amendments={onParagraph}
          canDecide={can(access.role, 'amendment.decide')}
          act={act}
          error={error}
          onClose={() => setComparing(false)}
        />
      )}
      {(can(access.role, 'amendment.propose') || can(access.role, 'amendment.enter-on-behalf')) && (
        <ProposeForm key={paragraph.id} documentId={documentId} access={access} paragraph={paragraph} onDone={reload} />
      )}
      {decided.length > 0 && (
        <details>
          <summary>{decided.length} decided or withdrawn</summary>
          <ul className="decided">
            {decided.map((a) => (
              <li key={a.id}>
                {a.state}: {a.kind} — <strong>{a.status}</strong>
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  )
}

function ProposalCard({
  proposal,
  amendment,
  paragraph,
  access,
  act,
}: {
  proposal: CompiledProposal
  amendment: Amendment
  paragraph: Paragraph
  access: Access
  act: Act
}) {
  const [compromise, setCompromise] = useState<string | null>(null)
  const older = proposal.drafting === 'older-text'
  const own = access.role === 'delegation' ? access.state === amendment.state : amendment.enteredBy !== null
  const isDelegation = access.role === 'delegation'

  return (
    <li className="proposal" data-amendment-id={amendment.id} aria-label={`Proposal by ${amendment.state}`}>
      <div className="proposal-head">
        <strong>{amendment.state}</strong> · {proposalTitle(proposal)} · <span className="muted">{age(amendment.createdAt)}</span>
        {amendment.enteredBy && <span className="muted"> · entered by {amendment.enteredBy}</span>}
      </div>
      <ProposalRedline proposal={proposal} />
      {amendment.note && <p className="note">“{amendment.note}”</p>}
      <p className="positions">
        {amendment.supporters.length > 0 && <span>Joined by {amendment.supporters.join(', ')}. </span>}
        {amendment.objectors.length > 0 && <span>Objected to by {amendment.objectors.join(', ')}.</span>}
      </p>
      <div className="proposal-actions">
        {isDelegation && !own && (
          <>
            <button type="button" aria-pressed={amendment.supporters.includes(access.state ?? '')} onClick={() => void act(amendment, 'support')}>
              Support
            </button>
            <button type="button" aria-pressed={amendment.objectors.includes(access.state ?? '')} onClick={() => void act(amendment, 'object')}>
              Object
            </button>
          </>
        )}
        {can(access.role, 'amendment.withdraw') && own && (
          <button type="button" onClick={() => void act(amendment, 'withdraw')}>
            Withdraw
          </button>
        )}
        {can(access.role, 'amendment.decide') && (
          <>
            <button type="button" className="primary" disabled={older} title={older ? 'Drafted against an older text: use Edit and accept' : undefined} onClick={() => void act(amendment, 'accept')}>
              Accept
            </button>
            {amendment.kind !== 'delete' && (
              <button type="button" onClick={() => setCompromise(sideOf(proposal.redline, 'after'))}>
                Edit and accept
              </button>
            )}
            <button type="button" className="danger" onClick={() => void act(amendment, 'reject')}>
              Reject
            </button>
          </>
        )}
      </div>
      {compromise !== null && (
        <form
          className="compromise"
          onSubmit={(event) => {
            event.preventDefault()
            void act(amendment, 'accept', compromise)
          }}
        >
          <label htmlFor={`compromise-${amendment.id}`}>Compromise language</label>
          <textarea id={`compromise-${amendment.id}`} rows={4} value={compromise} onChange={(e) => setCompromise(e.target.value)} />
          <p className="preview">
            <Redline segments={wordDiff(amendment.kind === 'replace' ? paragraph.text : '', compromise)} />
          </p>
          <button type="submit" className="primary">
            Accept with this wording
          </button>
          <button type="button" onClick={() => setCompromise(null)}>
            Cancel
          </button>
        </form>
      )}
    </li>
  )
}

function ProposeForm({ documentId, access, paragraph, onDone }: { documentId: string; access: Access; paragraph: Paragraph; onDone: () => void }) {
  const [kind, setKind] = useState<AmendmentKind>('replace')
  const [text, setText] = useState(paragraph.text)
  const [note, setNote] = useState('')
  const [onBehalfOf, setOnBehalfOf] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const forState = access.role !== 'delegation'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError('')
    if (forState && !onBehalfOf) return setError('Choose the State that sent this proposal.')
    setBusy(true)
    const response = await api.documents[':id'].amendments.$post({
      param: { id: documentId },
      json: {
        paragraphId: paragraph.id,
        kind,
        ...(kind === 'delete' ? {} : { text }),
        ...(note.trim() ? { note } : {}),
        ...(forState ? { onBehalfOf } : {}),
      },
    })
    setBusy(false)
    if (response.status !== 201) return setError(await errorMessage(response))
    setNote('')
    setText(kind === 'insert-after' ? '' : paragraph.text)
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
                setText(value === 'replace' ? paragraph.text : '')
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {kind !== 'delete' && (
        <>
          <label htmlFor="proposal-text">{kind === 'replace' ? 'Proposed wording' : 'Text of the new paragraph'}</label>
          <textarea id="proposal-text" rows={5} value={text} onChange={(event) => setText(event.target.value)} />
          <p className="preview" aria-label="Changes">
            <Redline segments={wordDiff(kind === 'replace' ? paragraph.text : '', text)} />
          </p>
        </>
      )}
      <label htmlFor="proposal-note">Justification (optional)</label>
      <input id="proposal-note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      <FormError message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Sending…' : 'Submit proposal'}
      </button>
    </form>
  )
}

function StatusControl({ documentId, paragraph, onError }: { documentId: string; paragraph: Paragraph; onError: (e: string) => void }) {
  return (
    <label className="status-control">
      Status{' '}
      <select
        value={paragraph.status}
        onChange={async (event) => {
          const response = await api.documents[':id'].paragraphs[':pid'].status.$put({
            param: { id: documentId, pid: paragraph.id },
            json: { status: event.target.value as ParagraphStatus },
          })
          if (!response.ok) onError(await errorMessage(response))
        }}
      >
        {PARAGRAPH_STATUSES.map((status) => (
          <option key={status} value={status}>
            {PARAGRAPH_STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Where the negotiation stands: every paragraph with pending proposals, the contested first. */
function ProposalsOverview({ paragraphs, amendments, onSelect }: Pick<Props, 'paragraphs' | 'amendments' | 'onSelect'>) {
  const compiled = compileText(paragraphs, amendments).paragraphs.filter(
    (p) => !p.orphaned && p.proposals.length + p.insertions.length > 0,
  )
  const ordered = [...compiled.filter((p) => p.contested), ...compiled.filter((p) => !p.contested)]
  return (
    <aside className="side-panel proposals" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      {ordered.length === 0 ? (
        <p className="muted">No pending proposals. Put the cursor in a paragraph to see its history or make one.</p>
      ) : (
        <>
          <p className="muted">Put the cursor in a paragraph, or choose one:</p>
          <ul className="overview">
            {ordered.map((compiledParagraph) => {
              const all = [...compiledParagraph.proposals, ...compiledParagraph.insertions]
              const target = paragraphs.find((p) => p.id === compiledParagraph.id)!
              return (
                <li key={compiledParagraph.id}>
                  <button type="button" className="overview-item" onClick={() => onSelect(target)}>
                    <strong>{paragraphLabel(target)}</strong>{' '}
                    {all.length} proposal{all.length === 1 ? '' : 's'} · {[...new Set(all.map((x) => x.state))].join(', ')}
                    {compiledParagraph.contested && <span className="contested"> · contested</span>}
                  </button>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </aside>
  )
}
