import { CloseCode } from '../../shared/api/closeCodes'
import type * as Y from 'yjs'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { isLocked } from '../../shared/paragraphs/types'
import type { Store } from '../store/types'
import { loadDocument } from '../store/updateLog'
import { readDocJson, Room, type RoomOptions, snapshotOf } from './room'

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

  /** Whether the resolution is loaded (its first connection finds it is not). */
  has(documentId: string): boolean {
    return this.rooms.has(documentId)
  }

  open(documentId: string): Room {
    let room = this.rooms.get(documentId)
    if (!room || room.hasFailed) {
      room = new Room(documentId, this.store, this.options, (empty) => this.unload(empty))
      room.setLocked(this.lockedParagraphs(documentId))
      this.rooms.set(documentId, room)
    }
    return room
  }

  /**
   * Runs a server-side forward edit on the live document (loading it if nobody is connected),
   * stored and relayed to everyone like any other change.
   */
  edit<T>(documentId: string, change: (doc: Y.Doc, room: Room) => T): T {
    const room = this.open(documentId)
    try {
      let result: T | undefined
      room.editAsServer((doc) => {
        result = change(doc, room)
      })
      return result as T
    } finally {
      if (room.size === 0) this.unload(room)
    }
  }

  /**
   * A server-side edit and its records (decision, audit entry) stored atomically: all or nothing,
   * relayed once committed (see Room.editAndRecord).
   */
  editAndRecord<T>(documentId: string, change: (doc: Y.Doc) => T, record: (result: T) => void): T {
    const room = this.open(documentId)
    try {
      return room.editAndRecord(change, record)
    } finally {
      if (room.size === 0) this.unload(room)
    }
  }

  /** Re-reads which paragraphs are locked after a status change; their current text is the agreed one. */
  refreshLocks(documentId: string): void {
    this.rooms.get(documentId)?.setLocked(this.lockedParagraphs(documentId))
  }

  private lockedParagraphs(documentId: string): string[] {
    return [...this.store.paragraphStatuses(documentId)].filter(([, status]) => isLocked(status)).map(([id]) => id)
  }

  /**
   * The current document as its encoded Yjs state and as JSON, read at the same moment: from the
   * live room if loaded, else from the store.
   */
  snapshot(documentId: string): { state: Uint8Array; json: DocJson } {
    const room = this.rooms.get(documentId)
    if (room) return room.snapshot()
    const { doc } = loadDocument(this.store, documentId, this.options.log)
    try {
      return snapshotOf(doc)
    } finally {
      doc.destroy()
    }
  }

  /** The current document as JSON: from the live room if loaded, else from the store. */
  read(documentId: string): DocJson {
    const room = this.rooms.get(documentId)
    if (room) {
      room.commit() // only what is stored is shown
      return readDocJson(room.doc)
    }
    const { doc } = loadDocument(this.store, documentId, this.options.log)
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
    // A failed room may already have been replaced by a fresh one: destroy it all the same.
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId)
    room.destroy()
  }
}
