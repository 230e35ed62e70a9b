import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Paragraph } from '../../shared/paragraphs/types'
import { configureLimits } from '../limits/limitsOf'
import { connect, createDocument, invite, paragraphText, startTestServer, synced, type TestServer, withToken } from '../test/testServer'

/**
 * Issue 13, item 5: an observer exporting the compilation of a long negotiation in a loop once
 * took the room's typing from 5 to 607 ms. The files are made on a worker thread now; the room's
 * round trip (one client types a character, another sees it) must stay short meanwhile.
 *
 * The typist runs in this process, as the server does: while the old code built a file, the
 * typist was frozen too, so the stall shows in the slowest keystrokes, not the median. Measured on
 * 2 shared cores (other test runs alongside): files made on the main thread, p99 0.96–2.4 s; on
 * the worker, p50 ≈ 1 ms and p99 12–90 ms. The bound leaves room for a busy CI machine.
 */
const P99_BOUND_MS = 150
const KEYSTROKES = 50
const MAX_EXPORTS = 12

const filler = (i: number) =>
  `the implementation of the relevant provisions, including through the exchange of information, technical assistance and capacity-building, item ${i}`

/** A long draft: 80 PPs and 120 OPs, each a few lines long. */
function longDraft(): string {
  const pps = Array.from({ length: 80 }, (_, i) => `Recalling ${filler(i)}, and stressing ${filler(i + 1000)},`)
  const ops = Array.from({ length: 120 }, (_, i) => `${i + 1}. Calls upon all States to ensure ${filler(i)}, and to report on ${filler(i + 2000)};`)
  return ['Long negotiation', 'The General Assembly,', ...pps, ...ops].join('\n')
}

let server: TestServer
let documentId: string
let facilitator: string
let observer: string
const destroy: Array<() => void> = []

beforeAll(async () => {
  server = await startTestServer({ checkpointEveryMs: 10 * 60_000 })
  // The observer may export as often as it likes here: this is about the room, not the rate limit.
  configureLimits(server.store, { exportsPerMinute: 1000 })
  const created = await createDocument(server.url, { text: longDraft() })
  documentId = created.id
  facilitator = created.token
  observer = (await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })).token
  const paragraphs = (await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/paragraphs`)).json()) as Paragraph[]
  // Three pending proposals on every paragraph, tabled straight into the store (the API's own
  // limits are tested elsewhere): the compilation then holds 600 of them.
  let n = 0
  for (const p of paragraphs.filter((p) => p.kind === 'pp' || p.kind === 'op')) {
    for (const state of ['Mexico', 'Norway', 'Kenya']) {
      server.store.createAmendment({
        id: `a-load${n++}`,
        documentId,
        paragraphId: p.id,
        kind: 'replace',
        text: `${p.text} ${state} adds: ${filler(n)}`,
        baseText: p.text,
        newParagraphKind: null,
        note: 'Stronger language',
        state,
        enteredBy: null,
        createdAt: Date.now(),
        reopensAgreed: false,
      })
    }
  }
}, 30_000)

afterAll(async () => {
  for (const d of destroy.splice(0)) d()
  await server.dispose()
})

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!

describe('exporting while the room types', () => {
  it('keeps a keystroke’s round trip short while an observer exports the compilation in a loop', async () => {
    const writer = connect(server.wsBase, documentId, facilitator)
    const watcher = connect(server.wsBase, documentId, facilitator)
    destroy.push(() => writer.provider.destroy(), () => watcher.provider.destroy())
    await Promise.all([synced(writer.provider), synced(watcher.provider)])

    const exportOnce = async (format: 'docx' | 'pdf') => {
      const response = await withToken(server.url, observer)(`/api/documents/${documentId}/export?format=${format}&view=compilation`)
      expect(response.status).toBe(200)
      await response.arrayBuffer()
    }
    // One export first, so that the loop below exports from the first keystroke on.
    await exportOnce('docx')

    let typing = true
    let exported = 0
    let inFlight = false
    const exporting = (async () => {
      while (typing && exported < MAX_EXPORTS) {
        inFlight = true
        await exportOnce(exported % 2 === 0 ? 'docx' : 'pdf')
        inFlight = false
        exported++
      }
    })()

    const latencies: number[] = []
    let duringExport = 0
    const text = paragraphText(writer.doc, 'operatives', 0)
    for (let i = 0; i < KEYSTROKES; i++) {
      const seen = new Promise<void>((resolve) => watcher.doc.once('update', () => resolve()))
      const started = performance.now()
      if (inFlight) duringExport++
      text.insert(0, 'x')
      await seen
      latencies.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    typing = false
    await exporting

    const sorted = [...latencies].sort((a, b) => a - b)
    const [p50, p99] = [percentile(sorted, 0.5), percentile(sorted, 0.99)]
    console.log(`keystroke round trip while exporting: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ${duringExport} of ${KEYSTROKES} keystrokes while a file was being made`)
    expect(p99).toBeLessThan(P99_BOUND_MS)
    // The measure means something only if the exports were running all along.
    expect(duringExport).toBeGreaterThanOrEqual(KEYSTROKES * 0.8)
  }, 30_000)
})
