/**
 * What every reliability scenario shares: its size, a seeded random source, servers that are
 * always stopped and cleaned up, clients, latency figures and the server's memory.
 *
 * Scenarios are plain async functions `(size) => Figures`: `reliability.test.ts` runs them at the
 * reduced size inside `npm test` (and asserts the invariants), `npm run test:reliability` runs the
 * same functions at full size and prints the table of figures.
 */
import { readFileSync, rmSync } from 'node:fs'
import type { WebSocket } from 'ws'
import type * as Y from 'yjs'
import { spawnServer, type SpawnedServer } from '../../server/test/spawnServer'
import {
  connect,
  createDocument,
  startTestServer,
  synced,
  tempDataDir,
  withToken,
  type TestServer,
} from '../../server/test/testServer'

export type Size = 'reduced' | 'full'

/** `SIZE=full` selects the full sizes (`npm run test:reliability`); anything else the reduced ones. */
export const SIZE: Size = process.env.SIZE === 'full' ? 'full' : 'reduced'

/** Picks the figure for the size: `bySize(size, 5, 20)`. */
export const bySize = <T>(size: Size, reduced: T, full: T): T => (size === 'full' ? full : reduced)

/** One scenario's figures: what the table prints. Numbers, or a short word. */
export type Figures = Record<string, number | string | boolean>

/** A small fast seeded PRNG (mulberry32), so that a failing run can be replayed with its seed. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    bytes(n: number) {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256)
      return out
    },
  }
}
export type Random = ReturnType<typeof prng>

/** The seed of a run: `SEED=…` replays one. */
export const SEED = Number(process.env.SEED ?? 0x5eed13)

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Things to undo when a scenario ends, however it ends (last in, first out). */
export class Cleanup {
  private readonly steps: Array<() => unknown> = []
  add(step: () => unknown): void {
    this.steps.push(step)
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step()
      } catch {
        // a cleanup step that fails must not keep the others from running
      }
    }
  }
}

/** Runs `body` with a Cleanup that always runs afterwards. */
export async function scoped<T>(body: (cleanup: Cleanup) => Promise<T>): Promise<T> {
  const cleanup = new Cleanup()
  try {
    return await body(cleanup)
  } finally {
    await cleanup.run()
  }
}

/** An in-process server on a free 127.0.0.1 port with its own data directory, disposed with the scope. */
export async function inProcessServer(cleanup: Cleanup): Promise<TestServer> {
  const server = await startTestServer()
  cleanup.add(() => server.dispose())
  return server
}

type SpawnOptions = Parameters<typeof spawnServer>[2]

/** A server in its own process (killable with SIGKILL, restartable on the same data directory). */
export class ProcessServer {
  private constructor(
    public current: SpawnedServer,
    readonly dataDir: string,
  ) {}

  static async start(cleanup: Cleanup, options: SpawnOptions = {}): Promise<ProcessServer> {
    const dataDir = tempDataDir()
    cleanup.add(() => rmSync(dataDir, { recursive: true, force: true }))
    const server = new ProcessServer(await spawnServer(dataDir, 0, options), dataDir)
    cleanup.add(() => server.current.stop('SIGKILL'))
    return server
  }

  get url(): string {
    return this.current.url
  }
  get wsBase(): string {
    return `${this.current.url.replace('http', 'ws')}/collab`
  }

  /** SIGKILL now (no waiting): what a crash does. */
  killNow(): void {
    this.current.child.kill('SIGKILL')
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGKILL', options: SpawnOptions = {}): Promise<void> {
    const port = this.current.port
    await this.current.stop(signal)
    this.current = await spawnServer(this.dataDir, port, options)
  }

  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number {
    return rssOfPid(this.current.child.pid!)
  }
}

export function rssOfPid(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN)
    return Math.round(kb / 102.4) / 10
  } catch {
    return NaN
  }
}

/** The stock y-websocket provider, destroyed with the scope. */
export function client(cleanup: Cleanup, wsBase: string, documentId: string, token: string, doc?: Y.Doc) {
  const c = connect(wsBase, documentId, token, doc)
  cleanup.add(() => c.provider.destroy())
  return c
}

/** Waits for the first sync, or throws after `ms`. */
export async function syncedWithin(provider: Parameters<typeof synced>[0], ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      synced(provider),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no sync within ${ms} ms`)), ms))),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** Closes a raw socket with the scope. */
export function track(cleanup: Cleanup, socket: WebSocket): WebSocket {
  cleanup.add(() => socket.terminate())
  return socket
}

export const TEXT = `The General Assembly,
Recalling its previous resolutions on the safety of journalists,
Noting with concern the number of attacks on journalists,
1. Calls upon all States to protect journalists;
2. Requests the Secretary-General to report on this matter;
3. Decides to remain seized of the matter.`

export interface Room {
  id: string
  facilitator: string
  api: ReturnType<typeof withToken>
}

/** Creates a resolution from TEXT; `api` calls it with the facilitator's token. */
export async function createRoom(url: string, title = 'Reliability', text = TEXT): Promise<Room> {
  const { id, token } = await createDocument(url, { title, text })
  return { id, facilitator: token, api: withToken(url, token) }
}

export interface ServerParagraph {
  id: string
  kind: string
  number: string
  text: string
  status: string
}

export async function serverParagraphs(url: string, token: string, documentId: string): Promise<ServerParagraph[]> {
  const response = await withToken(url, token)(`/api/documents/${documentId}/paragraphs`)
  if (!response.ok) throw new Error(`GET paragraphs: ${response.status} ${await response.text()}`)
  return (await response.json()) as ServerParagraph[]
}

/** The p-th percentile (0–100) of some numbers (NaN when there are none). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Math.round(sorted[Math.max(0, index)] * 10) / 10
}

/** An unpaired UTF-16 surrogate, or U+FFFD (what a split surrogate pair becomes). */
export function brokenCharacters(text: string): number {
  let broken = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0xfffd) broken++
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else broken++
    } else if (unit >= 0xdc00 && unit <= 0xdfff) broken++
  }
  return broken
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(limit: number, count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      results[i] = await task(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
  return results
}

/** A deadline for a bounded loop: `while (more() && !deadline.passed())`. */
export function deadline(ms: number) {
  const end = Date.now() + ms
  return { passed: () => Date.now() > end, left: () => Math.max(0, end - Date.now()) }
}
