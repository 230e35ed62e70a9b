import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/api/closeCodes'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution, summarise } from '../../shared/paragraphs/readResolution'
import type { Paragraph } from '../../shared/paragraphs/types'
import { YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import type { Role } from '../../shared/policy/policy'
import { actorOf } from '../access/enforce'
import type { Store } from '../store/types'
import { compactDocument, loadDocument } from '../store/updateLog'
import { LockGuard } from './lockGuard'
import { paragraphTextHashes } from './paragraphTexts'
import { pinAwareness } from './pinAwareness'
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './protocol'

/** Who is at the other end of a connection, as the server knows it from their credentials. */
export interface PeerIdentity {
  inviteId: string
  name: string
  role: Role
  state: string | null
  organisation: string | null
}

/** One end of a collaboration connection, as the room sees it. */
export interface Peer {
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  /** Decided by the policy when the connection opens; read-only peers never change the text. */
  readonly canEditText: boolean
  readonly identity: PeerIdentity
}

interface PeerState {
  /** The one awareness client id this connection may speak for (see pinAwareness). */
  clientId?: number
  /** Text updates refused from a read-only connection so far. */
  refusedWrites: number
  /** Whether it has sent the sync step 2 the stock provider sends once per connection. */
  sentStepTwo?: boolean
  /** Sync step 1 requests answered on this connection. */
  syncRequests: number
  /**
   * The state vector of what the connection was sent before it joined (see `join`): its first
   * sync request asked before that arrived, so it is answered with what it still lacks.
   */
  sent?: Uint8Array
}

/** Sync requests one connection may make: the stock provider makes one (more with its resync interval). */
const MAX_SYNC_REQUESTS = 20

/** A read-only connection that sends this many text updates is closed: it is broken or hostile. */
const MAX_REFUSED_WRITES = 3

export interface RoomOptions {
  /** Write the summary (title, counts, last change) this long after a change, at most. */
  flushDelayMs: number
  /** Merge the update log once it holds this many updates. */
  compactAfterUpdates: number
  log: (message: string, error?: unknown) => void
  /**
   * Automatic checkpoints while people edit: `everyMs` after the first text change from a
   * connection (and then at most once per `everyMs` while the editing goes on), and when the room
   * unloads with one due. `take` stores the checkpoint; `editors` are those who changed the text.
   */
  checkpoints?: { everyMs: number; take: (room: Room, editors: string[]) => void }
}

/** A change to the document and where it came from (a peer, the server, the lock guard). */
interface Change {
  update: Uint8Array
  origin: unknown
  /** What its origin lacks of it: the undoing of the peer's own refused update (see applyGuarded). */
  reply?: Uint8Array
}

/** An update with no structs and no deletions (v1): what a client that has nothing new sends. */
const isEmptyUpdate = (update: Uint8Array): boolean => update.length === 2 && update[0] === 0 && update[1] === 0

/** An awareness update with no entries (a varUint count of 0). */
const NO_STATES = Uint8Array.of(0)

/** Origin of the server's own forward edits. */
const SERVER = Symbol('server')


export function readDocJson(doc: Y.Doc): DocJson {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FRAGMENT)) as DocJson
}

/** The document's encoded Yjs state and its JSON, read at the same moment (what a version keeps). */
export function snapshotOf(doc: Y.Doc): { state: Uint8Array; json: DocJson } {
  return { state: Y.encodeStateAsUpdate(doc), json: readDocJson(doc) }
}

/**
 * One resolution's live Yjs document and the people connected to it.
 *
 * Invariant: an update is appended to the store before it is relayed to anyone. If the store
 * fails, nothing is relayed and every connection is closed; clients still hold their edits and
 * send them again on reconnect, against a room reloaded from what was stored.
 */
