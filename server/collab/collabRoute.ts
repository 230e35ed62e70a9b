import { upgradeWebSocket } from '@hono/node-server'
import type { Context } from 'hono'
import type { WSContext, WSEvents } from 'hono/ws'
import { CloseCode } from '../../shared/api/closeCodes'
import { can } from '../../shared/policy/policy'
import { credentialsOf } from '../access/credentials'
import { type AccessResult, resolveAccess } from '../access/resolveAccess'
import type { Store } from '../store/types'
import { storedState } from '../store/updateLog'
import { decodeClientMessage, encodeSyncStep2 } from './protocol'
import type { Peer, PeerIdentity, Room } from './room'
import type { Rooms } from './rooms'

/** What one connection may cost the server: time, send buffer, and the document it writes to. */
export interface CollabLimits {
  /** A connection that sends no y-websocket message this long after opening is closed (1008). */
  firstMessageWithinMs: number
  /** A peer with more than this many bytes waiting in its send buffer has stopped reading (1013). */
  maxBufferedBytes: number
  /** Cap on a document's encoded Yjs state; a change that would pass it is refused (4413). */
  maxDocumentBytes: number
  /** The document's encoded size is measured at most this often per room; in between it is estimated. */
  measureEveryMs: number
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  firstMessageWithinMs: 60_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxDocumentBytes: 8 * 1024 * 1024,
  measureEveryMs: 10_000,
}

/**
 * The Hono binding through which `startServer` hands its limits to this route (`c.env`), like a
 * Cloudflare binding: the route is mounted by `createApp`, which does not know about sockets.
 */
