/**
 * How fast a proposal or a comment reaches the other people in the room (issue: "updates in every
 * browser within a second"). A delegation posts; a second client listening on the room's event
 * stream, as the draft room does, gets the event and fetches the list again, as the draft room
 * does. Measured from just before the POST to the moment the refetched list holds the new item.
 *
 *   node --import tsx bench/negotiationLatency.ts [--rounds 40]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer } from '../server/test/spawnServer'

const at = process.argv.indexOf('--rounds')
const ROUNDS = at > 0 ? Number(process.argv[at + 1]) : 40
const FLOOR_MS = 1000

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const dataDir = mkdtempSync(join(tmpdir(), 'penholder-negotiation-'))
const server = await spawnServer(dataDir)
try {
  const call = async (path: string, token: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return response.json() as Promise<Record<string, unknown>>
  }
  const created = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Latency', text: 'The General Assembly,\nRecalling its resolutions,\n1. Decides to act.' }),
  })
  const { id, token: facilitator } = (await created.json()) as { id: string; token: string }
  const { token: delegation } = (await call(`/documents/${id}/invites`, facilitator, { role: 'delegation', state: 'Mexico' })) as { token: string }
  const paragraphs = (await call(`/documents/${id}/paragraphs`, facilitator)) as unknown as Array<{ id: string }>
  const paragraphId = paragraphs.at(-1)!.id

  // The listener: the facilitator's event stream, read as the browser's EventSource would.
  const events = await fetch(`${server.url}/api/documents/${id}/events`, { headers: { authorization: `Bearer ${facilitator}` } })
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const nextEvent = async (name: string) => {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (block.includes(`event: ${name}`)) return
        continue
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('event stream ended')
      buffer += value
    }
  }
  await nextEvent('ready')

  const measure = async (kind: 'amendments' | 'comments', round: number) => {
    const started = performance.now()
    const body =
      kind === 'amendments'
        ? { paragraphId, kind: 'replace', text: `Decides to act, round ${round}.` }
        : { paragraphId, body: `Comment ${round}` }
    const posted = call(`/documents/${id}/${kind}`, delegation, body)
    await nextEvent(kind)
    const list = (await call(`/documents/${id}/${kind}`, facilitator)) as Record<string, unknown[]>
    const elapsed = performance.now() - started
    await posted
    if (list[kind]!.length !== round + 1) throw new Error(`${kind}: the refetched list misses the new item`)
    return elapsed
  }
  const lines: string[] = ['', '## Proposals and comments reaching another client (post → event → refetched list)', '']
  lines.push('| what | rounds | p50 ms | p95 ms | max ms | floor |', '|---|---|---|---|---|---|')
  for (const kind of ['amendments', 'comments'] as const) {
    const samples: number[] = []
    for (let round = 0; round < ROUNDS; round++) samples.push(await measure(kind, round))
    samples.sort((a, b) => a - b)
    const row = [kind, ROUNDS, percentile(samples, 50).toFixed(1), percentile(samples, 95).toFixed(1), samples.at(-1)!.toFixed(1), `${FLOOR_MS} ms`]
    lines.push(`| ${row.join(' | ')} |`)
  }
  await reader.cancel()
  console.log(lines.join('\n'))
} finally {
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
