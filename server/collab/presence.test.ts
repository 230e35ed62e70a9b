/**
 * A person can only ever be themselves in the room's presence: no connection relabels, freezes or
 * removes another's caret, and only well-formed fields reach other browsers.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connect, createDocument, eventually, invite, rawSocket, startTestServer, synced, type TestServer } from '../test/testServer'

let server: TestServer
let documentId: string
let facilitator: string
let observer: string
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  const created = await createDocument(server.url, { text: 'Presence\nThe General Assembly,\n1. Decides to act.' })
  documentId = created.id
  facilitator = created.token
  observer = (await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })).token
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

function client(token: string) {
  const c = connect(server.wsBase, documentId, token)
  cleanups.push(() => c.provider.destroy())
  return c
}

/** One awareness message for `clientID` with `state` at `clock`, written field by field as y-protocols encodes it. */
function awarenessFrame(clientID: number, state: unknown, clock: number): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientID)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1) // awareness
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

describe('presence', () => {
  it('never lets a connection take over another connection’s client id, even as its first announcement', async () => {
    const victim = client(facilitator)
    const watcher = client(facilitator)
    await Promise.all([synced(victim.provider), synced(watcher.provider)])
    victim.provider.awareness.setLocalStateField('user', { color: '#1d4ed8' })
    await eventually(() => expect(watcher.provider.awareness.getStates().get(victim.doc.clientID)?.user?.role).toBe('facilitator'))

    // The observer's very first frame claims the facilitator's id, to relabel it as the observer.
    const socket = await rawSocket(server.wsBase, documentId, observer)
    cleanups.push(() => socket.close())
    socket.send(awarenessFrame(victim.doc.clientID, { user: { name: 'x' } }, 2 ** 40))
    socket.send(awarenessFrame(777, { user: {} }, 1))
    // Once the observer's own presence has arrived, the forged frame would have arrived too.
    await eventually(() => expect(watcher.provider.awareness.getStates().get(777)?.user?.role).toBe('observer'))
    expect(watcher.provider.awareness.getStates().get(victim.doc.clientID)?.user).toMatchObject({ role: 'facilitator', color: '#1d4ed8' })
  })

  it('refuses an absurd clock that would freeze a presence for good', async () => {
    const watcher = client(facilitator)
    await synced(watcher.provider)
    const socket = await rawSocket(server.wsBase, documentId, observer)
    cleanups.push(() => socket.close())
    socket.send(awarenessFrame(424242, { user: { name: 'frozen' } }, Number.MAX_SAFE_INTEGER))
    socket.send(awarenessFrame(424242, { user: { name: 'honest' } }, 1))
    await eventually(() => expect(watcher.provider.awareness.getStates().get(424242)?.user?.name).toBe('Observer (ISHR)'))
    expect(watcher.provider.awareness.meta.get(424242)?.clock).toBe(1)
  })

  it('passes on only the user it pins and a well-formed cursor, never other fields or a malformed cursor', async () => {
    const watcher = client(facilitator)
    await synced(watcher.provider)
    const socket = await rawSocket(server.wsBase, documentId, observer)
    cleanups.push(() => socket.close())
    const cursor = { anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 1, clock: 3 }, assoc: 0 }, head: { type: null, item: null } }
    socket.send(awarenessFrame(515151, { user: { color: '#abcdef' }, cursor, script: '<img src=x onerror=alert(1)>' }, 1))
    await eventually(() => expect(watcher.provider.awareness.getStates().get(515151)).toEqual({ user: expect.objectContaining({ name: 'Observer (ISHR)', color: '#abcdef' }), cursor }))
    socket.send(awarenessFrame(515151, { user: {}, cursor: { anchor: 'boom', head: { type: { client: -1 } } } }, 2))
    await eventually(() => expect(watcher.provider.awareness.getStates().get(515151)).toEqual({ user: expect.objectContaining({ name: 'Observer (ISHR)' }) }))
  })
})
