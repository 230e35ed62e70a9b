import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Amendment } from '../../shared/amendments/types'
import type { Paragraph } from '../../shared/paragraphs/types'
import { createDocument, invite, startTestServer, type TestServer, withToken } from '../test/testServer'
import type { LimitSettings } from './limitSettings'
import { configureLimits } from './limitsOf'

/**
 * Issue 13, item 5: one person must not be able to flood the room. Each limit is set low here;
 * the defaults are in limitSettings.ts. The clock is the test's, so that a minute passes at once.
 */
const TEXT = `Limits

The General Assembly,
Recalling its previous resolutions,
1. Calls upon all States to cooperate fully with the Special Rapporteur;
2. Requests the Secretary-General to report on this matter;
3. Decides to remain seized of the matter.`

let server: TestServer
let documentId: string
let tokens: { facilitator: string; mexico: string; kenya: string; observer: string; observer2: string }
let paragraphs: Paragraph[]
let now: number

beforeEach(async () => {
  server = await startTestServer()
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  const token = async (body: object) => (await invite(server.url, created.token, documentId, body)).token
  tokens = {
    facilitator: created.token,
    mexico: await token({ role: 'delegation', state: 'Mexico' }),
    kenya: await token({ role: 'delegation', state: 'Kenya' }),
    observer: await token({ role: 'observer', organisation: 'ISHR' }),
    observer2: await token({ role: 'observer', organisation: 'Amnesty' }),
  }
  paragraphs = await (await as('facilitator')(`/api/documents/${documentId}/paragraphs`)).json()
  now = 1_000_000
})
afterEach(async () => {
  await server.dispose()
})

type Who = keyof typeof tokens
const as = (who: Who) => withToken(server.url, tokens[who])
const limit = (settings: Partial<LimitSettings>) => configureLimits(server.store, { ...settings, now: () => now })
const op = (n: number) => paragraphs.filter((p) => p.kind === 'op')[n - 1]!

const exportAs = (who: Who, query: string) => as(who)(`/api/documents/${documentId}/export?${query}`)
const propose = (who: Who, n: number, text: string, extra: object = {}) =>
  as(who)(`/api/documents/${documentId}/amendments`, {
    method: 'POST',
    body: JSON.stringify({ paragraphId: op(n).id, kind: 'replace', text, ...extra }),
  })
const commentAs = (who: Who, body: string) =>
  as(who)(`/api/documents/${documentId}/comments`, { method: 'POST', body: JSON.stringify({ paragraphId: op(1).id, body }) })

async function refusal(response: Response): Promise<[number, string]> {
  const { error } = (await response.json()) as { error: string }
  return [response.status, error]
}

describe('exports per person', () => {
  it('refuses a person’s Word and PDF files past the limit with 429, saying when to try again', async () => {
    limit({ exportsPerMinute: 3 })
    for (const format of ['docx', 'pdf', 'docx']) expect((await exportAs('observer', `format=${format}`)).status).toBe(200)
    now += 20_000
    expect(await refusal(await exportAs('observer', 'format=pdf&view=compilation'))).toEqual([
      429,
      'You have exported 3 files in the last minute; wait a moment (about 40 s).',
    ])
    // Someone else still may; the cheap text formats are not counted.
    expect((await exportAs('observer2', 'format=docx')).status).toBe(200)
    expect((await exportAs('observer', 'format=akn')).status).toBe(200)
    expect((await exportAs('observer', 'format=html')).status).toBe(200)
    now += 40_001
    expect((await exportAs('observer', 'format=docx')).status).toBe(200)
  })
})