export class Room {
  readonly doc: Y.Doc
  /**
   * Who is here and where their caret is; made on the first presence a connection announces, so a
   * room nobody announces presence in holds no awareness state nor its 3-second check timer.
   */
  private presence: awarenessProtocol.Awareness | undefined
  private readonly peers = new Map<Peer, PeerState>()
  private lastSeq: number
  private updatesSinceCompaction = 0
  private lastChangeAt = 0
  private flushTimer: NodeJS.Timeout | undefined
  private failed = false
  private destroyed = false
  /** Agreed paragraphs and what undoes a change to them; none while nothing is agreed. */
  private locks: LockGuard | undefined
  /**
   * Changes applied in memory and not yet stored: committed together, in one store transaction,
   * at the end of the event-loop turn they arrived in (group commit), and only then relayed.
   */
  private pending: Change[] = []
  private commitTimer: NodeJS.Immediate | undefined
  /** Sync step 2 with the whole document, kept until the next change (see syncAnswer). */
  private wholeState: { message: Uint8Array; state: Uint8Array } | undefined
  /** The activity checkpoint that is due, and who has edited since the last one. */
  private checkpointTimer: NodeJS.Timeout | undefined
  private readonly editors = new Set<string>()
  private loadedTextsRemembered = false

  constructor(
    readonly documentId: string,
    private readonly store: Store,
    private readonly options: RoomOptions,
    /** Called when the last peer leaves, and when the room fails: either way it is unloaded. */
    private readonly onEmpty: (room: Room) => void,
  ) {
    const { doc, lastSeq } = loadDocument(store, documentId, options.log)
    this.doc = doc
    this.lastSeq = lastSeq
    doc.on('update', this.onDocUpdate)
  }

  private awareness(): awarenessProtocol.Awareness {
    if (!this.presence) {
      this.presence = new awarenessProtocol.Awareness(this.doc)
      this.presence.setLocalState(null) // the server is not a participant
      this.presence.on('update', this.onAwarenessUpdate)
    }
    return this.presence
  }

  /**
   * Every text a paragraph has had when the room loaded or saved is remembered: a proposal's base
   * is one of them. The texts as loaded only need remembering before they first change, so a room
   * that people only open and read never reads its whole document for it, and the first sync of
   * a connection never waits for it.
   */
  private rememberLoadedTexts(): void {
    if (this.loadedTextsRemembered) return
    this.loadedTextsRemembered = true
    this.rememberTexts(readResolution(readDocJson(this.doc)).paragraphs)
  }

  private rememberTexts(paragraphs: readonly Paragraph[]): void {
    try {
      this.store.rememberParagraphTexts(this.documentId, paragraphTextHashes(paragraphs), Date.now())
    } catch (error) {
      // Only a proposal drafted on this text would miss it (it is asked to rebase): not worth closing the room for.
      this.options.log(`remembering the paragraph texts of ${this.documentId} failed`, error)
    }
  }

  get size(): number {
    return this.peers.size
  }

  /**
   * `sentWhole`: the connection was already sent the whole document as stored, which is this
   * room's document as it loaded; its first sync request is then answered with what changed since.
   */
  join(peer: Peer, { sentWhole = false } = {}): void {
    if (this.failed) {
      peer.close(CloseCode.StorageFailure, 'The server could not store the change; reconnect')
      return
    }
    const stateVector = Y.encodeStateVector(this.doc)
    this.peers.set(peer, { refusedWrites: 0, syncRequests: 0, sent: sentWhole ? stateVector : undefined })
    peer.send(encodeSyncStep1(stateVector))
    if (this.presence && this.presence.getStates().size > 0) peer.send(this.allAwarenessStates())
  }

  leave(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    if (state.clientId !== undefined) awarenessProtocol.removeAwarenessStates(this.awareness(), [state.clientId], 'left')
    if (this.peers.size === 0) this.onEmpty(this)
  }

