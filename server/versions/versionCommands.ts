import { createHash } from 'node:crypto'
import type { NameVersionBody } from '../../shared/api/versions'
import { LIVE } from '../../shared/api/versions'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution } from '../../shared/paragraphs/readResolution'
import type { Paragraph } from '../../shared/paragraphs/types'
import { randomId } from '../../shared/randomId'
import { compareVersions } from '../../shared/versions/compareVersions'
import type { CheckpointReason, Version, VersionKind, VersionRedline, VersionSummary } from '../../shared/versions/types'
import { actorOf, refuse, requireAction } from '../access/enforce'
import type { Granted } from '../access/resolveAccess'
import { restoreById, versionNode } from '../collab/restoreVersion'
import type { Rooms } from '../collab/rooms'
import type { EventHub } from '../events/eventHub'
import type { Store, StoredVersion } from '../store/types'

/**
 * Version history (issue 6): named versions, the server's checkpoints, reading, comparing and
 * restoring. Like the other commands, each asks the policy first, writes the store, appends to
 * the audit log and tells the room (`{ type: 'versions' }`). Nothing is ever deleted: a restore is
 * a forward change on the live document, after a checkpoint of what it replaces, so restoring that
 * checkpoint undoes it.
 */

export interface VersionDeps {
  store: Store
  rooms: Rooms
  hub: EventHub
}

/** What a version is made from: the live document's encoded Yjs state and its JSON, read together. */
export interface DocumentSnapshot {
  state: Uint8Array
  json: DocJson
}

const LIVE_LABEL = 'Current text'

/**
 * The fingerprint of what a reader sees: the whole text (frame, paragraphs with their ids, kinds,
 * order, levels and marks) and each paragraph's status. Two states with the same hash read the
 * same, however differently their Yjs histories got there.
 */
export function contentHash(json: DocJson, paragraphs: readonly Paragraph[]): string {
  const content = { doc: canonical(json), statuses: paragraphs.map((p) => [p.id, p.status]) }
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/** The document JSON with sorted keys and without the empty parts Yjs may or may not keep. */
function canonical(node: DocJson): unknown {
  const out: Record<string, unknown> = { type: node.type }
  const attrs = Object.entries(node.attrs ?? {}).filter(([, value]) => value !== null && value !== undefined)
  if (attrs.length) out.attrs = Object.fromEntries(attrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, String(v)]))
  if (typeof node.text === 'string') out.text = node.text
  if (node.marks?.length) out.marks = node.marks.map((mark) => mark.type).sort()
  const content = (node.content ?? []).filter((child) => child.text !== '')
  if (content.length) out.content = content.map(canonical)
  return out
}

function save(
  { store, hub }: Pick<VersionDeps, 'store' | 'hub'>,
  documentId: string,
  snapshot: DocumentSnapshot,
  fields: { kind: VersionKind; label: string; note: string; reason: CheckpointReason | null; author: string | null },
  /** When the newest version already holds this content, whether it stands for the one asked. */
  reuse: (latest: VersionSummary) => boolean,
): { version: VersionSummary; created: boolean } {
  const paragraphs = readResolution(snapshot.json, store.paragraphStatuses(documentId)).paragraphs
  const hash = contentHash(snapshot.json, paragraphs)
  {
    const latest = store.latestVersion(documentId)
    if (latest && latest.contentHash === hash && reuse(latest)) {
      const { contentHash: _, ...version } = latest
      return { version, created: false }
    }
  }
  const version = store.createVersion({
    id: randomId('v-', 12),
    documentId,
    ...fields,
    createdAt: Date.now(),
    state: snapshot.state,
    paragraphs,
    contentHash: hash,
  })
  hub.publish(documentId, { type: 'versions' })
  return { version, created: true }
}

/**
 * Takes a checkpoint of `snapshot`, unless the newest version (of either kind) already has the
 * same content: then that one is returned, and nothing is stored twice.
 */
export function checkpointOf(
  deps: Pick<VersionDeps, 'store' | 'hub'>,
  documentId: string,
  snapshot: DocumentSnapshot,
  reason: CheckpointReason,
  author: string | null,
  label: string,
): { version: VersionSummary; created: boolean } {
  return save(deps, documentId, snapshot, { kind: 'checkpoint', label, note: '', reason, author }, () => true)
}

/** A checkpoint of the live document (see `checkpointOf`). */
export function checkpoint(
  deps: VersionDeps,
  documentId: string,
  reason: CheckpointReason,
  author: string | null,
  label: string = CHECKPOINT_LABELS[reason],
): { version: VersionSummary; created: boolean } {
  return checkpointOf(deps, documentId, deps.rooms.snapshot(documentId), reason, author, label)
}

