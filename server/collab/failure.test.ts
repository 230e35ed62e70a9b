/**
 * Failures lose nothing and hide nothing: a room that cannot store closes every connection and
 * is unloaded; a server edit and its records are stored together or not at all; a damaged stored
 * update does not lock everyone out of the resolution.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { Amendment } from '../../shared/amendments/types'
import { CloseCode } from '../../shared/api/closeCodes'
import { connect, createDocument, eventually, invite, paragraphText, startTestServer, synced, type TestServer, withToken } from '../test/testServer'

const TEXT = 'Failures\nThe General Assembly,\nRecalling its resolutions,\n1. Calls upon all States to act;\n2. Decides to remain seized of the matter.'

let server: TestServer
let documentId: string
let facilitator: string
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  facilitator = created.token
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

const api = (path: string, body?: object) =>
  withToken(server.url, facilitator)(`/api/documents/${documentId}${path}`, body ? { method: 'POST', body: JSON.stringify(body) } : {})
const paragraphs = async (): Promise<Array<{ id: string; text: string }>> => (await api('/paragraphs')).json()

function client() {
  const c = connect(server.wsBase, documentId, facilitator)
  cleanups.push(() => c.provider.destroy())
  return c
}

/** Makes the store's next calls of `method` throw, as a full disk would; returns the way back. */
function breakStore(method: 'appendUpdate' | 'audit' | 'loadUpdates'): () => void {
  const store = server.store as unknown as Record<string, unknown>
  const original = store[method]
  store[method] = () => {
    throw new Error('SQLITE_FULL: database or disk is full')
  }
  return () => {
    store[method] = original
  }
}

describe('a room that cannot store', () => {
  it('closes every connection, even one that no longer answers, and the next connection gets a room loaded from what was stored', async () => {
    const writer = client()
    await synced(writer.provider)
    // A peer that connected and then never answers again.
    const silent = new WebSocket(`${server.wsBase}/${documentId}?token=${facilitator}`)
    cleanups.push(() => silent.terminate())
    const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)))
    await new Promise((resolve) => silent.once('open', resolve))
    silent.pause()

    const closed = new Promise<number>((resolve) => writer.provider.ws?.addEventListener('close', (event) => resolve(event.code), { once: true }))
    const repair = breakStore('appendUpdate')
    paragraphText(writer.doc, 'operatives', 0).insert(0, 'Strongly ')
    expect(await closed).toBe(CloseCode.StorageFailure)

    // While the silent peer still holds its socket, a viewer arriving never sees text that was not stored.
    const viewer = client()
    await synced(viewer.provider)
    expect(paragraphText(viewer.doc, 'operatives', 0).toString()).toBe('Calls upon all States to act;')
    expect((await paragraphs())[1].text).toBe('Calls upon all States to act;')
    silent.resume()
    expect(await silentClosed).toBe(CloseCode.StorageFailure)
    repair()
    // Once the store works again, the writer's reconnect resends what it holds: nothing is lost.
    await eventually(async () => expect((await paragraphs())[1].text).toBe('Strongly Calls upon all States to act;'), 10_000)
    await eventually(() => expect(paragraphText(viewer.doc, 'operatives', 0)?.toString()).toBe('Strongly Calls upon all States to act;'), 10_000)
  })
})

describe('a server edit and its records', () => {
  it('are stored together: a failure after the edit leaves the text, the proposal and the log as they were, and a retry inserts once', async () => {
    const mexico = (await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Mexico' })).token
    const op1 = (await paragraphs())[1].id
    const proposed = await withToken(server.url, mexico)(`/api/documents/${documentId}/amendments`, {
      method: 'POST',
      body: JSON.stringify({ paragraphId: op1, kind: 'insert-after', text: 'Encourages regional cooperation;' }),
    })
    const amendment = (await proposed.json()).amendment as Amendment
    const watcher = client()
    await synced(watcher.provider)

    const repair = breakStore('audit')
    const failed = await api(`/amendments/${amendment.id}/accept`, {})
    repair()
    expect(failed.status).toBe(500)
    expect((await paragraphs()).map((p) => p.text)).toEqual(['Recalling its resolutions,', 'Calls upon all States to act;', 'Decides to remain seized of the matter.'])
    const stored = ((await (await api('/amendments')).json()).amendments as Amendment[])[0]
    expect(stored.status).toBe('pending')

    const retried = await api(`/amendments/${amendment.id}/accept`, {})
    expect(retried.status).toBe(200)
    expect((await api(`/amendments/${amendment.id}/accept`, {})).status).toBe(409)
    expect((await paragraphs()).map((p) => p.text)).toEqual([
      'Recalling its resolutions,',
      'Calls upon all States to act;',
      'Encourages regional cooperation;',
      'Decides to remain seized of the matter.',
    ])
    // The watcher converges on exactly the stored text: one new OP, not two.
    await eventually(() => expect(paragraphText(watcher.doc, 'operatives', 2)?.toString()).toBe('Decides to remain seized of the matter.'), 10_000)
    expect(paragraphText(watcher.doc, 'operatives', 1)?.toString()).toBe('Encourages regional cooperation;')
  })
})

describe('a damaged stored update', () => {
  it('is skipped: the rest of the resolution loads for the API and for the socket', async () => {
    server.store.appendUpdate(documentId, new Uint8Array([0, 255, 255, 255, 255, 7, 1, 2, 3]))
    const response = await api('/paragraphs')
    expect(response.status).toBe(200)
    expect((await response.json())[1].text).toBe('Calls upon all States to act;')
    const reader = client()
    await synced(reader.provider)
    expect(paragraphText(reader.doc, 'operatives', 0).toString()).toBe('Calls upon all States to act;')
  })
})

describe('a resolution the store cannot load', () => {
  it('closes the socket with 1011 instead of leaving the client hanging', async () => {
    const repair = breakStore('loadUpdates')
    const socket = new WebSocket(`${server.wsBase}/${documentId}?token=${facilitator}`)
    cleanups.push(() => socket.terminate())
    const code = await new Promise<number>((resolve) => socket.once('close', (closeCode) => resolve(closeCode)))
    repair()
    expect(code).toBe(CloseCode.StorageFailure)
  })
})

describe('a connection that keeps asking for the whole document', () => {
  it('is closed once it has asked more often than any honest client does', async () => {
    const socket = new WebSocket(`${server.wsBase}/${documentId}?token=${facilitator}`)
    cleanups.push(() => socket.terminate())
    await new Promise((resolve) => socket.once('open', resolve))
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    const askAll = new Uint8Array([0, 0, 1, 0]) // sync step 1 with an empty state vector
    for (let i = 0; i < 25; i++) socket.send(askAll)
    expect(await closed).toBe(CloseCode.TooSlow)
  })
})
