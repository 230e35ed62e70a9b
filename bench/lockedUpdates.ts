/**
 * What agreed (locked) paragraphs cost the server on every keystroke (issue 14): a 300-paragraph
 * resolution on a spawned server, 0, 10 % and 50 % of its paragraphs marked agreed through the
 * API, and single-character updates typed by a stock y-websocket client into paragraphs that are
 * never locked. Reports the server's CPU time per update (from /proc/<pid>/stat, so the clients in
 * this process do not count), its ratio to the unlocked figure and, when the shared harness is
 * installed (`npm run bench` installs it), to the reference y-websocket server fed the same updates.
 *
 *   node --import tsx bench/lockedUpdates.ts [--updates 3000] [--repeat 3]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { spawnServer } from '../server/test/spawnServer'
import { numberOption } from './numberOption'

const UPDATES = numberOption('updates', 3000)
const REPEAT = numberOption('repeat', 3)
const WARM_UP = 300
/** Updates sent before waiting for a watcher to have them all: typing in bursts, never a backlog. */
const BURST = 50
const PREAMBULAR = 150
const OPERATIVE = 150
/** Every `step`-th paragraph is locked: 10 % and 50 % of them, a superset each time. */
const LOCK_STEPS = [{ share: '10 %', step: 10 }, { share: '50 %', step: 2 }]
/** Paragraphs whose index ends in an odd digit are never locked by any step above. */
const typedIndexes = Array.from({ length: PREAMBULAR + OPERATIVE }, (_, i) => i).filter((i) => i % 2 === 1)
const REFERENCE_SERVER = join(tmpdir(), 'penholder-bench-harness', 'servers', 'y-websocket-server.js')

function resolutionText(): string {
  const preamble = Array.from({ length: PREAMBULAR }, (_, i) => `Recalling its resolution ${i + 1}/1 on the question before it,`)
  const operatives = Array.from({ length: OPERATIVE }, (_, i) => `${i + 1}. Requests the Secretary-General to report on item ${i + 1};`)
  return ['The General Assembly,', ...preamble, ...operatives].join('\n')
}

/** CPU time (user + system) a process has used, in µs. /proc counts in USER_HZ, 100 on Linux. */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

function provider(url: string, room: string, doc: Y.Doc, token?: string): WebsocketProvider {
  return new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
    resyncInterval: -1,
  })
}

const synced = (p: WebsocketProvider) =>
  p.synced ? Promise.resolve() : new Promise<void>((resolve) => p.once('sync', (done: boolean) => done && resolve()))

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the server stopped relaying updates')
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
}

/** The paragraph's text as the editor holds it: preamble is the fourth child of the root, operatives the fifth. */
function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const root = doc.getXmlFragment('default')
  const container = root.get(index < PREAMBULAR ? 3 : 4) as Y.XmlElement
  return (container.get(index < PREAMBULAR ? index : index - PREAMBULAR) as Y.XmlElement).get(0) as Y.XmlText
}

/** A writer and a watcher in one room; `type(n)` sends n one-character updates and waits until the watcher has them. */
async function typingPair(url: string, room: string, token: string | undefined, seed?: Uint8Array) {
  const writerDoc = new Y.Doc()
  if (seed) Y.applyUpdate(writerDoc, seed)
  const writer = provider(url, room, writerDoc, token)
  const watcher = provider(url, room, new Y.Doc(), token)
  let received = 0
  watcher.doc.on('update', (_update: Uint8Array, origin: unknown) => origin === watcher && received++)
  await Promise.all([synced(writer), synced(watcher)])
  let sent = 0
  const type = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const text = paragraphText(writerDoc, typedIndexes[sent % typedIndexes.length]!)
      text.insert((sent * 7) % (text.length + 1), 'x')
      sent++
      if (sent % BURST === 0 || i === count - 1) await until(() => received >= sent)
    }
  }
  return { doc: writerDoc, type, destroy: () => [writer, watcher].forEach((p) => p.destroy()) }
}

/** Median server CPU µs per update over `REPEAT` rounds of `UPDATES` updates. */
async function cpuPerUpdate(pid: number, type: (count: number) => Promise<void>): Promise<number> {
  await type(WARM_UP)
  const rounds: number[] = []
  for (let r = 0; r < REPEAT; r++) {
    const before = cpuMicros(pid)
    await type(UPDATES)
    rounds.push((cpuMicros(pid) - before) / UPDATES)
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!
}

async function api(base: string, token: string, path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}/api/documents${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

async function penholderFigures(): Promise<{ rows: Array<{ locked: string; micros: number }>; state: Uint8Array }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'penholder-locked-'))
  const server = await spawnServer(dataDir)
  try {
    const created = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Locked paragraphs', text: resolutionText() }),
    })
    const { id, token } = (await created.json()) as { id: string; token: string }
    const ids = ((await api(server.url, token, `/${id}/paragraphs`)) as Array<{ id: string }>).map((p) => p.id)
    if (ids.length !== PREAMBULAR + OPERATIVE) throw new Error(`expected 300 paragraphs, the server made ${ids.length}`)
    const pair = await typingPair(`ws://127.0.0.1:${server.port}/collab`, id, token)
    const pid = server.child.pid!
    const rows = [{ locked: '0', micros: await cpuPerUpdate(pid, pair.type) }]
    for (const { share, step } of LOCK_STEPS) {
      for (let i = 0; i < ids.length; i += step) {
        await api(server.url, token, `/${id}/paragraphs/${ids[i]}/status`, 'PUT', { status: 'agreed' })
      }
      rows.push({ locked: `${ids.length / step} (${share})`, micros: await cpuPerUpdate(pid, pair.type) })
    }
    const state = Y.encodeStateAsUpdate(pair.doc)
    pair.destroy()
    return { rows, state }
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function startReference(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [REFERENCE_SERVER], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('exit', () => reject(new Error('the reference server exited')))
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /READY (\d+)/.exec(chunk.toString())
      if (ready) resolve({ child, port: Number(ready[1]) })
    })
  })
}

/** The same document and the same updates against the reference server (no locks, no storage). */
async function referenceFigure(state: Uint8Array): Promise<number | undefined> {
  if (!existsSync(REFERENCE_SERVER)) return undefined
  const { child, port } = await startReference()
  try {
    const pair = await typingPair(`ws://127.0.0.1:${port}/bench`, 'locked', undefined, state)
    const micros = await cpuPerUpdate(child.pid!, pair.type)
    pair.destroy()
    return micros
  } finally {
    child.kill('SIGTERM')
  }
}

function table(rows: Array<{ locked: string; micros: number }>, reference: number | undefined): string {
  const unlocked = rows[0]!.micros
  const lines = [
    `### Server CPU per typing update, ${PREAMBULAR + OPERATIVE}-paragraph resolution (median of ${REPEAT} × ${UPDATES} updates)`,
    '',
    '| locked paragraphs | µs per update | × unlocked | × reference |',
    '|---|---|---|---|',
    ...rows.map(({ locked, micros }) =>
      `| ${locked} | ${micros.toFixed(1)} | ${(micros / unlocked).toFixed(2)} | ${reference ? (micros / reference).toFixed(2) : 'n/a'} |`,
    ),
  ]
  lines.push('', reference ? `Reference y-websocket server: ${reference.toFixed(1)} µs per update.` : 'Reference server not measured (run `npm run bench` once to install the shared harness).')
  return lines.join('\n')
}

const { rows, state } = await penholderFigures()
console.log(table(rows, await referenceFigure(state)))
process.exit(0)
