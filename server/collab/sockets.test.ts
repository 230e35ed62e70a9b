import { rmSync } from 'node:fs'
import { connect as tcpConnect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { finalCloseNotice, shouldReconnect } from '../../client/editor/useCollaboration'
import { CloseCode, MAX_MESSAGE_BYTES } from '../../shared/api/closeCodes'
import { type SocketLimits, startServer } from '../createServer'
import { closeCode, createDocument, eventually, paragraphText, synced, tempDataDir } from '../test/testServer'
import { encodeSyncStep1 } from './protocol'

const TEXT = `The General Assembly,
Recalling its previous resolutions on the safety of journalists,
1. Calls upon all States to protect journalists;`

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** What the promise gives within `ms`, or 'timed out': a failing test says so at once. */
const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, sleep(ms).then(() => 'timed out' as const)])

/** A real server with shortened socket limits (startTestServer keeps the defaults), and one resolution. */
async function serverWith(sockets: Partial<SocketLimits>) {
  const dataDir = tempDataDir()
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {}, sockets })
  cleanups.push(async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  const wsBase = `${server.url.replace('http', 'ws')}/collab`
  const { id, token } = await createDocument(server.url, { title: 'Safety of journalists', text: TEXT })
  const client = (options: { shouldReconnect?: typeof shouldReconnect } = {}) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(wsBase, id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
      ...options,
    })
    // The first 'connecting' is emitted by the constructor, before this listener: these are reconnects.
    const connects = { reconnects: 0, disconnects: 0 }
    provider.on('status', ({ status }) => {
      if (status === 'connecting') connects.reconnects++
      if (status === 'disconnected') connects.disconnects++
    })
    cleanups.push(() => provider.destroy())
    return { doc, provider, connects }
  }
  const raw = async (options: { autoPong?: boolean } = {}) => {
    const socket = new WebSocket(`${wsBase}/${id}?token=${encodeURIComponent(token)}`, options)
    cleanups.push(() => socket.terminate())
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    return socket
  }
  return { server, wsBase, id, token, client, raw }
}

const firstOp = (doc: Y.Doc) => paragraphText(doc, 'operatives', 0)

describe('idle and dead sockets', () => {
  it('closes a socket that sends no y-websocket message soon after connecting, and keeps a provider', async () => {
    const { client, raw } = await serverWith({ firstMessageWithinMs: 200 })
    const honest = client()
    await synced(honest.provider)
    const silent = await raw()
    const openedAt = Date.now()
    expect(await within(closeCode(silent), 3000)).toBe(CloseCode.Idle)
    expect(Date.now() - openedAt).toBeLessThan(2000)
    await sleep(200)
    expect(honest.provider.wsconnected).toBe(true)
    expect(honest.connects.disconnects).toBe(0)
  })

  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const { client, raw } = await serverWith({ heartbeatMs: 100 })
    const honest = client()
    await synced(honest.provider)
    const deaf = await raw({ autoPong: false })
    let pings = 0
    deaf.on('ping', () => pings++)
    deaf.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))) // it speaks, so only the heartbeat can end it
    expect(await within(closeCode(deaf), 3000)).toBe(1006) // terminated: no close frame for a peer that does not answer
    expect(pings).toBeGreaterThanOrEqual(1)
    await sleep(350) // three more heartbeats
    expect(honest.provider.wsconnected).toBe(true)
    expect(honest.connects.disconnects).toBe(0)
  })

  it('drops an HTTP request whose headers never finish (slowloris), and serves the next one', async () => {
    const { server } = await serverWith({ headersTimeoutMs: 300, requestTimeoutMs: 600 })
    const ended = (socket: Socket) => within(new Promise((resolve) => socket.once('close', () => resolve('closed'))), 4000)
    const half = tcpConnect(server.port, '127.0.0.1')
    const mute = tcpConnect(server.port, '127.0.0.1')
    cleanups.push(() => void half.destroy(), () => void mute.destroy())
    // Both read what comes (Node answers 408 to the first), so that the server's end is seen.
    half.on('error', () => {}).resume().write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
    mute.on('error', () => {}).resume()
    expect(await Promise.all([ended(half), ended(mute)])).toEqual(['closed', 'closed'])
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})

