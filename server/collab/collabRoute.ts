import { upgradeWebSocket } from '@hono/node-server'
import type { WSContext, WSEvents } from 'hono/ws'
import { CloseCode } from '../../shared/api/closeCodes'
import { can, DEFAULT_ROLE } from '../../shared/policy/policy'
import type { Store } from '../store/types'
import type { Peer, Room } from './room'
import type { Rooms } from './rooms'

function peerFor(ws: WSContext, canEditText: boolean): Peer {
  return {
    canEditText,
    send(message) {
      if (ws.readyState === 1) ws.send(message as Uint8Array<ArrayBuffer>)
    },
    close(code, reason) {
      ws.close(code, reason.slice(0, 120)) // a close reason must fit in 123 bytes
    },
  }
}

/** `GET /collab/:documentId`: the y-websocket endpoint (ARCHITECTURE §4). */
export function collabHandler(store: Store, rooms: Rooms) {
  return upgradeWebSocket((c): WSEvents => {
    const documentId = c.req.param('documentId') ?? ''
    if (!store.getDocument(documentId)) {
      return { onOpen: (_event, ws) => ws.close(CloseCode.NotFound, 'No resolution with this id') }
    }
    let room: Room | undefined
    let peer: Peer | undefined
    return {
      onOpen(_event, ws) {
        peer = peerFor(ws, can(DEFAULT_ROLE, 'text.edit'))
        room = rooms.open(documentId)
        room.join(peer)
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
      },
    }
  })
}
