import type { Granted } from '../access/resolveAccess'
import type { Store } from '../store/types'
import { limitsOf } from './limitsOf'
import { count, personKey, tooMany, waitWords } from './tooMany'

/**
 * Called first by `propose` and `retable` (server/amendments/amendmentCommands.ts), once the
 * proposing State is known: refuses with 429 when the caller has tabled `proposalsPerMinute`
 * proposals in the last minute, or when `state` already has `pendingProposalsPerState` pending in
 * this resolution. Each proposal is a row, a line in the compilation and work for every browser
 * in the room; ten thousand from one delegation once took 12.8 s to make (issue 13).
 */
export function checkProposalQuota(store: Store, documentId: string, access: Granted, state: string): void {
  const { settings, proposals } = limitsOf(store)
  const pending = store.listAmendments(documentId).filter((a) => a.state === state && a.status === 'pending').length
  if (pending >= settings.pendingProposalsPerState) {
    tooMany(
      `${state} already has ${count(pending)} pending ${pending === 1 ? 'proposal' : 'proposals'} on this resolution, the most one State may have; withdraw some before tabling more.`,
    )
  }
  const answer = proposals.take(personKey(access))
  if (!answer.ok) tooMany(`You have tabled ${count(proposals.limit)} proposals in the last minute; ${waitWords(answer)}.`)
}
