import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, type WebSocketServer } from 'ws'
import { CloseCode } from '../../shared/api/closeCodes'
import { can } from '../../shared/policy/policy'
import type { Granted } from '../access/resolveAccess'
import type { Store } from '../store/types'
import { storedState } from '../store/updateLog'
import { decodeClientMessage, encodeSyncStep2 } from './protocol'
import type { Peer, PeerIdentity, Room } from './room'
import type { Rooms } from './rooms'
import { decideUpgrade } from './upgradeAccess'

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

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

function peerFor(ws: WebSocket, identity: PeerIdentity, canEditText: boolean, limits: CollabLimits): Peer {
  let closed = false
  const peer: Peer = {
    identity,
    canEditText,
    send(message) {
      if (closed || ws.readyState !== WebSocket.OPEN) return
      // A peer that stops reading (a frozen tab, a hostile client) would make us buffer every
      // update for it without bound. Once more than the limit waits for it, it is closed (so at
      // most the limit plus one message is held); a reconnect syncs it in one go. Checked before
      // adding, so one large message (the first sync of a big document) always goes out.
      if (ws.bufferedAmount > limits.maxBufferedBytes) {
        peer.close(CloseCode.TooSlow, 'Too far behind: reconnect to catch up')
        return
      }
      ws.send(message)
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

/**
 * `/collab/:documentId`, the y-websocket endpoint (ARCHITECTURE §4), on the HTTP server's
 * `upgrade` event: the handshake is checked (upgradeAccess.ts) and accepted by `ws` directly, with
 * no Fetch `Request` or Hono context built and kept for the life of the socket.
 */
export function collabUpgrades(store: Store, rooms: Rooms, wss: WebSocketServer, limits: CollabLimits) {
  const sizeCap = documentSizeCap()
  const connect = connection(store, rooms, limits, sizeCap)
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A peer that resets the connection mid-handshake must not take the process down.
    socket.on('error', ignore)
    const decision = decideUpgrade(request, store, rooms)
    if (decision.kind === 'http') {
      refuseHandshake(socket, decision.status, decision.error)
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', ignore)
      // Errors on an open socket (a bad frame, a frame past maxPayload) are answered by `ws`
      // with a close; without a listener they would be thrown.
      ws.on('error', ignore)
      wss.emit('connection', ws, request)
      if (decision.kind === 'close') ws.close(decision.code, decision.reason)
      else connect(ws, decision.documentId, decision.access)
    })
  }
}

const ignore = () => {}

const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' } as const

/** An HTTP answer instead of the upgrade, with a JSON `{ error }` like the API's, then the end of the connection. */
function refuseHandshake(socket: Duplex, status: 400 | 403 | 404, error: string): void {
  const body = JSON.stringify({ error })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
  )
}

/** Serves one accepted socket: a peer in the resolution's room. */
function connection(store: Store, rooms: Rooms, limits: CollabLimits, sizeCap: ReturnType<typeof documentSizeCap>) {
  return (ws: WebSocket, documentId: string, access: Granted): void => {
    const identity: PeerIdentity = {
      inviteId: access.inviteId,
      name: access.name,
      role: access.role,
      state: access.state,
      organisation: access.organisation,
    }
    const peer = peerFor(ws, identity, can(access.role, 'text.edit'), limits)
    const seen = () => access.participantId && store.touchParticipant(access.participantId, Date.now())
    // A y-websocket client speaks first (sync step 1, as soon as it opens); a socket that says
    // nothing is not one, and would hold a connection for nothing (the heartbeat keeps it alive).
    let silence: NodeJS.Timeout | undefined = setTimeout(() => ws.close(CloseCode.Idle, 'No y-websocket message'), limits.firstMessageWithinMs)
    let room: Room
    try {
      // The first client of a resolution not loaded yet is sent the stored state at once, as
      // it lies in the store, so that it decodes the text while the server loads it too.
      const early = rooms.has(documentId) ? undefined : storedState(store, documentId)
      if (early) peer.send(encodeSyncStep2(early))
      room = rooms.open(documentId)
      room.join(peer, { sentWhole: early !== undefined })
    } catch {
      // The store could not load the resolution: say so rather than leave the client hanging.
      clearTimeout(silence)
      peer.close(CloseCode.StorageFailure, 'The server could not load the resolution; reconnecting retries')
      return
    }
    seen()
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (ws.readyState !== WebSocket.OPEN) return // closing: what still arrives is dropped
      if (silence) {
        clearTimeout(silence)
        silence = undefined
      }
      if (!isBinary) {
        ws.close(CloseCode.MalformedMessage, 'Expected a binary y-websocket message')
        return
      }
      const change = peer.canEditText ? textChangeOf(data) : undefined
      if (change && !sizeCap.admit(room, change.byteLength, limits)) {
        peer.close(CloseCode.DocumentTooLarge, `This change is too large for the resolution (at most ${megabytes(limits.maxDocumentBytes)})`)
        return
      }
      room.receive(peer, data)
    })
    ws.on('close', () => {
      clearTimeout(silence)
      room.leave(peer)
      seen()
    })
  }
}