describe('proposals per person and per State', () => {
  it('refuses a person’s proposals past the rate with 429, until the minute has passed', async () => {
    limit({ proposalsPerMinute: 3 })
    for (const word of ['First', 'Second', 'Third']) expect((await propose('mexico', 1, `${word} wording;`)).status).toBe(201)
    expect(await refusal(await propose('mexico', 1, 'Fourth wording;'))).toEqual([
      429,
      'You have tabled 3 proposals in the last minute; wait a moment (about 60 s).',
    ])
    expect((await propose('kenya', 1, 'Kenya’s wording;')).status).toBe(201)
    now += 60_000
    expect((await propose('mexico', 1, 'Fourth wording;')).status).toBe(201)
  })

  it('refuses a State’s proposals past its pending quota, also when a facilitator enters them, and again once one is withdrawn', async () => {
    limit({ pendingProposalsPerState: 2 })
    const first = (await (await propose('mexico', 1, 'First wording;')).json()) as { amendment: Amendment }
    expect((await propose('mexico', 2, 'Second wording;')).status).toBe(201)
    const expected = [429, 'Mexico already has 2 pending proposals on this resolution, the most one State may have; withdraw some before tabling more.']
    expect(await refusal(await propose('mexico', 3, 'Third wording;'))).toEqual(expected)
    expect(await refusal(await propose('facilitator', 3, 'Third wording;', { onBehalfOf: 'Mexico' }))).toEqual(expected)
    expect((await propose('kenya', 3, 'Kenya’s wording;')).status).toBe(201)

    const withdrawn = await as('mexico')(`/api/documents/${documentId}/amendments/${first.amendment.id}/withdraw`, { method: 'POST' })
    expect(withdrawn.status).toBe(200)
    expect((await propose('mexico', 3, 'Third wording;')).status).toBe(201)
  })

  it('counts a proposal tabled again against the same quota', async () => {
    const mexico = ((await (await propose('mexico', 1, 'Mexico’s wording;')).json()) as { amendment: Amendment }).amendment
    const kenya = ((await (await propose('kenya', 1, 'Kenya’s wording;')).json()) as { amendment: Amendment }).amendment
    const accepted = await as('facilitator')(`/api/documents/${documentId}/amendments/${kenya.id}/accept`, { method: 'POST', body: '{}' })
    expect(accepted.status).toBe(200)
    expect((await propose('mexico', 2, 'Other wording;')).status).toBe(201)
    limit({ pendingProposalsPerState: 1 })
    expect(await refusal(await as('mexico')(`/api/documents/${documentId}/amendments/${mexico.id}/retable`, { method: 'POST' }))).toEqual([
      429,
      'Mexico already has 1 pending proposal on this resolution, the most one State may have; withdraw some before tabling more.',
    ])
  })
})

describe('comments per person', () => {
  it('refuses a person’s comments past the rate with 429, and past their total on the resolution', async () => {
    limit({ commentsPerMinute: 2, commentsPerPerson: 3 })
    expect((await commentAs('observer', 'One')).status).toBe(201)
    expect((await commentAs('observer', 'Two')).status).toBe(201)
    expect(await refusal(await commentAs('observer', 'Three'))).toEqual([
      429,
      'You have written 2 comments in the last minute; wait a moment (about 60 s).',
    ])
    expect((await commentAs('observer2', 'Mine')).status).toBe(201)
    now += 60_000
    expect((await commentAs('observer', 'Three')).status).toBe(201)
    now += 60_000
    expect(await refusal(await commentAs('observer', 'Four'))).toEqual([
      429,
      'You have written 3 comments on this resolution, the most one person may write.',
    ])
  })
})

describe('the compilation’s HTML page', () => {
  const page = (query = '') => as('observer')(`/api/documents/${documentId}/compilation?format=html${query}`)
  const shownIds = (html: string) => [...html.matchAll(/<section class="paragraph[^"]*" id="p-([^"]+)"/g)].map((m) => m[1])

  it('is one page, without page links, for a usual resolution', async () => {
    const html = await (await page()).text()
    expect(html).not.toContain('<nav class="pages"')
    expect(shownIds(html)).toEqual(paragraphs.filter((p) => p.kind === 'pp' || p.kind === 'op').map((p) => p.id))
  })

  it('splits a long compilation into pages of whole paragraphs, with links that keep the filters, the JSON whole', async () => {
    limit({ compilationPageChars: 1 })
    const ids = paragraphs.filter((p) => p.kind === 'pp' || p.kind === 'op').map((p) => p.id)
    const first = await (await page('&comments=1')).text()
    expect(shownIds(first)).toEqual([ids[0]])
    expect(first).toContain(`Page 1 of ${ids.length} (paragraphs 1–1 of ${ids.length})`)
    expect(first).toContain('<a href="?format=html&amp;comments=1&amp;page=2" rel="next">Next page</a>')
    expect(first).toContain('<a href="export?format=docx&amp;view=compilation">Word</a>')
    const second = await (await page('&comments=1&page=2')).text()
    expect(shownIds(second)).toEqual([ids[1]])
    expect(second).toContain('<a href="?format=html&amp;comments=1&amp;page=1" rel="prev">Previous page</a>')
    expect(await refusal(await page(`&page=${ids.length + 1}`))).toEqual([404, `page: the compilation text has fewer pages than ${ids.length + 1}`])
    expect((await page('&page=0')).status).toBe(400)

    const json = (await (await as('observer')(`/api/documents/${documentId}/compilation?page=2`)).json()) as { paragraphs: unknown[] }
    expect(json.paragraphs).toHaveLength(ids.length)
  })
})
