/**
 * What a decision will do, said before it is done, in the words a negotiator uses: "Accept
 * Mexico’s proposal? It will supersede Brazil’s and Chile’s proposals."
 */
import { joinNames } from '../../shared/amendments/decisions'
import type { Amendment } from '../../shared/amendments/types'

/** "Brazil’s proposal", "Brazil’s and Chile’s proposals"; one State with two proposals is named once. */
export function proposalsOf(amendments: readonly Pick<Amendment, 'state'>[]): string {
  const states = [...new Set(amendments.map((a) => `${a.state}’s`))]
  return `${joinNames(states)} proposal${amendments.length === 1 ? '' : 's'}`
}

/** The question asked before accepting one proposal as it stands. */
export function acceptQuestion(accepted: Pick<Amendment, 'state'>, superseded: readonly Pick<Amendment, 'state'>[]): string {
  const question = `Accept ${accepted.state}’s proposal?`
  return superseded.length === 0 ? question : `${question} It will supersede ${proposalsOf(superseded)}.`
}

/** What accepting compromise language records: who is credited, and what it supersedes. */
export function compromiseWords(credited: readonly Pick<Amendment, 'state'>[], superseded: readonly Pick<Amendment, 'state'>[]): string {
  const merged = credited.length > 1 ? `It credits ${proposalsOf(credited)} as merged into the compromise.` : `It is recorded as ${proposalsOf(credited)}, with compromise language.`
  return superseded.length === 0 ? merged : `${merged} It will supersede ${proposalsOf(superseded)}.`
}
