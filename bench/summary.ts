/**
 * The one table `npm run bench` ends with: each server figure of issue 14 for Penholder, the
 * reference y-websocket server in the same run, their ratio and the goal, read from the shared
 * harness's JSON lines.
 */

interface Percentiles {
  p50: number
  p99: number
}

/** The fields of the harness's records that the summary reads (see ../shared/bench/README.md). */
export interface HarnessRecord {
  label: string
  scenario: string
  readers?: number
  docs?: number
  delivered?: number
  serverCpuSec?: number
  latencyMs?: Percentiles
  clientConnectSyncMs?: Percentiles
  serverRssPerDocKB?: number
  buildSec?: number
  cold?: { firstFullMs: number }
  diskBytesAfter?: number
}

interface Figure {
  name: string
  unit: string
  read: (records: HarnessRecord[]) => number | undefined
  goal: string
}

const find = (records: HarnessRecord[], scenario: string, match: Partial<HarnessRecord> = {}) =>
  records.find((r) => r.scenario === scenario && Object.entries(match).every(([key, value]) => r[key as keyof HarnessRecord] === value))

const fanout = (readers: number): Figure[] => [
  { name: `fan-out p50, ${readers} readers`, unit: 'ms', read: (rs) => find(rs, 'fanout', { readers })?.latencyMs?.p50, goal: '≤ reference' },
  { name: `fan-out p99, ${readers} readers`, unit: 'ms', read: (rs) => find(rs, 'fanout', { readers })?.latencyMs?.p99, goal: '≤ reference' },
  {
    name: `server CPU per delivery, ${readers} readers`,
    unit: 'µs',
    read: (rs) => {
      const r = find(rs, 'fanout', { readers })
      return r?.serverCpuSec !== undefined && r.delivered ? (r.serverCpuSec * 1e6) / r.delivered : undefined
    },
    goal: '≤ reference',
  },
]

export const FIGURES: Figure[] = [
  ...[10, 50, 200].flatMap(fanout),
  { name: 'RSS per open document, 1,000 documents', unit: 'KB', read: (rs) => find(rs, 'manydocs', { docs: 1000 })?.serverRssPerDocKB, goal: '≤ 20 KB' },
  { name: 'connect + sync p50, 1,000 documents', unit: 'ms', read: (rs) => find(rs, 'manydocs', { docs: 1000 })?.clientConnectSyncMs?.p50, goal: '≤ reference' },
  { name: 'connect + sync p99, 1,000 documents', unit: 'ms', read: (rs) => find(rs, 'manydocs', { docs: 1000 })?.clientConnectSyncMs?.p99, goal: '≤ reference' },
  { name: 'ingest 50,000 single-op updates', unit: 's', read: (rs) => find(rs, 'coldload')?.buildSec, goal: '≤ 3 s' },
  { name: "first client's full content after a restart", unit: 'ms', read: (rs) => find(rs, 'coldload')?.cold?.firstFullMs, goal: '≤ 350 ms' },
  {
    name: 'disk for that document',
    unit: 'KB',
    read: (rs) => {
      const bytes = find(rs, 'coldload')?.diskBytesAfter
      return bytes === undefined ? undefined : bytes / 1024
    },
    goal: '≤ 600 KB',
  },
]

const show = (value: number | undefined) => (value === undefined ? '–' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))

/** The Markdown table of FIGURES for `ours` against `reference` (labels as given to the harness). */
export function summaryTable(records: HarnessRecord[], ours = 'penholder', reference = 'y-websocket-server'): string {
  const mine = records.filter((r) => r.label === ours)
  const theirs = records.filter((r) => r.label === reference)
  const lines = ['| figure | Penholder | reference | ratio | goal |', '|---|---:|---:|---:|---|']
  for (const figure of FIGURES) {
    const a = figure.read(mine)
    const b = figure.read(theirs)
    const ratio = a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '–'
    lines.push(`| ${figure.name} (${figure.unit}) | ${show(a)} | ${show(b)} | ${ratio} | ${figure.goal} |`)
  }
  return lines.join('\n')
}