  /** Closes every connection that matches, e.g. all those opened with a revoked link. */
  disconnect(matches: (peer: Peer) => boolean, code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) if (matches(peer)) peer.close(code, reason)
  }

  /** Handles one frame; a bad frame closes that connection only. */
  receive(peer: Peer, data: Uint8Array): void {
    if (this.failed) return
    try {
      this.dispatch(peer, decodeClientMessage(data))
    } catch (error) {
      // Decoding, a state vector or an update that Yjs cannot read: the sender is broken or hostile.
      const reason = error instanceof ProtocolError ? error.message : 'malformed document or awareness update'
      peer.close(CloseCode.MalformedMessage, reason)
    }
  }

  private dispatch(peer: Peer, message: ClientMessage): void {
    const state = this.peers.get(peer)
    if (!state) return
    switch (message.type) {
      case 'sync-step-1':
        // Answering encodes the document on this thread: the stock provider asks once per
        // connection, so a connection that keeps asking is made to wait (closed; it may reconnect).
        if (++state.syncRequests > MAX_SYNC_REQUESTS) {
          peer.close(CloseCode.TooSlow, 'Too many sync requests on one connection')
          return
        }
        peer.send(this.syncAnswer(state.sent ?? message.stateVector))
        state.sent = undefined
        return
      case 'sync-step-2':
      case 'update':
        if (peer.canEditText) {
          this.applyGuarded(peer, message.update)
          return
        }
        // The read-only gate: never applied, stored or relayed. The stock provider answers our
        // sync step 1 with a step 2 on every connect, so that first one is dropped quietly; any
        // further step 2, and every update, is a write attempt, and a read-only connection that
        // keeps making them is closed.
        const writeAttempt = message.type === 'update' || state.sentStepTwo === true
        if (message.type === 'sync-step-2') state.sentStepTwo = true
        if (writeAttempt && ++state.refusedWrites >= MAX_REFUSED_WRITES) {
          peer.close(CloseCode.Forbidden, 'This connection may not change the text')
        }
        return
      case 'awareness': {
        const pinned = pinAwareness(message.update, peer.identity, state.clientId, (id) =>
          [...this.peers.values()].some((other) => other !== state && other.clientId === id),
        )
        if (!pinned) return
        state.clientId = pinned.clientId
        awarenessProtocol.applyAwarenessUpdate(this.awareness(), pinned.update, peer)
        return
      }
      case 'query-awareness':
        peer.send(this.allAwarenessStates())
        return
    }
  }

  private allAwarenessStates(): Uint8Array {
    const presence = this.presence
    return encodeAwareness(presence ? awarenessProtocol.encodeAwarenessUpdate(presence, [...presence.getStates().keys()]) : NO_STATES)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.failed) return
    this.wholeState = undefined
    this.pending.push({ update, origin })
    // setImmediate runs once the poll phase has handed over every frame that arrived, from
    // every socket; a timer or a microtask would commit after each one.
    this.commitTimer ??= setImmediate(() => this.commit())
  }

  /**
   * Stores the pending changes in one store transaction, then relays them. If the store fails,
   * nothing is relayed and the room fails (see fail).
   */
  commit(): void {
    clearImmediate(this.commitTimer)
    this.commitTimer = undefined
    const batch = this.takePending()
    if (batch.length === 0) return
    try {
      this.store.transaction(() => this.append(batch))
    } catch (error) {
      this.fail(error)
      return
    }
    this.committed(batch)
  }

  private takePending(): Change[] {
    const batch = this.pending
    this.pending = []
    return batch
  }

  /** Appends to the update log; must run inside a store transaction. */
  private append(batch: readonly Change[]): void {
    for (const { update } of batch) this.lastSeq = this.store.appendUpdate(this.documentId, update)
  }

  private committed(batch: readonly Change[]): void {
    this.updatesSinceCompaction += batch.length
    this.lastChangeAt = Date.now()
    this.scheduleFlush()
    for (const { origin } of batch) if (origin !== SERVER) this.noteActivity(origin)
    this.relay(batch)
  }

  /**
   * Sync step 2 for a peer that sent this state vector. A peer that has nothing of ours (every
   * new connection, and a reader that keeps asking) gets the whole document, encoded once per
   * change rather than once per request; the first sync of each new connection is the common
   * case, and encoding a large document blocks the room for milliseconds.
   */
  private syncAnswer(stateVector: Uint8Array): Uint8Array {
    // Nothing unstored may leave the server, not even in a sync answer.
    this.commit()
    const known = Y.decodeStateVector(stateVector)
    const hasNothing = [...known].every(([client, clock]) => clock === 0 || !this.doc.store.clients.has(client))
    return hasNothing ? this.whole().message : encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  private whole(): { message: Uint8Array; state: Uint8Array } {
    if (!this.wholeState) {
      const state = Y.encodeStateAsUpdate(this.doc)
      const message = encodeSyncStep2(state)
      // One buffer: the state is the message's tail.
      this.wholeState = { message, state: message.subarray(message.length - state.length) }
    }
    return this.wholeState
  }

  /** The document's encoded Yjs state (Y.encodeStateAsUpdate), encoded at most once per change. */
  encodedState(): Uint8Array {
    return this.whole().state
  }

  /** The document's encoded state and its JSON, read at the same moment, once stored (what a version keeps). */
  snapshot(): { state: Uint8Array; json: DocJson } {
    this.commit()
    return { state: this.encodedState(), json: readDocJson(this.doc) }
  }

  /**
   * Sends each peer what it does not have yet, change by change, in order. Merging a batch into
   * one message would cost more than it saves: Y.mergeUpdates grows faster than the batch.
   */
  private relay(batch: readonly Change[]): void {
    for (const { update, origin, reply } of batch) {
      const message = encodeUpdate(update)
      for (const peer of this.peers.keys()) {
        if (peer !== origin) peer.send(message)
        else if (reply) peer.send(encodeUpdate(reply))
      }
    }
  }

  /**
   * Applies an editor's update; if it changed agreed language (typed into it, deleted it, joined
   * it with a neighbour), the update is undone by a forward change (see LockGuard), so the sender
   * and everyone else converge on the agreed text. The update and its undoing are stored and
   * relayed as one change, so agreed text never even flashes on the other peers' screens; the
   * sender gets only the undoing.
   */
  private applyGuarded(peer: Peer, update: Uint8Array): void {
    // The stock provider's sync step 2 from a new client carries nothing: not even a transaction.
    if (isEmptyUpdate(update)) return
    this.rememberLoadedTexts()
    const apply = () => Y.applyUpdate(this.doc, update, peer)
    if (!this.locks?.active) {
      apply()
      return
    }
    const from = this.pending.length
    if (!this.locks.apply(peer, apply)) return
    const refused = this.pending.splice(from)
    this.pending.push({
      update: Y.mergeUpdates(refused.map((change) => change.update)),
      origin: peer,
      reply: Y.mergeUpdates(refused.filter((change) => change.origin !== peer).map((change) => change.update)),
    })
  }

  /** Sets which paragraphs are locked, taking their current content as the agreed one. */
  setLocked(paragraphIds: readonly string[]): void {
    if (paragraphIds.length === 0) {
      this.locks?.destroy()
      this.locks = undefined
      return
    }
    this.locks ??= new LockGuard(this.doc)
    this.locks.lock(paragraphIds)
  }

  /** A change made by the server itself: stored and sent to everyone before this returns. */
  editAsServer(change: (doc: Y.Doc) => void): void {
    this.rememberLoadedTexts()
    this.doc.transact(() => change(this.doc), SERVER)
    this.commit()
  }

  /**
   * A change made by the server together with what records it (a decision, an audit entry), in one
   * store transaction: a crash or a storage error leaves all of it or none of it. The change is
   * relayed only once committed. If it was made in memory but the transaction failed, the room
   * fails: nobody may keep text the store does not have, and the next connection reloads it.
   */
  editAndRecord<T>(change: (doc: Y.Doc) => T, record: (result: T) => void): T {
    // Editors' changes that arrived before this one are stored on their own; if they cannot be,
    // neither can this one, and its record must not be written without it.
    this.commit()
    if (this.failed) throw new Error(`storing the changes to ${this.documentId} failed; the room is closed`)
    this.rememberLoadedTexts()
    let result!: T
    let batch: Change[] = []
    try {
      this.store.transaction(() => {
        this.doc.transact(() => {
          result = change(this.doc)
        }, SERVER)
        batch = this.takePending()
        this.append(batch)
        record(result)
      })
    } catch (error) {
      batch.push(...this.takePending())
      if (batch.length > 0) this.fail(error)
      throw error
    }
    this.committed(batch)
    return result
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
  ): void => {
    const changed = [...added, ...updated, ...removed]
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness(), changed))
    for (const peer of this.peers.keys()) peer.send(message)
  }

  /** A person changed the text: an activity checkpoint falls due `everyMs` later, if none is already. */
  private noteActivity(origin: unknown): void {
    const checkpoints = this.options.checkpoints
    if (!checkpoints) return
    const peer = this.peers.has(origin as Peer) ? (origin as Peer) : undefined
    if (peer) this.editors.add(actorOf(peer.identity))
    this.checkpointTimer ??= setTimeout(() => this.takeCheckpoint(), checkpoints.everyMs)
  }

  private takeCheckpoint(): void {
    clearTimeout(this.checkpointTimer)
    this.checkpointTimer = undefined
    if (this.failed || !this.options.checkpoints) return
    const editors = [...this.editors]
    this.editors.clear()
    try {
      this.options.checkpoints.take(this, editors)
    } catch (error) {
      this.options.log(`checkpoint of ${this.documentId} failed`, error)
    }
  }

  /**
   * The store refused a change that is in memory: close every connection and have the room
   * unloaded, so that clients reconnect to a room freshly loaded from what was stored and resend
   * what it lacks (they still hold their edits). A peer that no longer answers cannot keep it alive.
   */
  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    clearImmediate(this.commitTimer)
    this.pending = []
    this.options.log(`storing an update for ${this.documentId} failed; closing the room`, error)
    const peers = [...this.peers.keys()]
    this.peers.clear()
    for (const peer of peers) peer.close(CloseCode.StorageFailure, 'The server could not store the change')
    // Not from inside the Yjs transaction that may be running now.
    queueMicrotask(() => this.onEmpty(this))
  }

  get hasFailed(): boolean {
    return this.failed
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined
      this.flush()
    }, this.options.flushDelayMs)
  }

  /**
   * Background work, never on the keystroke path: refresh the listing summary, remember the
   * paragraphs' texts and merge the update log once it has grown. They read the whole document, so
   * they run at most once per flush delay.
   */
  flush({ compact = false } = {}): void {
    clearTimeout(this.flushTimer)
    this.flushTimer = undefined
    if (this.failed || this.lastChangeAt === 0) return
    try {
      const reading = readResolution(readDocJson(this.doc))
      this.store.updateSummary(this.documentId, summarise(reading), this.lastChangeAt)
      this.rememberTexts(reading.paragraphs)
      const pending = this.updatesSinceCompaction
      if (pending > 0 && (compact || pending >= this.options.compactAfterUpdates)) {
        compactDocument(this.store, this.documentId, this.doc, this.lastSeq)
        this.updatesSinceCompaction = 0
      }
    } catch (error) {
      this.options.log(`background flush of ${this.documentId} failed; will retry`, error)
      this.scheduleFlush()
    }
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.commit()
    // Compacted first: the checkpoint then finds the same state stored (by its hash) and packs nothing.
    this.flush({ compact: true })
    if (this.checkpointTimer) this.takeCheckpoint()
    clearTimeout(this.flushTimer)
    this.presence?.destroy()
    this.doc.destroy()
  }
}
