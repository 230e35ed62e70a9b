import { upgradeWebSocket } from '@hono/node-server'
import type { Context } from 'hono'
import type { WSContext, WSEvents } from 'hono/ws'
import { CloseCode } from '../../shared/api/closeCodes'
import { can } from '../../shared/policy/policy'
import { credentialsOf } from '../access/credentials'
import { type AccessResult, resolveAccess } from '../access/resolveAccess'
import type { Store } from '../store/types'
import type { Peer, PeerIdentity, Room } from './room'
import type { Rooms } from './rooms'

function peerFor(ws: WSContext, identity: PeerIdentity, canEditText: boolean): Peer {
  let closed = false
  return {
    identity,
    canEditText,
    send(message) {
      if (!closed && ws.readyState === 1) ws.send(message as Uint8Array<ArrayBuffer>)
    },
    close(code, reason) {
      closed = true
      ws.close(code, reason.slice(0, 120)) // a close reason must fit in 123 bytes
    },
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
export function collabHandler(store: Store, rooms: Rooms) {
  return upgradeWebSocket((c): WSEvents => {
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
    return {
      onOpen(_event, ws) {
        peer = peerFor(ws, identity, can(access.role, 'text.edit'))
        room = rooms.open(documentId)
        room.join(peer)
        seen()
      },
      onMessage(event, ws) {
        if (!room || !peer) return
        if (!(event.data instanceof ArrayBuffer)) {
          ws.close(CloseCode.MalformedMessage, 'Expected a binary y-websocket message')
          return
        }
        room.receive(peer, new Uint8Array(event.data))
      },
      onClose() {
        if (room && peer) room.leave(peer)
        seen()
      },
    }
  })
}
