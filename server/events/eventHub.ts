/**
 * The push channel for everything that is not text (ARCHITECTURE §2): after a command changes
 * proposals, statuses, comments or versions, every browser in the room is told which list to
 * fetch again.
 * The text itself travels over Yjs. In one process this is a map of listeners; several server
 * instances would publish the same events through Redis behind this interface.
 */
export type RoomEvent = { type: 'amendments' } | { type: 'statuses' } | { type: 'comments' } | { type: 'versions' }

type Listener = (event: RoomEvent) => void

export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>()

  subscribe(documentId: string, listener: Listener): () => void {
    const set = this.listeners.get(documentId) ?? new Set()
    set.add(listener)
    this.listeners.set(documentId, set)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(documentId)
    }
  }

  publish(documentId: string, event: RoomEvent): void {
    for (const listener of this.listeners.get(documentId) ?? []) listener(event)
  }
}
