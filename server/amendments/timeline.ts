/**
 * A paragraph's story, from the audit log and the named versions: who proposed, joined,
 * objected, withdrew, what was accepted, merged, superseded, reopened, the status changes, and the
 * versions in which its text changed — each in plain words.
 */
import { PROPOSAL_KIND_WORDS } from '../../shared/amendments/decisions'
import type { Amendment, TimelineEvent } from '../../shared/amendments/types'
import { PARAGRAPH_STATUS_LABELS, type ParagraphStatus } from '../../shared/paragraphs/types'
import type { AuditEntry, Store } from '../store/types'

export function paragraphTimeline(store: Store, documentId: string, paragraphId: string): TimelineEvent[] {
  const amendments = new Map(store.listAmendments(documentId).map((a) => [a.id, a]))
  const about = (entry: AuditEntry) => {
    const id = typeof entry.detail.amendmentId === 'string' ? entry.detail.amendmentId : undefined
    // Entries written before paragraph ids were recorded name the proposal only.
    return entry.detail.paragraphId === paragraphId || (id !== undefined && amendments.get(id)?.paragraphId === paragraphId)
  }
  const events = store
    .listAudit(documentId)
    .filter(about)
    .map((entry): TimelineEvent => {
      const amendmentId = typeof entry.detail.amendmentId === 'string' ? entry.detail.amendmentId : undefined
      return {
        at: new Date(entry.at).toISOString(),
        actor: entry.actor,
        action: entry.action,
        words: describe(entry, amendmentId ? amendments.get(amendmentId) : undefined, amendments),
        ...(amendmentId ? { amendmentId } : {}),
      }
    })
  return [...events, ...versionEvents(store, documentId, paragraphId)].sort((a, b) => a.at.localeCompare(b.at))
}

function describe(entry: AuditEntry, amendment: Amendment | undefined, byId: ReadonlyMap<string, Amendment>): string {
  const { detail } = entry
  const proposer = amendment ? `${amendment.state}’s proposal` : 'a proposal'
  const stateOf = (id: unknown) => (typeof id === 'string' ? byId.get(id)?.state : undefined)
  switch (entry.action) {
    case 'amendment.propose':
      return `${detail.state ?? amendment?.state} proposed ${amendment ? PROPOSAL_KIND_WORDS[amendment.kind] : 'a change'}${amendment?.enteredBy ? ` (entered by ${amendment.enteredBy})` : ''}`
    case 'amendment.retable':
      return `${detail.state} tabled its proposal again on the new text`
    case 'amendment.support':
      return `${detail.state} joined ${proposer}`
    case 'amendment.object':
      return `${detail.state} objected to ${proposer}`
    case 'amendment.withdraw':
      return `${proposer} was withdrawn`
    case 'amendment.reject':
      return `${proposer} was rejected`
    case 'amendment.accept': {
      const merged = Array.isArray(detail.merged) ? detail.merged.map(stateOf).filter(Boolean) : []
      const superseded = Array.isArray(detail.superseded) ? detail.superseded.map(stateOf).filter(Boolean) : []
      const how = merged.length > 0 ? ` as compromise language merging the proposals of ${merged.join(', ')}` : detail.compromise ? ' with compromise language' : ''
      return `${proposer} was accepted${how}${superseded.length > 0 ? `; superseded: ${superseded.join(', ')}` : ''}`
    }
    case 'amendment.reopen':
      return `The ${detail.was === 'rejected' ? 'rejection' : 'acceptance'} of ${proposer} was reopened${detail.reason ? `: “${String(detail.reason)}”` : ''}`
    case 'status.set':
      return `Status set to ${PARAGRAPH_STATUS_LABELS[detail.to as ParagraphStatus] ?? String(detail.to)}`
    default:
      return entry.action
  }
}

/** The named versions ("Rev.1") in which the paragraph first appears or its text differs from the version before. */
function versionEvents(store: Store, documentId: string, paragraphId: string): TimelineEvent[] {
  const page = store.listVersions(documentId, { kind: 'named', limit: 200 })
  const oldestFirst = [...(page?.versions ?? [])].reverse()
  const events: TimelineEvent[] = []
  let previous: string | undefined
  for (const summary of oldestFirst) {
    const text = store.getVersion(summary.id)?.paragraphs.find((p) => p.id === paragraphId)?.text
    if (text !== undefined && text !== previous) {
      events.push({
        at: summary.createdAt,
        actor: summary.author ?? 'Penholder',
        action: 'version.name',
        words: previous === undefined ? `${summary.label} saved with this paragraph` : `${summary.label} saved with this paragraph changed`,
      })
    }
    previous = text ?? previous
  }
  return events
}
