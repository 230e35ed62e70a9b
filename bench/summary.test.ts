import { describe, expect, it } from 'vitest'
import { type HarnessRecord, summaryTable } from './summary'

const run = (label: string, scale: number): HarnessRecord[] => [
  { label, scenario: 'fanout', readers: 10, delivered: 5000, serverCpuSec: 0.5 * scale, latencyMs: { p50: 2 * scale, p99: 6 * scale } },
  { label, scenario: 'manydocs', docs: 100, serverRssPerDocKB: 999, clientConnectSyncMs: { p50: 999, p99: 999 } },
  { label, scenario: 'manydocs', docs: 1000, serverRssPerDocKB: 40 * scale, clientConnectSyncMs: { p50: 25 * scale, p99: 60 * scale } },
  { label, scenario: 'coldload', buildSec: 4 * scale, cold: { firstFullMs: 500 * scale }, diskBytesAfter: 1024 * 1024 * scale },
]

const row = (table: string, name: string) => table.split('\n').find((line) => line.startsWith(`| ${name}`))

describe('summaryTable', () => {
  const table = summaryTable([...run('penholder', 2), ...run('y-websocket-server', 1)])

  it('puts each figure beside the reference figure of the same run, with the ratio', () => {
    expect(row(table, 'fan-out p99, 10 readers')).toBe('| fan-out p99, 10 readers (ms) | 12.0 | 6.00 | 2.00× | ≤ reference |')
    expect(row(table, 'server CPU per delivery, 10 readers')).toBe('| server CPU per delivery, 10 readers (µs) | 200 | 100 | 2.00× | ≤ reference |')
    expect(row(table, 'disk for that document')).toBe('| disk for that document (KB) | 2048 | 1024 | 2.00× | ≤ 600 KB |')
  })

  it('reads the 1,000-document case, not another', () => {
    expect(row(table, 'connect + sync p50, 1,000 documents')).toContain('| 50.0 | 25.0 | 2.00× |')
  })

  it('shows a dash for what the run did not measure', () => {
    expect(row(table, 'fan-out p50, 200 readers')).toBe('| fan-out p50, 200 readers (ms) | – | – | – | ≤ reference |')
    expect(row(summaryTable(run('penholder', 1)), 'ingest 50,000 single-op updates')).toBe('| ingest 50,000 single-op updates (s) | 4.00 | – | – | ≤ 3 s |')
  })
})
