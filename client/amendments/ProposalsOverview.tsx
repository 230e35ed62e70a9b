import { memo } from 'react'
import type { Amendment } from '../../shared/amendments/types'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import type { Paragraph } from '../../shared/paragraphs/types'
import { PROPOSAL_KIND_WORDS } from '../../shared/amendments/decisions'
import { ParagraphPicker } from './ParagraphPicker'
import { useCompiledParagraphs } from './useCompiledParagraphs'

interface Props {
  paragraphs: readonly Paragraph[]
  amendments: Amendment[]
  /** Facilitators also see, apart, the proposals that ask to reopen agreed language. */
  canDecide: boolean
  onSelect: (paragraph: Paragraph) => void
}

/** Where the negotiation stands: every paragraph with pending proposals, the contested first. */
export const ProposalsOverview = memo(function ProposalsOverview({ paragraphs, amendments, canDecide, onSelect }: Props) {
  const compiled = useCompiledParagraphs(paragraphs, amendments).filter((p) => p.proposals.length + p.insertions.length > 0)
  const ordered = [...compiled.filter((p) => p.contested), ...compiled.filter((p) => !p.contested)]
  const byId = new Map(paragraphs.map((p) => [p.id, p]))
  const reopening = canDecide ? amendments.filter((a) => a.status === 'pending' && a.reopensAgreed && byId.has(a.paragraphId)) : []
  return (
    <aside className="side-panel proposals" aria-labelledby="proposals-title">
      <h2 id="proposals-title" tabIndex={-1}>
        Proposals
      </h2>
      <ParagraphPicker paragraphs={paragraphs} onSelect={onSelect} />
      {reopening.length > 0 && (
        <section className="reopen-requests" aria-labelledby="reopen-requests-title">
          <h3 id="reopen-requests-title">Asks to reopen agreed language</h3>
          <p className="muted small">Proposals on agreed or agreed ad ref paragraphs: decide whether to reopen the paragraph.</p>
          <ul className="overview">
            {reopening.map((a) => {
              const target = byId.get(a.paragraphId)!
              return (
                <li key={a.id}>
                  <button type="button" className="overview-item" onClick={() => onSelect(target)}>
                    <strong>{paragraphLabel(target)}</strong> {a.state}: {PROPOSAL_KIND_WORDS[a.kind]}
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {ordered.length === 0 ? (
        <p className="muted">No pending proposals. Put the cursor in a paragraph, or choose one above, to see its history or make one.</p>
      ) : (
        <>
          <p className="muted">Put the cursor in a paragraph, or choose one:</p>
          <ul className="overview">
            {ordered.map((compiledParagraph) => {
              const all = [...compiledParagraph.proposals, ...compiledParagraph.insertions]
              const target = byId.get(compiledParagraph.id)!
              return (
                <li key={compiledParagraph.id}>
                  <button type="button" className="overview-item" onClick={() => onSelect(target)}>
                    <strong>{paragraphLabel(target)}</strong> {all.length} proposal{all.length === 1 ? '' : 's'} ·{' '}
                    {[...new Set(all.map((x) => x.state))].join(', ')}
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
})
