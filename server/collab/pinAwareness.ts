import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { PeerIdentity } from './room'

const COLOUR = /^#[0-9a-f]{6}$/i

/**
 * Rewrites an awareness update from one connection so that it can only speak for itself:
 *
 * - a connection owns exactly one awareness client id, the first one it announces; entries for
 *   any other id are dropped (awareness accepts any id with a higher clock, so without this one
 *   client could overwrite or remove another's presence);
 * - the `user` field is replaced by the identity the server knows from the session: name, role,
 *   State or organisation. Only the caret colour is the client's choice.
 *
 * Format (y-protocols/awareness): varUint count, then per entry varUint clientID, varUint clock,
 * varString JSON state ("null" when the client leaves).
 */
export function pinAwareness(
  update: Uint8Array,
  identity: PeerIdentity,
  ownClientId: number | undefined,
): { update: Uint8Array; clientId: number } | null {
  const decoder = decoding.createDecoder(update)
  const entries: Array<[number, number, string]> = []
  let clientId = ownClientId
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = JSON.parse(decoding.readVarString(decoder)) as Record<string, unknown> | null
    clientId ??= id
    if (id !== clientId) continue
    entries.push([id, clock, JSON.stringify(state === null ? null : withIdentity(state, identity))])
  }
  if (clientId === undefined || entries.length === 0) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(encoder, id)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return { update: encoding.toUint8Array(encoder), clientId }
}

function withIdentity(state: Record<string, unknown>, identity: PeerIdentity): Record<string, unknown> {
  const claimed = state.user as { color?: unknown } | undefined
  const color = typeof claimed?.color === 'string' && COLOUR.test(claimed.color) ? claimed.color : '#475569'
  const { name, role, state: delegation, organisation } = identity
  return { ...state, user: { name, role, state: delegation, organisation, color } }
}
