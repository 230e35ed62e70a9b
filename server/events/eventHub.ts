/**
 * The push channel for everything that is not text (ARCHITECTURE §2): after a command changes
 * proposals, statuses, comments or versions, every browser in the room is told which list to
 * fetch again.
 * The text itself travels over Yjs. In one process this is a map of listeners; several server
 * instances would publish the same events through Redis behind this interface.
 *
 * It also carries one signal that is not a room event: an invite link was revoked. Access is
 * checked when an event stream opens, so a stream opened through that link is ended at once
 * (as the collaboration sockets are closed), rather than going on telling a revoked person what
 * changed.
 */
export type RoomEvent = { type: 'amendments' } | { type: 'statuses' } | { type: 'comments' } | { type: 'versions' }

type Listener = (event: RoomEvent) => void

export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly revocationWatchers = new Map<string, Set<() => void>>()

  subscribe(documentId: string, listener: Listener): () => void {
    return addTo(this.listeners, documentId, listener)
  }

  publish(documentId: string, event: RoomEvent): void {
    for (const listener of this.listeners.get(documentId) ?? []) listener(event)
  }

  /** Calls `onRevoked` when the invite link `inviteId` is revoked; gives back the unsubscribe. */
  watchRevocation(inviteId: string, onRevoked: () => void): () => void {
    return addTo(this.revocationWatchers, inviteId, onRevoked)
  }

  revoke(inviteId: string): void {
    const watchers = this.revocationWatchers.get(inviteId)
    this.revocationWatchers.delete(inviteId)
    for (const watcher of watchers ?? []) watcher()
  }
}

/** Adds to the set under `key`; the unsubscribe removes the key with its last member, so nothing piles up. */
function addTo<T>(map: Map<string, Set<T>>, key: string, member: T): () => void {
  const set = map.get(key) ?? new Set()
  set.add(member)
  map.set(key, set)
  return () => {
    set.delete(member)
    if (set.size === 0 && map.get(key) === set) map.delete(key)
  }
}
