import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../store/sqliteStore'
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
    expect(paragraphs).toEqual([
      { id: expect.stringMatching(/^p-/), kind: 'pp', number: 'PP1', text: 'Recalling its earlier resolutions,', status: 'draft' },
      { id: expect.stringMatching(/^p-/), kind: 'pp', number: 'PP2', text: 'Deeply concerned by long nights,', status: 'draft' },
      { id: expect.stringMatching(/^p-/), kind: 'op', number: '1', text: 'Urges all facilitators to rest;', status: 'draft' },
      { id: expect.stringMatching(/^p-/), kind: 'op', number: '2', text: 'Decides to remain seized of the matter.', status: 'draft' },
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
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 })
    db.close()
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