export const CHECKPOINT_LABELS: Record<CheckpointReason, string> = {
  activity: 'Automatic checkpoint',
  'before-restore': 'Before restoring a version',
  'before-accept': 'Before accepting a proposal',
}

/** A facilitator saves the current text as "Zero draft", "Rev.1" … */
export function nameVersion(deps: VersionDeps, documentId: string, access: Granted, body: NameVersionBody): VersionSummary {
  requireAction(access, 'version.name')
  const label = body.label.trim()
  const snapshot = deps.rooms.snapshot(documentId)
  // The version and its audit entry together, or neither. Naming the same text with the same label
  // again (a retry after a lost answer) gives back the version already named.
  const sameName = (latest: VersionSummary) => latest.kind === 'named' && latest.label === label
  return deps.store.transaction(() => {
    const fields = { kind: 'named' as const, label, note: body.note?.trim() ?? '', reason: null, author: actorOf(access) }
    const { version, created } = save(deps, documentId, snapshot, fields, sameName)
    if (created) deps.store.audit({ documentId, at: Date.now(), actor: actorOf(access), action: 'version.name', detail: { versionId: version.id, label } })
    return version
  })
}

export function listVersions(
  { store }: VersionDeps,
  documentId: string,
  query: { kind?: VersionKind; before?: string; limit: number },
): { versions: VersionSummary[]; next: string | null } {
  return store.listVersions(documentId, query) ?? refuse(400, 'before: not a cursor of this resolution’s versions')
}

function storedOrRefuse(store: Store, documentId: string, versionId: string): StoredVersion {
  const version = store.getVersion(versionId)
  if (!version || version.documentId !== documentId) return refuse(404, 'No version with this id')
  return version
}

/** A version as it was: its paragraphs with their numbering and statuses then. */
export function readVersion({ store }: VersionDeps, documentId: string, versionId: string): Version {
  const { state: _state, contentHash: _hash, ...version } = storedOrRefuse(store, documentId, versionId)
  return version
}

export interface Comparison {
  from: { id: string; label: string }
  to: { id: string; label: string }
  redline: VersionRedline
}

/**
 * The redline between two versions, or a version and the live text (`live`). `to` defaults to
 * the live text, `from` to the newest named version: what delegations compare against.
 */
export function compare(deps: VersionDeps, documentId: string, query: { from?: string; to?: string }): Comparison {
  const fromId =
    query.from ??
    deps.store.listVersions(documentId, { kind: 'named', limit: 1 })?.versions[0]?.id ??
    refuse(404, 'from: this resolution has no named version yet; choose a version to compare with')
  const side = (id: string, name: 'from' | 'to'): { id: string; label: string; paragraphs: Paragraph[] } => {
    if (id === LIVE) {
      const paragraphs = readResolution(deps.rooms.read(documentId), deps.store.paragraphStatuses(documentId)).paragraphs
      return { id: LIVE, label: LIVE_LABEL, paragraphs }
    }
    const version = deps.store.getVersion(id)
    if (!version || version.documentId !== documentId) return refuse(404, `${name}: no version with this id`)
    return { id: version.id, label: version.label, paragraphs: version.paragraphs }
  }
  const from = side(fromId, 'from')
  const to = side(query.to ?? LIVE, 'to')
  return {
    from: { id: from.id, label: from.label },
    to: { id: to.id, label: to.label },
    redline: compareVersions(from.paragraphs, to.paragraphs),
  }
}

/**
 * A facilitator restores a version: a checkpoint of the text it replaces first (so the restore
 * can be undone by restoring that), then the version's text as one forward change on the live
 * document that reaches everyone connected (RECIPES §2, restoreById). Paragraph statuses are a
 * record of their own and stay as they are; agreed paragraphs do not block a restore (the
 * server's own change), and their locks are then taken from the restored text. Proposals and
 * comments on paragraphs the version does not have stay as they are, readable.
 *
 * Returns the checkpoint taken before (or the version it would have repeated).
 */
export function restoreVersion(deps: VersionDeps, documentId: string, access: Granted, versionId: string): VersionSummary {
  requireAction(access, 'version.restore')
  const version = storedOrRefuse(deps.store, documentId, versionId)
  const actor = actorOf(access)
  const before = checkpoint(deps, documentId, 'before-restore', actor, `Before restoring ${version.label}`).version
  const target = versionNode(version.state)
  // The restored text and its audit entry are stored together, or neither.
  deps.rooms.editAndRecord(
    documentId,
    (doc) => restoreById(doc, target),
    () =>
      deps.store.audit({
        documentId,
        at: Date.now(),
        actor,
        action: 'version.restore',
        detail: { versionId: version.id, label: version.label, checkpointId: before.id },
      }),
  )
  deps.rooms.refreshLocks(documentId)
  deps.hub.publish(documentId, { type: 'versions' })
  return before
}
