/**
 * What opening a room costs on a slow network, and what an idle server costs on a small machine,
 * as a Markdown table against the goals of issue 14:
 *
 *   node --import tsx bench/bundleSize.ts            builds (npm run build) first
 *   node --import tsx bench/bundleSize.ts --no-build  measures the build already in dist/
 *
 * - The JavaScript the browser needs before a room can be shown (bench/roomChunks.ts), gzip at
 *   zlib's default level, as Vite reports; the browser is sent the smaller Brotli copies.
 *   bench/bundleBreakdown.ts tells which packages it is made of.
 * - The resident memory (VmRSS) of a server started as `npm start` starts it, and as the tests
 *   start it (under tsx), 10 s after it says it is running, with no client; two runs of each.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import { roomChunks } from './roomChunks'

const dist = resolve('dist')
const IDLE_MS = 10_000
const RUNS = 2

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: ['ignore', process.stderr, 'inherit'] })

const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file))).length
const roomJs = roomChunks(dist).reduce((sum, file) => sum + gzipped(file), 0)
const allJs = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .reduce((sum, name) => sum + gzipped(join('assets', name)), 0)

/** Starts the server with `args`, waits until it has been idle for IDLE_MS, and reads its VmRSS (kB). */
async function idleRss(args: string[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'penholder-rss-'))
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    await new Promise<void>((started, failed) => {
      let output = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('running at')) started()
      })
      child.once('exit', (code) => failed(new Error(`${args.join(' ')} exited (${code}): ${output}`)))
    })
    await sleep(IDLE_MS)
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1])
  } finally {
    child.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function rssRuns(args: string[]): Promise<number[]> {
  const runs: number[] = []
  for (let run = 0; run < RUNS; run++) runs.push(await idleRss(args))
  return runs
}

const compiled = await rssRuns([join(dist, 'server/main.js')])
const underTsx = await rssRuns(['--import', 'tsx', 'server/main.ts'])

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const mb = (runs: number[]) => runs.map((kB) => `${(kB / 1024).toFixed(1)}`).join(' / ') + ' MB'
const ratio = (value: number, goal: number) => (value / goal).toFixed(2)

const rows: [string, string, string, string][] = [
  ['JS to open a room (entry, room page and their static imports; gzip)', kb(roomJs), '≤ 150 KB', ratio(roomJs, 150 * 1024)],
  ['all JS of the client (gzip)', kb(allJs), '—', '—'],
  [`idle server RSS, compiled (npm start; ${RUNS} runs)`, mb(compiled), '≤ 70 MB', ratio(Math.max(...compiled), 70 * 1024)],
  [`idle server RSS, under tsx (as the tests start it; ${RUNS} runs)`, mb(underTsx), '—', ratio(Math.max(...underTsx), 70 * 1024)],
]
console.log(['| figure | value | goal | ratio to goal |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'))
