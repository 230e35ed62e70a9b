/**
 * Awareness frames as a hostile client would send them over a raw socket: built by y-protocols
 * itself for any client id and clock, or by hand when the state is not JSON at all.
 */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'

/** An awareness frame for `id` at `clock`, encoded by y-protocols itself. */
export function awarenessFrame(entries: Array<{ id: number; clock: number; state: unknown }>): Uint8Array {
  const aw = new awarenessProtocol.Awareness(new Y.Doc())
  try {
    for (const { id, clock, state } of entries) {
      aw.states.set(id, state as Record<string, unknown>)
      aw.meta.set(id, { clock, lastUpdated: Date.now() })
    }
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(aw, entries.map((entry) => entry.id)))
    return encoding.toUint8Array(e)
  } finally {
    aw.destroy()
  }
}

/** A hand-made awareness frame whose state is not JSON at all. */
export function rawStateFrame(id: number, clock: number, json: string): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, id)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, json)
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}
