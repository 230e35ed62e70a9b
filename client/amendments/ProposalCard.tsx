import { useState } from 'react'
import type { CompiledProposal } from '../../shared/amendments/compile'
import { wouldSupersede } from '../../shared/amendments/decisions'
import type { Amendment } from '../../shared/amendments/types'
import type { Access } from '../../shared/api/access'
import { sideOf, wordDiff } from '../../shared/diff/wordDiff'
import type { Paragraph } from '../../shared/paragraphs/types'
import { can } from '../../shared/policy/policy'
import { age } from '../age'
import { AcceptConfirm } from './AcceptConfirm'
import type { Act } from './proposalActions'
import { compromiseWords } from './decisionWords'
import { ProposalRedline, proposalTitle } from './ProposalRedline'
import { Redline } from './Redline'

interface Props {
  proposal: CompiledProposal
  amendment: Amendment
  /** Every proposal on the paragraph: what accepting this one would supersede. */
  onParagraph: readonly Amendment[]
  paragraph: Paragraph
  access: Access
  act: Act
}

/** One pending proposal: its redline against the live text, who stands behind it, and what the caller may do. */
export function ProposalCard({ proposal, amendment, onParagraph, paragraph, access, act }: Props) {
  const [compromise, setCompromise] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const older = proposal.drafting === 'older-text'
  const own = access.role === 'delegation' ? access.state === amendment.state : amendment.enteredBy !== null
  const isDelegation = access.role === 'delegation'
  const superseded = wouldSupersede(onParagraph, amendment.id)

  return (
    <li className="proposal" data-amendment-id={amendment.id} aria-label={`Proposal by ${amendment.state}`}>
      <div className="proposal-head">
        <strong>{amendment.state}</strong> · {proposalTitle(proposal)} · <span className="muted">{age(amendment.createdAt)}</span>
        {amendment.enteredBy && <span className="muted"> · entered by {amendment.enteredBy}</span>}
      </div>
      {amendment.reopensAgreed && <p className="reopens-agreed">Asks to reopen agreed ad ref language</p>}
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
            <button
              type="button"
              className="primary"
              disabled={older}
              aria-expanded={superseded.length > 0 ? confirming : undefined}
              title={older ? 'Drafted against an older text: use Edit and accept' : undefined}
              onClick={() => (superseded.length > 0 ? setConfirming(true) : void act(amendment, 'accept'))}
            >
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
      {confirming && (
        <AcceptConfirm
          accepted={amendment}
          superseded={superseded}
          onConfirm={() => {
            setConfirming(false)
            void act(amendment, 'accept')
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      {compromise !== null && (
        <form
          className="compromise"
          onSubmit={(event) => {
            event.preventDefault()
            void act(amendment, 'accept', { text: compromise })
          }}
        >
          <label htmlFor={`compromise-${amendment.id}`}>Compromise language</label>
          <textarea id={`compromise-${amendment.id}`} rows={4} value={compromise} onChange={(e) => setCompromise(e.target.value)} />
          <p className="preview">
            <Redline segments={wordDiff(amendment.kind === 'replace' ? paragraph.text : '', compromise)} />
          </p>
          {amendment.kind !== 'insert-after' && <p className="muted small">{compromiseWords([amendment], superseded)}</p>}
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
