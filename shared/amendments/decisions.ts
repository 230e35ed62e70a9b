/**
 * Decisions in plain words, the same in the panel, the compilation text and the exports; and what
 * accepting a proposal will do to the others, shown before it is done.
 */
import type { CompiledProposal } from './compile'
import type { Amendment, AmendmentKind } from './types'

/** What a proposal asks for, in a negotiator's words. */
export const PROPOSAL_KIND_WORDS: Record<AmendmentKind, string> = {
  replace: 'new wording',
  delete: 'deletion of the paragraph',
  'insert-after': 'new paragraph after it',
}

/** The pending proposals that accepting `acceptedId` (with `mergedIds` merged into it) would supersede. */
export function wouldSupersede(amendments: readonly Amendment[], acceptedId: string, mergedIds: readonly string[] = []): Amendment[] {
  const accepted = amendments.find((a) => a.id === acceptedId)
  if (!accepted || accepted.kind === 'insert-after') return []
  return amendments.filter(
    (a) =>
      a.status === 'pending' &&
      a.paragraphId === accepted.paragraphId &&
      a.kind !== 'insert-after' &&
      a.id !== acceptedId &&
      !mergedIds.includes(a.id),
  )
}

/** "Mexico's proposal", or "the proposal" when it is not known (any more). */
function proposalOf(id: string | undefined, byId: ReadonlyMap<string, Amendment>): string {
  const other = id ? byId.get(id) : undefined
  return other ? `${other.state}’s proposal` : 'another proposal'
}

/** A proposal's status as a negotiator says it: "Superseded by the acceptance of Mexico's proposal". */
export function statusWords(amendment: Amendment, byId: ReadonlyMap<string, Amendment>): string {
  const { decision } = amendment
  switch (amendment.status) {
    case 'pending':
      return amendment.reopensAgreed ? 'Pending — asks to reopen agreed ad ref language' : 'Pending'
    case 'accepted': {
      const merged = (decision?.mergedIds ?? []).map((id) => byId.get(id)?.state).filter(Boolean)
      if (merged.length > 0) return `Accepted as compromise language, merging the proposals of ${[amendment.state, ...merged].join(', ')}`
      return decision?.compromise ? 'Accepted with compromise language' : 'Accepted'
    }
    case 'merged':
      return `Merged into the compromise accepted with ${proposalOf(decision?.acceptedId, byId)}`
    case 'superseded':
      return `Superseded by the acceptance of ${proposalOf(decision?.acceptedId, byId)}`
    case 'rejected':
      return 'Rejected'
    case 'withdrawn':
      return `Withdrawn by ${amendment.enteredBy ? `the facilitators for ${amendment.state}` : amendment.state}`
  }
}

/** "Brazil", "Brazil and Chile", "Brazil, Chile and Peru": UN style has no serial comma. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * Who stands behind a proposal, as every compilation text prints it: "Proposed by Brazil, joined
 * by Chile and Peru; objected to by Kenya; entered by the facilitators on behalf of Brazil; asks to
 * reopen agreed ad ref language".
 */
export function attributionWords(p: Pick<CompiledProposal, 'state' | 'supporters' | 'objectors' | 'enteredBy' | 'reopensAgreed'>): string {
  const joined = p.supporters.length ? `, joined by ${joinNames(p.supporters)}` : ''
  return [
    `Proposed by ${p.state}${joined}`,
    p.objectors.length ? `objected to by ${joinNames(p.objectors)}` : '',
    p.enteredBy !== null ? `entered by the facilitators on behalf of ${p.state}` : '',
    p.reopensAgreed ? 'asks to reopen agreed ad ref language' : '',
  ]
    .filter(Boolean)
    .join('; ')
}