describe('backpressure', () => {
  it('closes a peer that stops reading instead of buffering for it without bound', async () => {
    const LIMIT = 512 * 1024
    const { client, raw } = await serverWith({ maxBufferedBytes: LIMIT, maxDocumentBytes: 1024 * 1024 * 1024 })
    const writer = client()
    const witness = client()
    await Promise.all([synced(writer.provider), synced(witness.provider)])
    const reader = await raw()
    reader.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await sleep(100)
    // Stop reading at the TCP level: the kernel buffers fill, then the server's send buffer grows.
    ;(reader as unknown as { _socket: Socket })._socket.pause()

    const chunk = 'x'.repeat(128 * 1024)
    const rounds = 320 // 40 MiB relayed to every peer
    const text = firstOp(writer.doc)
    for (let i = 0; i < rounds; i++) {
      text.insert(0, chunk)
      text.delete(0, chunk.length)
      if (i % 8 === 0) await sleep(0)
    }
    // The honest witness keeps up: it has everything the writer wrote.
    await eventually(() => expect(Y.encodeStateVector(witness.doc)).toEqual(Y.encodeStateVector(writer.doc)), 20_000)
    expect(witness.connects.disconnects).toBe(0)

    let received = 0
    reader.on('message', (data: Buffer) => {
      received += data.byteLength
    })
    const closed = closeCode(reader)
    ;(reader as unknown as { _socket: Socket })._socket.resume()
    expect(await within(closed, 10_000)).toBe(CloseCode.TooSlow)
    // What it got is what was buffered before the limit was hit (plus the kernel's socket
    // buffers), far from the 40 MiB written.
    expect(received).toBeLessThan(16 * 1024 * 1024)
  })
})

describe('document size cap', () => {
  it('refuses a change that would take the document past the cap: not applied, stored or relayed', async () => {
    const { client } = await serverWith({ maxDocumentBytes: 64 * 1024, measureEveryMs: 0 })
    const writer = client({ shouldReconnect })
    const other = client()
    await Promise.all([synced(writer.provider), synced(other.provider)])
    const closed = new Promise<{ code: number; reason: string }>((resolve) => writer.provider.once('closed', resolve))

    firstOp(writer.doc).insert(0, 'Q'.repeat(100 * 1024))
    const { code, reason } = (await within(closed, 5000)) as { code: number; reason: string }
    expect(code).toBe(CloseCode.DocumentTooLarge)
    expect(finalCloseNotice(code, reason)).toBe(
      'This change is too large for the resolution (at most 0.1 MB). It was not saved: reload the page to go on editing.',
    )

    // Others go on working, and never see the refused change, live or from the store.
    firstOp(other.doc).insert(0, 'Strongly ')
    const fresh = client()
    await synced(fresh.provider)
    await eventually(() => expect(firstOp(fresh.doc).toString()).toBe('Strongly Calls upon all States to protect journalists;'))
    expect(firstOp(other.doc).toString()).not.toContain('Q')
    // The refused writer does not come back to resend it.
    await sleep(800)
    expect(writer.connects.reconnects).toBe(0)
  })

  it('stops the provider after an oversized frame (1009) instead of resending it for ever', async () => {
    const { client } = await serverWith({})
    const writer = client({ shouldReconnect })
    await synced(writer.provider)
    const closed = new Promise<{ code: number; reason: string }>((resolve) => writer.provider.once('closed', resolve))
    firstOp(writer.doc).insert(0, 'z'.repeat(MAX_MESSAGE_BYTES + 1024))
    const { code, reason } = (await within(closed, 5000)) as { code: number; reason: string }
    expect(code).toBe(CloseCode.MessageTooBig)
    expect(finalCloseNotice(code, reason)).toMatch(/^This change is too large for the resolution \(at most 4 MB at once\)/)
    await sleep(1500) // the stock rule would have reconnected and resent it three times by now
    expect(writer.connects.reconnects).toBe(0)
  })
})