export interface CollabBindings {
  collabLimits?: Partial<CollabLimits>
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/** Bytes `ws` has queued for this peer and not yet handed to the kernel (0 if not a `ws` socket). */
function bufferedAmountOf(ws: WSContext): number {
  const amount = (ws.raw as { bufferedAmount?: unknown } | undefined)?.bufferedAmount
  return typeof amount === 'number' ? amount : 0
}

function peerFor(ws: WSContext, identity: PeerIdentity, canEditText: boolean, limits: CollabLimits): Peer {
  let closed = false
  const peer: Peer = {
    identity,
    canEditText,
    send(message) {
      if (closed || ws.readyState !== 1) return
      // A peer that stops reading (a frozen tab, a hostile client) would make us buffer every
      // update for it without bound. Once more than the limit waits for it, it is closed (so at
      // most the limit plus one message is held); a reconnect syncs it in one go. Checked before
      // adding, so one large message (the first sync of a big document) always goes out.
      if (bufferedAmountOf(ws) > limits.maxBufferedBytes) {
        peer.close(CloseCode.TooSlow, 'Too far behind: reconnect to catch up')
        return
      }
      ws.send(message as Uint8Array<ArrayBuffer>)
    },
    close(code, reason) {
      closed = true
      ws.close(code, reason.slice(0, 120)) // a close reason must fit in 123 bytes
    },
  }
  return peer
}

/**
 * The document size cap, checked before a change reaches the room, so a refused change is never
 * applied, stored or relayed. Encoding the whole state on every keystroke would cost too much, so
 * the size is an estimate: measured (`Y.encodeStateAsUpdate`) on the room's first change, then
 * grown by the byte length of every change let through (an update is about as large as what it
 * adds to the state, usually larger, so clients' changes are over-counted rather than missed).
 * When the estimate would refuse a change the state is measured again, at most once per
 * `measureEveryMs`, so space freed by deletions counts again. Server-side edits (accept, restore)
 * and read-only connections' refused updates are not counted; the next measure sees the former.
 */
function documentSizeCap() {
  const sizes = new WeakMap<Room, { bytes: number; measuredAt: number }>()
  const measure = (room: Room) => {
    const size = { bytes: room.encodedState().byteLength, measuredAt: Date.now() }
    sizes.set(room, size)
    return size
  }
  return {
    /** Whether a change of this many bytes fits in the room's document; counts it if it does. */
    admit(room: Room, changeBytes: number, limits: CollabLimits): boolean {
      let size = sizes.get(room) ?? measure(room)
      const fits = () => size.bytes + changeBytes <= limits.maxDocumentBytes
      if (!fits() && Date.now() - size.measuredAt >= limits.measureEveryMs) size = measure(room)
      if (!fits()) return false
      size.bytes += changeBytes
      return true
    },
  }
}

/** The text change a frame carries (sync step 2 or update), if it decodes as one. */
function textChangeOf(data: Uint8Array): Uint8Array | undefined {
  try {
    const message = decodeClientMessage(data)
    return message.type === 'update' || message.type === 'sync-step-2' ? message.update : undefined
  } catch {
    return undefined // the room decodes it again and closes the connection with 1007
  }
}

/** Refuses the connection once it is open: browsers only see a close code, never an HTTP status. */
const refuse = (code: number, reason: string): WSEvents => ({ onOpen: (_event, ws) => ws.close(code, reason) })

/**
 * A page on another site must not ride on our session cookie (cross-site WebSocket hijacking):
 * a cookie-authenticated upgrade must come from our own origin. Tokens are not ambient, so a
 * script that sends one needs no such check.
 */
function crossSiteCookieUse(c: Context, usesToken: boolean): boolean {
  const origin = c.req.header('origin')
  return !usesToken && origin !== undefined && origin !== new URL(c.req.url).origin
}

function accessForUpgrade(c: Context, store: Store, documentId: string): AccessResult | 'not-found' {
  const credentials = credentialsOf(c, { allowQueryToken: true })
  if (crossSiteCookieUse(c, Boolean(credentials.token))) return { ok: false, status: 403, error: 'Cross-site connection refused' }
  if (!store.getDocument(documentId)) return 'not-found'
  return resolveAccess(store, documentId, credentials)
}

/** `GET /collab/:documentId`: the y-websocket endpoint (ARCHITECTURE §4). */
export function collabHandler(store: Store, rooms: Rooms, limits: Partial<CollabLimits> = {}) {
  const sizeCap = documentSizeCap()
  return upgradeWebSocket((c): WSEvents => {
    const effective: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...limits, ...(c.env as CollabBindings | undefined)?.collabLimits }
    const documentId = c.req.param('documentId') ?? ''
    const result = accessForUpgrade(c, store, documentId)
    if (result === 'not-found') return refuse(CloseCode.NotFound, 'No resolution with this id')
    if (!result.ok) return refuse(result.status === 401 ? CloseCode.Unauthorized : CloseCode.Forbidden, result.error)
    const { access } = result
    const identity: PeerIdentity = {
      inviteId: access.inviteId,
      name: access.name,
      role: access.role,
      state: access.state,
      organisation: access.organisation,
    }
    let room: Room | undefined
    let peer: Peer | undefined
    const seen = () => access.participantId && store.touchParticipant(access.participantId, Date.now())
    // A y-websocket client speaks first (sync step 1, as soon as it opens); a socket that says
    // nothing is not one, and would hold a connection for nothing (the heartbeat keeps it alive).
    let silence: NodeJS.Timeout | undefined
    return {
      onOpen(_event, ws) {
        silence = setTimeout(() => ws.close(CloseCode.Idle, 'No y-websocket message'), effective.firstMessageWithinMs)
        peer = peerFor(ws, identity, can(access.role, 'text.edit'), effective)
        let early: Uint8Array | undefined
        try {
          // The first client of a resolution not loaded yet is sent the stored state at once, as
          // it lies in the store, so that it decodes the text while the server loads it too.
          early = rooms.has(documentId) ? undefined : storedState(store, documentId)
          if (early) peer.send(encodeSyncStep2(early))
          room = rooms.open(documentId)
        } catch {
          // The store could not load the resolution: say so rather than leave the client hanging.
          peer.close(CloseCode.StorageFailure, 'The server could not load the resolution; reconnecting retries')
          return
        }
        room.join(peer, { sentWhole: early !== undefined })
        seen()
      },
      onMessage(event, ws) {
        if (!room || !peer || ws.readyState !== 1) return // closing: what still arrives is dropped
        clearTimeout(silence)
        if (!(event.data instanceof ArrayBuffer)) {
          ws.close(CloseCode.MalformedMessage, 'Expected a binary y-websocket message')
          return
        }
        const data = new Uint8Array(event.data)
        const change = peer.canEditText ? textChangeOf(data) : undefined
        if (change && !sizeCap.admit(room, change.byteLength, effective)) {
          peer.close(CloseCode.DocumentTooLarge, `This change is too large for the resolution (at most ${megabytes(effective.maxDocumentBytes)})`)
          return
        }
        room.receive(peer, data)
      },
      onClose() {
        clearTimeout(silence)
        if (room && peer) room.leave(peer)
        seen()
      },
    }
  })
}
