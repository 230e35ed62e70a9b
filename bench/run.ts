/**
 * `npm run bench`: the shared Yjs server benchmark (../shared/bench) against Penholder's server and,
 * side by side, the reference y-websocket server it ships, summed up in one table of figures,
 * ratios and goals (summary.ts); then Penholder's own measures, each printing its table: server
 * CPU per update with agreed paragraphs, storage sizes, the JavaScript to open a room and idle
 * memory, keystroke to paint in a full room, browser-to-browser typing, and how fast proposals and
 * comments reach another client. All of it is written to bench/results/. The harness's folder is
 * read-only, so it is copied to a temporary directory and its dependencies installed there once.
 *
 *   npm run bench                       all scenarios, both servers (about 10 minutes on 2 cores)
 *   npm run bench -- --quick            a one-minute smoke run
 *   npm run bench -- --only penholder   skip the reference server
 *   npm run bench -- --harness-only --scenarios manydocs
 *                                       the harness's scenarios alone, without Penholder's own measures
 *   any other option is passed to the harness (see ../shared/bench/README.md)
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type HarnessRecord, summaryTable } from './summary'

const harnessSource = resolve('../shared/bench')
const harness = join(tmpdir(), 'penholder-bench-harness')
const resultsDir = resolve('bench/results')
const tsx = resolve('node_modules/tsx/dist/esm/index.mjs')

if (!existsSync(join(harnessSource, 'bench.js'))) {
  console.error(`The shared benchmark harness was not found at ${harnessSource}.`)
  process.exit(1)
}
if (!existsSync(join(harness, 'node_modules'))) {
  console.error(`Installing the harness in ${harness} …`)
  cpSync(harnessSource, harness, { recursive: true, filter: (src) => !src.includes('/results/') && !src.endsWith('/data') })
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: harness, stdio: 'inherit' })
}
mkdirSync(resultsDir, { recursive: true })

const args = process.argv.slice(2)
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined
const harnessOnlyAt = args.indexOf('--harness-only')
const harnessOnly = harnessOnlyAt >= 0 && args.splice(harnessOnlyAt, 1).length > 0
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
const out = join(resultsDir, `bench-${stamp}.jsonl`)

// Penholder runs as `npm start` runs it, compiled to plain JavaScript, not under tsx (whose loader
// and transpiled sources add about 60 MB and slow the first requests): the bench server is built
// like the server (vite.config.ts) on every run, so that it is never stale, outside dist/ (which
// the client's build empties) but within reach of node_modules, for the packages left external.
const benchServerDir = resolve('node_modules/.cache/penholder-bench-server')
console.error('Building the bench server …')
execFileSync(
  process.execPath,
  [resolve('node_modules/vite/bin/vite.js'), 'build', '--ssr', 'bench/benchServer.ts', '--outDir', benchServerDir, '--emptyOutDir', '--logLevel', 'warn'],
  { stdio: 'inherit' },
)
const penholderServer = `node ${join(benchServerDir, 'benchServer.js')}`
const targets = [
  {
    label: 'penholder',
    port: 41301,
    extra: [
      '--server', penholderServer,
      '--server-persist', `${penholderServer} --persist {data}`,
      '--create', 'http://127.0.0.1:41301/api/documents',
      '--url', 'ws://127.0.0.1:41301/collab/{doc}',
    ],
  },
  {
    label: 'y-websocket-server',
    port: 41302,
    extra: [
      '--server', `node ${join(harness, 'servers/y-websocket-server.js')}`,
      '--server-persist', `node ${join(harness, 'servers/y-websocket-server.js')} --persist {data}`,
      '--url', 'ws://127.0.0.1:41302/bench/{doc}',
    ],
  },
].filter((target) => !only || target.label === only)

for (const target of targets) {
  console.error(`\n=== ${target.label} ===`)
  execFileSync(process.execPath, [join(harness, 'bench.js'), '--label', target.label, '--out', out, ...target.extra, ...args], {
    stdio: 'inherit',
  })
}
// Both targets in one set of tables, so the medians sit side by side.
const { renderTables } = (await import(pathToFileURL(join(harness, 'lib/report.js')).href)) as {
  renderTables: (results: unknown[]) => string
}
const results = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown)
// A scenario that failed is a record with only its error: reported as such, left out of the tables.
const failed = (results as Array<{ label: string; scenario: string; error?: string }>).filter((r) => r.error)
const tables = [renderTables(results.filter((r) => !(r as { error?: string }).error)), ...failed.map((r) => `${r.label} ${r.scenario} failed: ${r.error}`)].join('\n')

/** Runs one of the benchmark scripts beside this one and returns the Markdown it prints. */
const script = (title: string, file: string, ...options: string[]) => {
  console.error(`\n=== ${title} ===`)
  return execFileSync(process.execPath, ['--import', tsx, join('bench', file), ...options], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
}
const summary = summaryTable(results as HarnessRecord[])
const sections = harnessOnly ? [] : [
  script('server CPU per update with agreed paragraphs', 'lockedUpdates.ts'),
  script('storage: versions, the update log on disk', 'storageSize.ts'),
  script('JavaScript to open a room, idle server memory', 'bundleSize.ts'),
  script('keystroke to paint in a full room', 'roomTyping.ts'),
  script('browser-to-browser typing latency', 'browserLatency.ts'),
  script('proposals and comments reaching another client', 'negotiationLatency.ts'),
]
const report = [`Penholder against the reference server, same run\n\n${summary}`, tables, ...sections].join('\n\n')
writeFileSync(out.replace(/\.jsonl$/, '.md'), `# npm run bench ${stamp}\n${report}`)
console.log(report)
console.error(`Results: ${out} and .md beside it`)
