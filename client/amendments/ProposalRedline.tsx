import type { CompiledProposal } from '../../shared/amendments/compile'
import { Redline } from './Redline'

export function proposalTitle(proposal: CompiledProposal): string {
  if (proposal.kind === 'delete') return 'Delete the paragraph'
  if (proposal.kind === 'insert-after') return proposal.label ?? 'New paragraph after it'
  return 'New wording'
}

/**
 * A proposal as a redline against the current text; when it was drafted against an older text
 * that it cannot be rebased onto, says so and shows that text, so nothing is silently changed.
 */
export function ProposalRedline({ proposal }: { proposal: CompiledProposal }) {
  return (
    <>
      {proposal.drafting === 'older-text' && (
        <p className="notice">
          Drafted against an older text: “{proposal.originalBase}”. The changes below are against that text.
        </p>
      )}
      {proposal.drafting === 'rebased' && <p className="muted small">Drafted against an earlier text; shown rebased onto the current one.</p>}
      <p className="proposal-text">
        <Redline segments={proposal.redline} />
      </p>
    </>
  )
}
