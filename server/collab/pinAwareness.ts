import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { PeerIdentity } from './room'

const COLOUR = /^#[0-9a-f]{6}$/i

/**
 * Rewrites an awareness update from one connection so that it can only speak for itself:
 *
 * - a connection owns exactly one awareness client id, the first one it announces that no other
 *   connection owns; entries for any other id are dropped (awareness accepts any id with a higher
 *   clock, so without this one client could relabel, freeze or remove another's presence);
 * - a clock past 2^32 is refused: honest clients count up from 0, and a clock of 2^53−1 would
 *   freeze the entry for good;
 * - the state keeps only what Penholder's clients read: `user`, replaced by the identity the server
 *   knows from the session (only the caret colour is the client's choice), and a `cursor` whose
 *   two relative positions have the shape Yjs gives them; anything else could throw in every
 *   other browser that renders it.
 *
 * Format (y-protocols/awareness): varUint count, then per entry varUint clientID, varUint clock,
 * varString JSON state ("null" when the client leaves).
 */
export function pinAwareness(
  update: Uint8Array,
  identity: PeerIdentity,
  ownClientId: number | undefined,
  ownedByAnother: (clientId: number) => boolean,
): { update: Uint8Array; clientId: number } | null {
  const decoder = decoding.createDecoder(update)
  const entries: Array<[number, number, string]> = []
  let clientId = ownClientId
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown
    if (clientId === undefined && !ownedByAnother(id)) clientId = id
    if (id !== clientId || clock > MAX_CLOCK) continue
    entries.push([id, clock, JSON.stringify(state === null ? null : pinnedState(state, identity))])
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

const MAX_CLOCK = 2 ** 32

function pinnedState(state: unknown, identity: PeerIdentity): Record<string, unknown> {
  const fields = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {}
  const claimed = fields.user as { color?: unknown } | undefined
  const color = typeof claimed?.color === 'string' && COLOUR.test(claimed.color) ? claimed.color : '#475569'
  const { name, role, state: delegation, organisation } = identity
  const user = { name, role, state: delegation, organisation, color }
  return isCursor(fields.cursor) ? { user, cursor: fields.cursor } : { user }
}

/** `{ anchor, head }`, each `Y.relativePositionToJSON`'s shape, or null (no caret). */
function isCursor(value: unknown): boolean {
  if (value === null) return true
  if (typeof value !== 'object' || value === undefined) return false
  const { anchor, head, ...rest } = value as Record<string, unknown>
  return Object.keys(rest).length === 0 && isRelativePosition(anchor) && isRelativePosition(head)
}

function isRelativePosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { type, tname, item, assoc, ...rest } = value as Record<string, unknown>
  return (
    Object.keys(rest).length === 0 &&
    isItemId(type) &&
    isItemId(item) &&
    (tname === undefined || tname === null || (typeof tname === 'string' && tname.length <= 100)) &&
    (assoc === undefined || Number.isInteger(assoc))
  )
}

function isItemId(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value !== 'object') return false
  const { client, clock, ...rest } = value as Record<string, unknown>
  return Object.keys(rest).length === 0 && Number.isSafeInteger(client) && Number.isSafeInteger(clock) && (client as number) >= 0 && (clock as number) >= 0
}
