import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { type CompiledProposal, compileText } from '../../shared/amendments/compile'
import type { Amendment } from '../../shared/amendments/types'
import type { Access } from '../../shared/api/access'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import { PARAGRAPH_STATUS_LABELS, type Paragraph } from '../../shared/paragraphs/types'
import { can } from '../../shared/policy/policy'
import { FormError } from '../FormError'
import { type Act, sendAction } from './proposalActions'
import { CompareDialog } from './CompareDialog'
import { DecidedList } from './DecidedList'
import { ParagraphTimeline } from './ParagraphTimeline'
import { ProposalCard } from './ProposalCard'
import { ProposalsOverview } from './ProposalsOverview'
import { ProposeForm } from './ProposeForm'
import { StatusControl } from './StatusControl'

interface Props {
  documentId: string
  access: Access
  /** The paragraph shown, as it reads live in the editor (undefined: the overview). */
  paragraph: Paragraph | undefined
  /** Every paragraph as it reads live, for the overview. */
  paragraphs: readonly Paragraph[]
  amendments: Amendment[]
  /** Changes when the room announces new versions (the paragraph's story names them). */
  versionsChanged?: number
  reload: () => void
  /** Show one paragraph's proposals, or (null) the overview. */
  onSelect: (paragraph: Paragraph | null) => void
}

/**
 * One paragraph under negotiation: its status, the proposals on it side by side as redlines
 * against the live text, what the caller's role may do with them, what was decided, and its story.
 */
export function ProposalsPanel({ paragraphs, ...props }: Props) {
  const { paragraph, amendments, access, onSelect } = props
  if (!paragraph) {
    return <ProposalsOverview paragraphs={paragraphs} amendments={amendments} canDecide={can(access.role, 'amendment.decide')} onSelect={onSelect} />
  }
  // A panel of its own per paragraph: nothing begun on one (a comparison, a confirmation) shows on the next.
  return <ParagraphProposals key={paragraph.id} {...props} paragraph={paragraph} />
}

/**
 * Memoised: someone typing in another paragraph leaves this one's object as it was (see
 * useLiveParagraphs), and its redlines are not drawn again.
 */
const ParagraphProposals = memo(function ParagraphProposals({
  documentId,
  access,
  paragraph,
  amendments,
  versionsChanged,
  reload,
  onSelect,
}: Omit<Props, 'paragraphs'> & { paragraph: Paragraph }) {
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const [comparing, setComparing] = useState(false)
  // Counts the decisions taken here; after each, focus returns to the panel's heading once the
  // comparison has closed (while it is open, the page behind it cannot take focus).
  const [decisions, setDecisions] = useState(0)
  const focusedAfter = useRef(0)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (comparing || decisions === focusedAfter.current) return
    focusedAfter.current = decisions
    heading.current?.focus()
  }, [decisions, comparing])
  const name = paragraphLabel(paragraph)
  const onParagraph = useMemo(() => amendments.filter((a) => a.paragraphId === paragraph.id), [amendments, paragraph.id])
  const byId = useMemo(() => new Map(amendments.map((a) => [a.id, a] as const)), [amendments])
  const decided = onParagraph.filter((a) => a.status !== 'pending')
  // The same redlines, rebasing and "bis" labels as the compilation text: one rule, one place.
  const compiled = compileText([paragraph], onParagraph).paragraphs[0]!
  const pending = [...compiled.proposals, ...compiled.insertions]
  const amendmentOf = (proposal: CompiledProposal) => onParagraph.find((a) => a.id === proposal.id)!
  // Nothing left to compare (decided here or elsewhere): the dialog is done, and opens again only when asked.
  if (comparing && pending.length === 0) setComparing(false)

  /** After a decision: say what was done, and bring focus back to the top of the panel. */
  const done = (message: string) => {
    setError('')
    setNotice(message)
    reload()
    setDecisions((n) => n + 1)
  }

  const act: Act = async (proposal, action, options) => {
    setError('')
    setNotice('')
    const refused = await sendAction(documentId, proposal.id, action, options)
    if (refused) {
      setError(refused.error)
      return false
    }
    const state = byId.get(proposal.id)?.state
    if (action === 'accept' || action === 'reject') done(`${state ? `${state}’s proposal` : 'The proposal'} is ${action === 'accept' ? 'accepted' : 'rejected'}.`)
    else reload()
    return true
  }

  return (
    <aside className="side-panel proposals" aria-labelledby="proposals-title">
      <button type="button" className="link-button" onClick={() => onSelect(null)}>
        ← All proposals
      </button>
      <h2 id="proposals-title" ref={heading} tabIndex={-1}>
        {name} <span className={`status-badge status-${paragraph.status}`}>{PARAGRAPH_STATUS_LABELS[paragraph.status]}</span>
      </h2>
      {can(access.role, 'status.set') && <StatusControl documentId={documentId} paragraph={paragraph} onError={setError} />}
      <div className="current-text">
        <h3>Current text</h3>
        <p>{paragraph.text || <span className="muted">(empty)</span>}</p>
      </div>
      <p className="decision-notice" role="status">
        {notice}
      </p>
      <FormError message={comparing ? '' : error} />
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
          <ProposalCard
            key={proposal.id}
            proposal={proposal}
            amendment={amendmentOf(proposal)}
            onParagraph={onParagraph}
            paragraph={paragraph}
            access={access}
            act={act}
          />
        ))}
      </ol>
      {comparing && pending.length > 0 && (
        <CompareDialog
          paragraph={paragraph}
          name={name}
          proposals={pending}
          amendments={onParagraph}
          canDecide={can(access.role, 'amendment.decide')}
          act={act}
          error={error}
          onDecided={() => setComparing(false)}
          onClose={() => setComparing(false)}
        />
      )}
      {(can(access.role, 'amendment.propose') || can(access.role, 'amendment.enter-on-behalf')) && (
        <ProposeForm documentId={documentId} access={access} paragraph={paragraph} onDone={reload} />
      )}
      {decided.length > 0 && (
        <DecidedList documentId={documentId} access={access} decided={decided} byId={byId} name={name} onDone={done} />
      )}
      <ParagraphTimeline
        documentId={documentId}
        paragraphId={paragraph.id}
        name={name}
        refresh={`${amendments.length}:${onParagraph.map((a) => `${a.status}${a.supporters.length}${a.objectors.length}`).join()}:${paragraph.status}:${versionsChanged ?? 0}`}
      />
    </aside>
  )
})
