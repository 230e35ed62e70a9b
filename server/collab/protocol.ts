import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'

/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it. Every frame is one
 * message: a varUint message type, then its payload.
 *
 *   0 sync       varUint sub-type (0 step 1: state vector; 1 step 2: update; 2 update), varUint8Array
 *   1 awareness  varUint8Array awareness update
 *   3 query      asks for every awareness state
 *
 * A connection opens with both sides sending sync step 1; each answers with step 2 (what the
 * other lacks); after that both stream updates. Messages are decoded completely here, before
 * anything acts on them, so a decision is never taken on raw bytes (lib0 accepts overlong varints,
 * so `0x80 0x00` also reads as 0).
 */
export const MessageType = { Sync: 0, Awareness: 1, QueryAwareness: 3 } as const

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

export class ProtocolError extends Error {}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message')
    return message
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('truncated or malformed message')
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) return { type: 'sync-step-1', stateVector: payload }
      if (syncType === syncProtocol.messageYjsSyncStep2) return { type: 'sync-step-2', update: payload }
      if (syncType === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload }
      throw new ProtocolError(`unknown sync message type ${syncType}`)
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

const message = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
    encoding.writeVarUint8Array(e, stateVector)
  })

export const encodeSyncStep2 = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, update)
  })

export const encodeUpdate = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate)
    encoding.writeVarUint8Array(e, update)
  })

export const encodeAwareness = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Awareness)
    encoding.writeVarUint8Array(e, update)
  })
