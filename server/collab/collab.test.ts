import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode, MAX_MESSAGE_BYTES } from '../../shared/api/closeCodes'
import {
  closeCode,
  connect,
  createDocument,
  eventually,
  paragraphText,
  rawSocket,
  startTestServer,
  synced,
  type TestServer,
} from '../test/testServer'

const TEXT = `The General Assembly,
Recalling its previous resolutions on the safety of journalists,
1. Calls upon all States to protect journalists;
2. Requests the Secretary-General to report on this matter.`

let server: TestServer
let documentId: string
let token: string
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  ;({ id: documentId, token } = await createDocument(server.url, { title: 'Safety of journalists', text: TEXT }))
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

function client() {
  const c = connect(server.wsBase, documentId, token)
  cleanups.push(() => c.provider.destroy())
  return c
}

const firstOp = (doc: Y.Doc) => paragraphText(doc, 'operatives', 0).toString()

describe('collaboration endpoint', () => {
  it('serves the document the server created to the stock provider', async () => {
    const a = client()
    await synced(a.provider)
    expect(firstOp(a.doc)).toBe('Calls upon all States to protect journalists;')
  })

  it('relays edits between two stock providers in both directions', async () => {
    const a = client()
    const b = client()
    await Promise.all([synced(a.provider), synced(b.provider)])
    paragraphText(a.doc, 'operatives', 0).insert(0, 'Strongly ')
    await eventually(() => expect(firstOp(b.doc)).toBe('Strongly Calls upon all States to protect journalists;'))
    paragraphText(b.doc, 'preamble', 0).insert(9, ' further')
    await eventually(() =>
      expect(paragraphText(a.doc, 'preamble', 0).toString()).toBe(
        'Recalling further its previous resolutions on the safety of journalists,',
      ),
    )
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('closes a connection to an unknown resolution with 4404', async () => {
    const socket = await rawSocket(server.wsBase, 'r-doesnotexist', token)
    expect(await closeCode(socket)).toBe(CloseCode.NotFound)
  })

  it('closes only the connection that sends a malformed frame, and the others go on', async () => {
    const a = client()
    const b = client()
    await Promise.all([synced(a.provider), synced(b.provider)])
    const bad = await rawSocket(server.wsBase, documentId, token)
    const closed = closeCode(bad)
    bad.send(new Uint8Array([0x00, 0x02, 0xff, 0xff])) // an update whose length runs past the end
    expect(await closed).toBe(CloseCode.MalformedMessage)

    paragraphText(a.doc, 'operatives', 1).insert(0, 'Also ')
    await eventually(() => expect(paragraphText(b.doc, 'operatives', 1).toString()).toMatch(/^Also Requests/))
  })

  it('rejects unknown message types, garbage updates and text frames', async () => {
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 0)
    encoding.writeVarUint(update, 2)
    encoding.writeVarUint8Array(update, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))
    const frames: Array<Uint8Array | string> = [new Uint8Array([0x07]), encoding.toUint8Array(update), 'hello']
    for (const frame of frames) {
      const socket = await rawSocket(server.wsBase, documentId, token)
      const closed = closeCode(socket)
      socket.send(frame)
      expect(await closed).toBe(CloseCode.MalformedMessage)
    }
    const a = client()
    await synced(a.provider)
    expect(firstOp(a.doc)).toBe('Calls upon all States to protect journalists;')
  })

  it('closes a connection that sends a frame above the size limit with 1009', async () => {
    const socket = await rawSocket(server.wsBase, documentId, token)
    const closed = closeCode(socket)
    socket.send(new Uint8Array(MAX_MESSAGE_BYTES + 1))
    expect(await closed).toBe(CloseCode.MessageTooBig)
  })

  it('shares presence between clients and removes it when a client leaves', async () => {
    const a = client()
    const b = client()
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#1d4ed8' })
    // The server stamps the name from the credentials (a bare token is "Facilitator").
    await eventually(() =>
      expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ name: 'Facilitator', color: '#1d4ed8' }),
    )
    a.provider.destroy()
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false))
  })
})

describe('the first client of a resolution not loaded yet', () => {
  /** The Yjs updates of the sync step 2 messages (type 0, step 1) a socket receives, from its first frame on. */
  function stepTwoPayloads(socket: WebSocket): Uint8Array[] {
    const payloads: Uint8Array[] = []
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1) payloads.push(decoding.readVarUint8Array(decoder))
    })
    return payloads
  }

  it('is sent the stored document at once, and not the whole of it a second time when it asks', async () => {
    const socket = new WebSocket(`${server.wsBase}/${documentId}?token=${token}`)
    cleanups.push(() => socket.terminate())
    const payloads = stepTwoPayloads(socket)
    await new Promise((resolve) => socket.once('open', resolve))
    // What the stock provider sends on open: sync step 1 with an empty state vector.
    socket.send(new Uint8Array([0, 0, 1, 0]))
    await eventually(() => expect(payloads.length).toBe(2))
    const [whole, rest] = payloads
    const doc = new Y.Doc()
    Y.applyUpdate(doc, whole)
    expect(paragraphText(doc, 'operatives', 0).toString()).toContain('Calls upon all States')
    // The answer to its request holds only what changed since: here, nothing.
    expect(rest.length).toBeLessThan(whole.length / 4)
    doc.destroy()
  })
})
