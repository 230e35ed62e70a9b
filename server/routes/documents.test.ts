import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { documentCount } from '../test/documentCount'
import { createDocument, startTestServer, type TestServer, withToken } from '../test/testServer'

const TEXT = `United Nations A/C.3/74/L.31
Seventy-fourth session
Agenda item 70 (b)
Norway: draft resolution
Safety of negotiators

The General Assembly,
Recalling its earlier resolutions,
Deeply concerned by long nights,
1. Urges all facilitators to rest;
2. Decides to remain seized of the matter.`

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body })

/** [kind, number, text] of each paragraph of a created resolution, as the API reads it. */
async function structureOf({ id, token }: { id: string; token: string }) {
  const paragraphs = await (await withToken(server.url, token)(`/api/documents/${id}/paragraphs`)).json()
  return paragraphs.map((p: { kind: string; number: string; text: string }) => [p.kind, p.number, p.text])
}

describe('POST /api/documents', () => {
  it('creates a blank resolution with one PP and one OP, and answers with the creator’s facilitator link', async () => {
    const response = await post('/api/documents', JSON.stringify({ title: 'Road safety' }))
    expect(response.status).toBe(201)
    const { id, token, url } = await response.json()
    expect(token).toMatch(/^[\w-]{43}$/)
    expect(url).toBe(`${server.url}/join/${token}`)
    const paragraphs = await (await withToken(server.url, token)(`/api/documents/${id}/paragraphs`)).json()
    expect(paragraphs.map((p: { kind: string; number: string }) => [p.kind, p.number])).toEqual([
      ['pp', 'PP1'],
      ['op', ''],
    ])
    expect(paragraphs[0].id).not.toBe(paragraphs[1].id)
  })

  it('creates a structured resolution from pasted text', async () => {
    const { id, token } = await (await post('/api/documents', JSON.stringify({ text: TEXT }))).json()
    const paragraphs = await (await withToken(server.url, token)(`/api/documents/${id}/paragraphs`)).json()
    const paragraph = (kind: string, number: string, text: string) =>
      expect.objectContaining({ id: expect.stringMatching(/^p-/), kind, number, text, status: 'draft' })
    expect(paragraphs).toEqual([
      paragraph('pp', 'PP1', 'Recalling its earlier resolutions,'),
      paragraph('pp', 'PP2', 'Deeply concerned by long nights,'),
      paragraph('op', '1', 'Urges all facilitators to rest;'),
      paragraph('op', '2', 'Decides to remain seized of the matter.'),
    ])
    const { documents } = await (await withToken(server.url, token)('/api/documents')).json()
    expect(documents).toEqual([
      expect.objectContaining({ id, title: 'Safety of negotiators', symbol: 'A/C.3/74/L.31', ppCount: 2, opCount: 2 }),
    ])
  })

  it('names the field when the body is invalid, and creates nothing', async () => {
    const cases: Array<[string, RegExp]> = [
      [JSON.stringify({ title: 42 }), /^title: /],
      [JSON.stringify({ title: 'x'.repeat(501) }), /^title: at most 500/],
      [JSON.stringify({ text: 7 }), /^text: /],
      [JSON.stringify({}), /^title: required/],
      [JSON.stringify({ title: '   ' }), /^title: required/],
    ]
    for (const [body, error] of cases) {
      const response = await post('/api/documents', body)
      expect(response.status).toBe(400)
      expect((await response.json()).error).toMatch(error)
    }
    const malformed = await post('/api/documents', '{"title": ')
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toHaveProperty('error')
    expect(documentCount(server.dataDir)).toBe(0)
  })
})

