import { useState } from 'react'
import type { CompiledProposal } from '../../shared/amendments/compile'
import { mergeProposals } from '../../shared/amendments/rebase'
import type { Amendment } from '../../shared/amendments/types'
import { wordDiff } from '../../shared/diff/wordDiff'
import type { Paragraph } from '../../shared/paragraphs/types'
import { Modal } from '../Modal'
import type { Act } from './ProposalsPanel'
import { ProposalRedline, proposalTitle } from './ProposalRedline'
import { Redline } from './Redline'
import { FormError } from '../FormError'

interface Props {
  paragraph: Paragraph
  name: string
  proposals: CompiledProposal[]
  amendments: Amendment[]
  canDecide: boolean
  act: Act
  error: string
  onClose: () => void
}

/**
 * One paragraph, its current text and every pending proposal in columns, each a redline against
 * the current text with the States behind it. The facilitator picks one or several proposals as
 * the start of compromise language, edits it with a live redline, and accepts it in one step.
 */
export function CompareDialog({ paragraph, name, proposals, amendments, canDecide, act, error, onClose }: Props) {
  const [chosen, setChosen] = useState<string[]>([])
  // The wording, and the proposal it was started from: the one the acceptance is recorded against.
  const [compromise, setCompromise] = useState<{ text: string; basis: string } | null>(null)
  const [leftOut, setLeftOut] = useState<string[]>([])
  // Only wording can be merged: a deletion or a new paragraph is accepted as it stands.
  const wordings = proposals.filter((p) => p.kind === 'replace')

  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  const startCompromise = () => {
    const picked = chosen.map((id) => amendments.find((a) => a.id === id)!).filter((a) => a.kind === 'replace')
    const merge = mergeProposals(paragraph.text, picked)
    setCompromise({ text: merge.text, basis: picked[0]!.id })
    setLeftOut(merge.leftOut)
  }

  const stateOf = (id: string) => proposals.find((p) => p.id === id)?.state ?? id
  // The server marks the other proposals superseded, since the text they were drafted against is replaced.
  const acceptCompromise = async () => {
    if (compromise) await act({ id: compromise.basis }, 'accept', compromise.text)
  }

  return (
    <Modal title={`Compare proposals on ${name}`} className="compare-dialog" onClose={onClose}>
      <FormError message={error} />
      <div className="compare-columns" role="list">
        <section className="compare-column current" role="listitem" aria-label="Current text">
          <h3>Current text</h3>
          <p className="proposal-text">{paragraph.text || <span className="muted">(empty)</span>}</p>
        </section>
        {proposals.map((proposal) => (
          <section key={proposal.id} className="compare-column" role="listitem" aria-label={`Proposal by ${proposal.state}`}>
            <h3>
              {proposal.state} <span className="muted">· {proposalTitle(proposal)}</span>
            </h3>
            {proposal.enteredBy && <p className="muted small">Entered by {proposal.enteredBy}</p>}
            <ProposalRedline proposal={proposal} />
            {proposal.note && <p className="note">“{proposal.note}”</p>}
            <p className="positions">
              {proposal.supporters.length > 0 ? `Joined by ${proposal.supporters.join(', ')}.` : 'No State has joined yet.'}
              {proposal.objectors.length > 0 && ` Objected to by ${proposal.objectors.join(', ')}.`}
            </p>
            {canDecide && (
              <div className="proposal-actions">
                {proposal.kind === 'replace' && (
                  <label className="choose">
                    <input type="checkbox" checked={chosen.includes(proposal.id)} onChange={() => toggle(proposal.id)} /> Use in compromise
                  </label>
                )}
                <button
                  type="button"
                  className="primary"
                  disabled={proposal.drafting === 'older-text'}
                  onClick={() => void act(proposal, 'accept')}
                >
                  Accept {proposal.state}’s
                </button>
              </div>
            )}
          </section>
        ))}
      </div>
      {canDecide && wordings.length > 0 && (
        <section className="compromise" aria-labelledby="compromise-title">
          <h3 id="compromise-title">Compromise language</h3>
          <p className="muted small">
            Tick the proposals to start from (their changes are merged into the current text), then edit freely.
          </p>
          <button type="button" disabled={chosen.length === 0} onClick={startCompromise}>
            {chosen.length > 1 ? `Merge ${chosen.length} proposals` : 'Start from the ticked proposal'}
          </button>
          {leftOut.length > 0 && (
            <p className="notice" role="status">
              Not merged, because they change the same words: {leftOut.map(stateOf).join(', ')}. Weigh their wording by hand.
            </p>
          )}
          {compromise !== null && (
            <>
              <label htmlFor="compare-compromise">Compromise wording</label>
              <textarea
                id="compare-compromise"
                rows={4}
                value={compromise.text}
                onChange={(e) => setCompromise({ ...compromise, text: e.target.value })}
              />
              <p className="preview" aria-label="Changes against the current text">
                <Redline segments={wordDiff(paragraph.text, compromise.text)} />
              </p>
              <button
                type="button"
                className="primary"
                disabled={compromise.text.trim() === '' || compromise.text === paragraph.text}
                onClick={() => void acceptCompromise()}
              >
                Accept the compromise
              </button>
            </>
          )}
        </section>
      )}
    </Modal>
  )
}
