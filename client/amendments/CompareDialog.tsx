import { useState } from 'react'
import type { CompiledProposal } from '../../shared/amendments/compile'
import { wouldSupersede } from '../../shared/amendments/decisions'
import { mergeProposals } from '../../shared/amendments/rebase'
import type { Amendment } from '../../shared/amendments/types'
import { wordDiff } from '../../shared/diff/wordDiff'
import type { Paragraph } from '../../shared/paragraphs/types'
import { FormError } from '../FormError'
import { Modal } from '../Modal'
import { AcceptConfirm } from './AcceptConfirm'
import type { Act } from './proposalActions'
import { compromiseWords } from './decisionWords'
import { ProposalRedline, proposalTitle } from './ProposalRedline'
import { Redline } from './Redline'

interface Props {
  /** The paragraph as it reads live: the current text and every redline follow it. */
  paragraph: Paragraph
  name: string
  proposals: CompiledProposal[]
  amendments: Amendment[]
  canDecide: boolean
  act: Act
  error: string
  /** A decision was taken here: the dialog's work is done. */
  onDecided: () => void
  onClose: () => void
}

/**
 * One paragraph, its current text and every pending proposal in columns, each a redline against
 * the current text with the States behind it. The facilitator picks one or several proposals as
 * the start of compromise language, edits it with a live redline, and accepts it in one step; the
 * ticked proposals are credited as merged into it, and what it will supersede is said first.
 */
export function CompareDialog({ paragraph, name, proposals, amendments, canDecide, act, error, onDecided, onClose }: Props) {
  const [chosen, setChosen] = useState<string[]>([])
  const [compromise, setCompromise] = useState<string | null>(null)
  const [leftOut, setLeftOut] = useState<string[]>([])
  const [confirming, setConfirming] = useState<string | null>(null)
  // Only wording can be merged: a deletion or a new paragraph is accepted as it stands.
  const wordings = proposals.filter((p) => p.kind === 'replace')
  const ticked = chosen.filter((id) => wordings.some((p) => p.id === id))
  const amendmentOf = (id: string) => amendments.find((a) => a.id === id)

  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  const startCompromise = () => {
    const picked = ticked.map(amendmentOf).filter((a): a is Amendment => a !== undefined)
    const merge = mergeProposals(paragraph.text, picked)
    setCompromise(merge.text)
    setLeftOut(merge.leftOut)
  }

  const stateOf = (id: string) => proposals.find((p) => p.id === id)?.state ?? id
  const decide = async (id: string, options?: { text: string; merged: string[] }) => {
    if (await act({ id }, 'accept', options)) onDecided()
  }
  // The acceptance is recorded against the first ticked proposal; the others ticked are credited as merged.
  const [basis, ...merged] = ticked
  const credited = ticked.map(amendmentOf).filter((a): a is Amendment => a !== undefined)
  const supersededByCompromise = basis ? wouldSupersede(amendments, basis, merged) : []

  return (
    <Modal title={`Compare proposals on ${name}`} className="compare-dialog" onClose={onClose}>
      <FormError message={error} />
      <div className="compare-columns" role="list">
        <section className="compare-column current" role="listitem" aria-label="Current text">
          <h3>Current text</h3>
          <p className="proposal-text">{paragraph.text || <span className="muted">(empty)</span>}</p>
        </section>
        {proposals.map((proposal) => {
          const superseded = wouldSupersede(amendments, proposal.id)
          return (
            <section key={proposal.id} className="compare-column" role="listitem" aria-label={`Proposal by ${proposal.state}`}>
              <h3>
                {proposal.state} <span className="muted">· {proposalTitle(proposal)}</span>
              </h3>
              {proposal.enteredBy && <p className="muted small">Entered by {proposal.enteredBy}</p>}
              {proposal.reopensAgreed && <p className="reopens-agreed">Asks to reopen agreed ad ref language</p>}
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
                    aria-expanded={superseded.length > 0 ? confirming === proposal.id : undefined}
                    onClick={() => (superseded.length > 0 ? setConfirming(proposal.id) : void decide(proposal.id))}
                  >
                    Accept {proposal.state}’s
                  </button>
                </div>
              )}
              {confirming === proposal.id && (
                <AcceptConfirm
                  accepted={proposal}
                  superseded={superseded}
                  onConfirm={() => {
                    setConfirming(null)
                    void decide(proposal.id)
                  }}
                  onCancel={() => setConfirming(null)}
                />
              )}
            </section>
          )
        })}
      </div>
      {canDecide && wordings.length > 0 && (
        <section className="compromise" aria-labelledby="compromise-title">
          <h3 id="compromise-title">Compromise language</h3>
          <p className="muted small">
            Tick the proposals to start from (their changes are merged into the current text), then edit freely. Every ticked
            proposal is credited as merged into the compromise.
          </p>
          <button type="button" disabled={ticked.length === 0} onClick={startCompromise}>
            {ticked.length > 1 ? `Merge ${ticked.length} proposals` : 'Start from the ticked proposal'}
          </button>
          {leftOut.length > 0 && (
            <p className="notice" role="status">
              Not merged, because they change the same words: {leftOut.map(stateOf).join(', ')}. Weigh their wording by hand.
            </p>
          )}
          {compromise !== null && (
            <>
              <label htmlFor="compare-compromise">Compromise wording</label>
              <textarea id="compare-compromise" rows={4} value={compromise} onChange={(e) => setCompromise(e.target.value)} />
              <p className="preview" aria-label="Changes against the current text">
                <Redline segments={wordDiff(paragraph.text, compromise)} />
              </p>
              <p className="muted small" role="status">
                {basis ? compromiseWords(credited, supersededByCompromise) : 'Tick the proposals this compromise draws on.'}
              </p>
              <button
                type="button"
                className="primary"
                disabled={!basis || compromise.trim() === '' || compromise === paragraph.text}
                onClick={() => basis && void decide(basis, { text: compromise, merged })}
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
