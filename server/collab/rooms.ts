import { CloseCode } from '../../shared/api/closeCodes'
import type { DocJson } from '../../shared/paragraphs/docJson'
import type { Store } from '../store/types'
import { loadDocument, readDocJson, Room, type RoomOptions } from './room'

/**
 * The rooms this process holds in memory, one per resolution with people connected. A room is
 * loaded on its first connection and unloaded (stored, log compacted) after its last one leaves,
 * so memory follows the number of active negotiations, not the number ever created.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>()

  constructor(
    private readonly store: Store,
    private readonly options: RoomOptions,
  ) {}

  open(documentId: string): Room {
    let room = this.rooms.get(documentId)
    if (!room) {
      room = new Room(documentId, this.store, this.options, (empty) => this.unload(empty))
      this.rooms.set(documentId, room)
    }
    return room
  }

  /** The current document as JSON: from the live room if loaded, else from the store. */
  read(documentId: string): DocJson {
    const room = this.rooms.get(documentId)
    if (room) return readDocJson(room.doc)
    const { doc } = loadDocument(this.store, documentId)
    try {
      return readDocJson(doc)
    } finally {
      doc.destroy()
    }
  }

  /** Closes the open connections made with one invite link (after it was revoked). */
  disconnectInvite(documentId: string, inviteId: string): void {
    this.rooms
      .get(documentId)
      ?.disconnect((peer) => peer.identity.inviteId === inviteId, CloseCode.Forbidden, 'Your link has been revoked')
  }

  get loaded(): number {
    return this.rooms.size
  }

  /** Stores and unloads every room; used on shutdown. */
  closeAll(): void {
    for (const room of [...this.rooms.values()]) this.unload(room)
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.documentId) !== room) return
    this.rooms.delete(room.documentId)
    room.destroy()
  }
}
