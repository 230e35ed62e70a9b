import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startServer, type RunningServer } from './createServer'
import { createDocument, tempDataDir } from './test/testServer'

/**
 * How the server sends what a browser downloads on conference Wi-Fi: the built files as the build
 * compressed them, cached for good; pages and JSON compressed on the fly; the event stream and the
 * collaboration socket untouched. A stand-in build, so that no `vite build` is needed.
 */
const SCRIPT = `console.log(${JSON.stringify('the room '.repeat(400))})`
const ASSET = '/assets/index-Ab12Cd34.js'
const ROOM_PRELOAD = '<link rel="modulepreload" crossorigin href="/assets/DraftRoom-Ef56Gh78.js">'

let server: RunningServer
let dataDir: string
let staticDir: string
let documentId: string
let token: string

beforeAll(async () => {
  dataDir = tempDataDir()
  staticDir = join(dataDir, 'dist')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>Penholder</title><script type="module" src="${ASSET}"></script>`)
  writeFileSync(join(staticDir, 'room.html'), `<!doctype html><title>Penholder</title><script type="module" src="${ASSET}"></script>${ROOM_PRELOAD}`)
  writeFileSync(join(staticDir, ASSET), SCRIPT)
  writeFileSync(join(staticDir, `${ASSET}.br`), brotliCompressSync(SCRIPT))
  writeFileSync(join(staticDir, `${ASSET}.gz`), gzipSync(SCRIPT))
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir, log: () => {} })
  ;({ id: documentId, token } = await createDocument(server.url, { title: 'Delivery', text: 'The General Assembly,\nRecalling,\n1. Decides;' }))
})
afterAll(async () => {
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const get = (path: string, acceptEncoding: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding, ...headers } })

describe('built files', () => {
  it('are sent as the build compressed them, Brotli first, and kept by the browser for a year', async () => {
    for (const [accepted, encoding] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip']] as const) {
      const response = await get(ASSET, accepted)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-encoding')).toBe(encoding)
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await response.text()).toBe(SCRIPT)
    }
  })

  it('are sent plain to a client that takes no compression', async () => {
    const response = await get(ASSET, 'identity')
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.text()).toBe(SCRIPT)
  })

  it('leave the page that names them to be checked again on every visit, compressed', async () => {
    for (const path of ['/', `/d/${documentId}`, '/join/some-token', '/elsewhere']) {
      const response = await get(path, 'gzip')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(response.headers.get('content-encoding')).toBe('gzip')
      expect(await response.text()).toContain(ASSET)
    }
  })

  it("fetch the room's code ahead on a room's page only", async () => {
    expect(await (await get(`/d/${documentId}`, 'gzip')).text()).toContain(ROOM_PRELOAD)
    for (const path of ['/', '/d/no-such-room', '/join/some-token']) expect(await (await get(path, 'gzip')).text()).not.toContain(ROOM_PRELOAD)
  })
})

describe('answers made per request', () => {
  it('send JSON gzipped, and a small answer as it is, with its length', async () => {
    const ops = Array.from({ length: 30 }, (_, i) => `${i + 1}. Calls upon all States to cooperate fully with the mechanism, step ${i + 1};`)
    const long = await createDocument(server.url, { title: 'Long', text: ['The General Assembly,', ...ops].join('\n') })
    const response = await get(`/api/documents/${long.id}/paragraphs`, 'gzip, deflate, br', { authorization: `Bearer ${long.token}` })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(((await response.json()) as unknown[]).length).toBeGreaterThanOrEqual(30)

    const small = await get(`/api/documents/${documentId}/paragraphs`, 'gzip, deflate, br', { authorization: `Bearer ${token}` })
    expect(small.headers.get('content-encoding')).toBeNull()
    const body = await small.text()
    expect(small.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
    expect(JSON.parse(body)).toHaveLength(2)
  })

  it('leave the event stream uncompressed, so that each event arrives when it is sent', async () => {
    const controller = new AbortController()
    const response = await fetch(`${server.url}/api/documents/${documentId}/events`, {
      headers: { 'accept-encoding': 'gzip', authorization: `Bearer ${token}` },
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(response.headers.get('content-encoding')).toBeNull()
    // The stream stays open: its first event is readable while it goes on.
    const first = await response.body!.getReader().read()
    expect(new TextDecoder().decode(first.value)).toContain('event: ready')
    controller.abort()
  })

  it('leave a refused socket handshake without a Content-Encoding for a body it does not have', async () => {
    const joined = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Ana' }),
    })
    const cookie = (joined.headers.get('set-cookie') ?? '').split(';')[0]!
    // The cookie from a foreign page: refused with 403 before the upgrade.
    const refusal = await new Promise<{ status?: number; encoding?: string }>((resolve, reject) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${documentId}`, {
        headers: { cookie, 'accept-encoding': 'gzip' },
        origin: 'https://evil.example',
      })
      socket.once('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode, encoding: response.headers['content-encoding'] })
        socket.terminate()
      })
      socket.once('open', () => reject(new Error('the handshake was accepted')))
      socket.once('error', reject)
    })
    expect(refusal).toEqual({ status: 403, encoding: undefined })
  })
})