describe('POST /api/documents/preview', () => {
  it('reads pasted text as creating from it would, and creates nothing', async () => {
    const response = await post('/api/documents/preview', JSON.stringify({ text: TEXT }))
    expect(response.status).toBe(200)
    const { draft, dropped, warnings } = await response.json()
    expect(draft.title).toBe('Safety of negotiators')
    expect(draft.paragraphs.map((p: { kind: string; text: string }) => [p.kind, p.text])).toEqual([
      ['pp', 'Recalling its earlier resolutions,'],
      ['pp', 'Deeply concerned by long nights,'],
      ['op', 'Urges all facilitators to rest;'],
      ['op', 'Decides to remain seized of the matter.'],
    ])
    expect(Array.isArray(dropped)).toBe(true)
    expect(Array.isArray(warnings)).toBe(true)
    expect(documentCount(server.dataDir)).toBe(0)
    const { documents } = await (await fetch(`${server.url}/api/documents`)).json()
    expect(documents).toEqual([])
  })

  it('needs text, within the size limit, and the creation key when the deployment sets one', async () => {
    for (const [body, error] of [
      [{}, /^text: /],
      [{ text: '  ' }, /^text: paste the text/],
      [{ text: 'x'.repeat(500_001) }, /^text: at most 500000/],
    ] as const) {
      const response = await post('/api/documents/preview', JSON.stringify(body))
      expect(response.status).toBe(400)
      expect((await response.json()).error).toMatch(error)
    }
    const restricted = await startTestServer({ createToken: 'open-sesame' })
    try {
      const body = JSON.stringify({ text: TEXT })
      const refused = await fetch(`${restricted.url}/api/documents/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(refused.status).toBe(403)
      expect((await withToken(restricted.url, 'open-sesame')('/api/documents/preview', { method: 'POST', body })).status).toBe(200)
    } finally {
      await restricted.dispose()
    }
  })
})

describe('POST /api/documents { draft }', () => {
  it('creates exactly the reviewed draft: a paragraph whose kind was changed in the preview stays changed', async () => {
    const { draft } = await (await post('/api/documents/preview', JSON.stringify({ text: TEXT }))).json()
    draft.paragraphs[1] = { kind: 'op', level: 0, text: draft.paragraphs[1].text }
    draft.paragraphs[3] = { kind: 'op', level: 1, text: draft.paragraphs[3].text }
    draft.paragraphs[0].footnotes = [{ offset: 'Recalling'.length, text: 'A/RES/1/1.' }]
    const response = await post('/api/documents', JSON.stringify({ draft, name: 'Ana' }))
    expect(response.status).toBe(201)
    const created = await response.json()
    expect(await structureOf(created)).toEqual([
      ['pp', 'PP1', 'Recalling its earlier resolutions,'],
      ['op', '1', 'Deeply concerned by long nights,'],
      ['op', '2', 'Urges all facilitators to rest;'],
      ['sub', '2 (a)', 'Decides to remain seized of the matter.'],
    ])
    const paragraphs = await (await withToken(server.url, created.token)(`/api/documents/${created.id}/paragraphs`)).json()
    expect(paragraphs[0].footnotes).toEqual([{ offset: 9, text: 'A/RES/1/1.', number: 1 }])
    const { document } = await (await withToken(server.url, created.token)(`/api/documents/${created.id}`)).json()
    expect(document).toMatchObject({ title: 'Safety of negotiators', symbol: 'A/C.3/74/L.31', ppCount: 1, opCount: 2 })
  })

  it('refuses a hostile or broken draft with 4xx { error } naming the field, and creates nothing', async () => {
    const { draft } = await (await post('/api/documents/preview', JSON.stringify({ text: TEXT }))).json()
    const withParagraph = (paragraph: object) => ({ ...draft, paragraphs: [paragraph] })
    const cases: Array<[unknown, RegExp]> = [
      [withParagraph({ kind: 'preamble', text: 'x' }), /^draft\.paragraphs\.0\.kind: "pp" or "op"/],
      [withParagraph({ kind: 'op', level: 7, text: 'x' }), /^draft\.paragraphs\.0\.level: 0 \(OP\), 1 \(a\) or 2 \(i\)/],
      [withParagraph({ kind: 'pp', text: 'Noting,', footnotes: [{ offset: 8, text: 'n' }] }), /^draft\.paragraphs\.0\.footnotes\.0\.offset: past the end/],
      [withParagraph({ kind: 'pp', text: 'Noting,', italics: [[3, 2]] }), /^draft\.paragraphs\.0\.italics\.0: /],
      [withParagraph({ kind: 'pp', text: 'Noting,', id: 'p-mine' }), /^draft\.paragraphs\.0: /],
      [{ ...draft, language: 'de' }, /^draft\.language: one of en, fr/],
      [{ ...draft, heading: { ...draft.heading, symbl: 'A/1' } }, /^draft\.heading: /],
      [{ ...draft, paragraphs: [] }, /^draft\.paragraphs: at least one/],
      [{ ...draft, paragraphs: Array.from({ length: 2001 }, () => ({ kind: 'pp', text: '' })) }, /^draft\.paragraphs: at most 2000/],
      [{ ...draft, paragraphs: Array.from({ length: 20 }, () => ({ kind: 'pp', text: 'x'.repeat(30_000) })) }, /^draft\.paragraphs: more text than/],
      [{ ...draft, title: '' }, /^title: required/],
      ['not a draft', /^draft: /],
    ]
    for (const [bad, error] of cases) {
      const response = await post('/api/documents', JSON.stringify({ draft: bad }))
      expect(response.status, String(error)).toBe(400)
      expect((await response.json()).error).toMatch(error)
    }
    const both = await post('/api/documents', JSON.stringify({ draft, text: TEXT }))
    expect((await both.json()).error).toMatch(/^draft: send either the text or the reviewed draft/)
    // A million paragraphs never reach the validator: the body is over the API's size limit.
    const huge = `{"draft":{"paragraphs":[${Array.from({ length: 1_000_000 }, () => '{"kind":"pp","text":""}').join(',')}]}}`
    expect((await post('/api/documents', huge)).status).toBe(413)
    expect((await post('/api/documents', '{"draft": {"paragraphs": [')).status).toBe(400)
    expect((await post('/api/documents', `draft=${encodeURIComponent(JSON.stringify(draft))}`, 'application/x-www-form-urlencoded')).status).toBe(415)
    expect(documentCount(server.dataDir)).toBe(0)
  })
})

describe('GET /api/documents', () => {
  it('lists only the resolutions the caller has access to', async () => {
    const mine = await createDocument(server.url, { title: 'Mine' })
    await createDocument(server.url, { title: 'Theirs' })
    const { documents } = await (await withToken(server.url, mine.token)('/api/documents')).json()
    expect(documents.map((d: { title: string }) => d.title)).toEqual(['Mine'])
    const anonymous = await (await fetch(`${server.url}/api/documents`)).json()
    expect(anonymous).toEqual({ documents: [] })
  })
})

describe('GET /api/documents/:id', () => {
  it('answers 404 with an error for an unknown resolution', async () => {
    const { token } = await createDocument(server.url, { title: 'Any' })
    for (const path of ['/api/documents/r-nope', '/api/documents/r-nope/paragraphs']) {
      const response = await withToken(server.url, token)(path)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ error: 'No resolution with this id' })
    }
  })

  it('answers 404 with an error for an unknown API route', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`)
    expect(response.status).toBe(404)
    expect((await response.json()).error).toMatch(/No API route/)
  })
})

describe('CREATE_TOKEN', () => {
  it('restricts who may create resolutions when the deployment sets a creation key', async () => {
    const restricted = await startTestServer({ createToken: 'open-sesame' })
    try {
      const refused = await fetch(`${restricted.url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Nope' }),
      })
      expect(refused.status).toBe(403)
      expect((await refused.json()).error).toMatch(/creation key/)
      const wrong = await withToken(restricted.url, 'open-says-me')('/api/documents', { method: 'POST', body: '{"title":"x"}' })
      expect(wrong.status).toBe(403)
      const allowed = await withToken(restricted.url, 'open-sesame')('/api/documents', { method: 'POST', body: '{"title":"Yes"}' })
      expect(allowed.status).toBe(201)
      expect((await (await fetch(`${restricted.url}/api/config`)).json()).createRestricted).toBe(true)
    } finally {
      await restricted.dispose()
    }
  })
})
