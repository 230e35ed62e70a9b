import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startServer, type RunningServer } from '../createServer'

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'penholder-test-'))

export interface TestServer extends RunningServer {
  dataDir: string
  wsBase: string
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>
}

/** A real server on 127.0.0.1 with a free port and a fresh SQLite file. */
export async function startTestServer(
  { dataDir = tempDataDir(), createToken, checkpointEveryMs }: { dataDir?: string; createToken?: string; checkpointEveryMs?: number } = {},
): Promise<TestServer> {
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, createToken, checkpointEveryMs, log: () => {} })
  return {
    ...server,
    dataDir,
    wsBase: `${server.url.replace('http', 'ws')}/collab`,
    dispose: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Creates a resolution through the API; the answer holds the creator's facilitator token. */
export async function createDocument(baseUrl: string, body: object): Promise<{ id: string; token: string }> {
  const response = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`)
  return (await response.json()) as { id: string; token: string }
}

/** fetch with `Authorization: Bearer <token>`, as a script or integration calls the API. */
export function withToken(baseUrl: string, token: string) {
  return (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
    })
}

/** Creates an invite link with a facilitator's token and returns its token. */
export async function invite(baseUrl: string, facilitatorToken: string, documentId: string, body: object) {
  const response = await withToken(baseUrl, facilitatorToken)(`/api/documents/${documentId}/invites`, {
    method: 'POST',
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${await response.text()}`)
  return (await response.json()) as { id: string; token: string; url: string }
}

/** The stock y-websocket provider, as a script or integration would use it from Node. */
export function connect(wsBase: string, documentId: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsBase, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  })
  return { doc, provider }
}

export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve) => provider.once('sync', (isSynced: boolean) => isSynced && resolve()))
}

/** Polls until `check` passes or the deadline is reached (then throws the last failure). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

/** The Y.XmlText of the n-th paragraph of a container ('preamble' is index 3, 'operatives' 4). */
export function paragraphText(doc: Y.Doc, container: 'preamble' | 'operatives', index: number): Y.XmlText {
  const root = doc.getXmlFragment('default')
  const holder = root.get(container === 'preamble' ? 3 : 4) as Y.XmlElement
  const paragraph = holder.get(index) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** A raw WebSocket to the collaboration endpoint, for sending frames no provider would send. */
export function rawSocket(wsBase: string, documentId: string, token?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsBase}/${documentId}${token ? `?token=${encodeURIComponent(token)}` : ''}`)
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code: number) => resolve(code)))
}

/** Reads a server-sent event stream until an event of this name arrives; gives back all it read. */
export async function untilEvent(stream: Response, name: string): Promise<string> {
  const reader = stream.body!.getReader()
  const decoder = new TextDecoder()
  let seen = ''
  while (!seen.includes(`event: ${name}`)) {
    const { value, done } = await reader.read()
    if (done) break
    seen += decoder.decode(value, { stream: true })
  }
  return seen
}
