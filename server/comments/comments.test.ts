import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_COMMENT } from '../../shared/api/comments'
import type { Comment } from '../../shared/comments/types'
import { DATABASE_FILE } from '../store/sqliteStore'
import { connect, createDocument, invite, paragraphText, startTestServer, synced, type TestServer, untilEvent, withToken } from '../test/testServer'

const TEXT = `Comments

The General Assembly,
Recalling its previous resolutions,
1. Calls upon all States to cooperate fully with the Special Rapporteur;
2. Requests the Secretary-General to report on this matter;`

let server: TestServer
let documentId: string
let tokens: { facilitator: string; mexico: string; observer: string }
let inviteIds: { mexico: string; observer: string }
let paragraphIds: string[]
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  const mexico = await invite(server.url, created.token, documentId, { role: 'delegation', state: 'Mexico' })
  const observer = await invite(server.url, created.token, documentId, { role: 'observer', organisation: 'ISHR' })
  tokens = { facilitator: created.token, mexico: mexico.token, observer: observer.token }
  inviteIds = { mexico: mexico.id, observer: observer.id }
  const paragraphs: Array<{ id: string }> = await (await as('facilitator')(`/api/documents/${documentId}/paragraphs`)).json()
  paragraphIds = paragraphs.map((p) => p.id)
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

type Who = keyof typeof tokens
const as = (who: Who) => withToken(server.url, tokens[who])
const call = (who: Who, method: string, path: string, body?: object) =>
  as(who)(`/api/documents/${documentId}/comments${path}`, { method, ...(body ? { body: JSON.stringify(body) } : {}) })
const op = (n: number) => paragraphIds[n] // 0 is PP1, 1 and 2 are OPs 1 and 2

async function commentAs(who: Who, body: object): Promise<Comment> {
  const response = await call(who, 'POST', '', body)
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()).comment
}

async function listAs(who: Who): Promise<Comment[]> {
  return (await (await call(who, 'GET', '')).json()).comments
}

async function errorOf(response: Response): Promise<string> {
  const { error } = await response.json()
  expect(typeof error).toBe('string')
  return error
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

describe('the list of comments', () => {
  it('comes a page at a time and names the next page until the last', async () => {
    const written = [await commentAs('observer', { paragraphId: op(1), body: 'One' }), await commentAs('observer', { paragraphId: op(2), body: 'Two' }), await commentAs('facilitator', { paragraphId: op(1), body: 'Three' })]
    const first = await (await call('observer', 'GET', '?limit=2')).json()
    const second = await (await call('observer', 'GET', `?limit=2&after=${first.next}`)).json()
    expect([...first.comments, ...second.comments].map((c: Comment) => c.body)).toEqual(written.map((c) => c.body))
    expect(second.next).toBeNull()
    expect(await errorOf(await call('observer', 'GET', '?after=c-forged'))).toMatch(/^after: .*comments/)
  })
})

describe('writing a comment', () => {
  it('lets an observer comment in its own name, whatever the request says about the author', async () => {
    const response = await call('observer', 'POST', '', {
      paragraphId: op(1),
      body: 'Please keep “fully”.',
      author: { credentialId: 'someone-else', name: 'Facilitator', role: 'facilitator', state: null, organisation: null },
      createdAt: '2000-01-01T00:00:00.000Z',
      resolved: true,
    })
    expect(response.status).toBe(201)
    const { comment } = await response.json()
    expect(comment).toMatchObject({
      documentId,
      paragraphId: op(1),
      anchor: null,
      quote: '',
      body: 'Please keep “fully”.',
      parentId: null,
      author: { credentialId: inviteIds.observer, name: 'Observer (ISHR)', role: 'observer', state: null, organisation: 'ISHR' },
      editedAt: null,
      resolved: false,
      hiddenBy: null,
      deleted: false,
    })
    expect(Date.parse(comment.createdAt)).toBeGreaterThan(Date.parse('2020-01-01'))
    expect(await listAs('facilitator')).toEqual([comment])
  })

  it('takes the name from the session of the person who opened the link', async () => {
    const joined = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokens.mexico, name: 'Lucía' }),
    })
    const session = (joined.headers.get('set-cookie') ?? '').split(';')[0]
    const response = await fetch(`${server.url}/api/documents/${documentId}/comments`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ paragraphId: op(2), body: 'We can live with this.', author: { name: 'Ambassador' } }),
    })
    expect(response.status).toBe(201)
    expect((await response.json()).comment.author).toEqual({
      credentialId: inviteIds.mexico,
      name: 'Lucía',
      role: 'delegation',
      state: 'Mexico',
      organisation: null,
    })
  })

  it('keeps an anchor made of Yjs relative positions, and refuses one Yjs cannot read', async () => {
    const { doc, provider } = connect(server.wsBase, documentId, tokens.observer)
    cleanups.push(() => provider.destroy())
    await synced(provider)
    const text = paragraphText(doc, 'operatives', 0)
    const words = text.toDelta().map((d: { insert: string }) => d.insert).join('').slice(11, 21)
    expect(words).toBe('all States')
    const anchor = {
      from: base64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 11))),
      to: base64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 21))),
    }
    const comment = await commentAs('observer', { paragraphId: op(1), anchor, quote: words, body: 'Which States?' })
    expect(comment).toMatchObject({ anchor, quote: words })
    const [stored] = await listAs('mexico')
    const from = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(stored.anchor!.from, 'base64')), doc)
    expect(from?.index).toBe(11)

    const bad: Array<[object, RegExp]> = [
      [{ from: 'YWJj', to: anchor.to }, /^anchor: from /],
      [{ from: anchor.from, to: 'AA==' }, /^anchor: to /],
      // Reads as a position, but with bytes left over: not something Yjs wrote.
      [{ from: anchor.from, to: 'AQIDBAUGBwgJ' }, /^anchor: to /],
      [{ from: '<script>', to: anchor.to }, /^anchor/],
      [{ from: anchor.from }, /^anchor/],
    ]
    for (const [badAnchor, error] of bad) {
      const response = await call('observer', 'POST', '', { paragraphId: op(1), anchor: badAnchor, body: 'x' })
      expect(response.status).toBe(400)
      expect(await errorOf(response)).toMatch(error)
    }
    expect(await listAs('observer')).toHaveLength(1)
  })

  it('answers a bad comment with a 400 or 404 that names the field, never a 500', async () => {
    const thread = await commentAs('observer', { paragraphId: op(1), body: 'First' })
    const reply = await commentAs('mexico', { parentId: thread.id, body: 'Second' })
    const cases: Array<[object, number, RegExp]> = [
      [{ paragraphId: op(1), body: 'x'.repeat(MAX_COMMENT + 1) }, 400, /^body: at most 4000 characters/],
      [{ paragraphId: op(1), body: '   \n ' }, 400, /^body: /],
      [{ paragraphId: op(1) }, 400, /^body: /],
      [{ paragraphId: op(1), body: 42 }, 400, /^body: /],
      [{ body: 'Where?' }, 400, /^paragraphId: /],
      [{ paragraphId: 'p-nope', body: 'Where?' }, 404, /^paragraphId: no paragraph/],
      [{ paragraphId: op(1), body: 'x', quote: 'q'.repeat(5000) }, 400, /^quote: /],
      [{ parentId: 'c-nope', body: 'Reply' }, 404, /^parentId: /],
      [{ parentId: reply.id, body: 'Reply to a reply' }, 400, /^parentId: /],
      [{ parentId: thread.id, body: 'Reply', anchor: { from: 'AAAA', to: 'AAAA' } }, 400, /^anchor: /],
    ]
    for (const [body, status, error] of cases) {
      const response = await call('observer', 'POST', '', body)
      expect({ body, status: response.status }).toEqual({ body, status })
      expect(await errorOf(response)).toMatch(error)
    }
    const malformed = await as('observer')(`/api/documents/${documentId}/comments`, { method: 'POST', body: '{"body": ' })
    expect(malformed.status).toBe(400)
    const tooLongEdit = await call('observer', 'PATCH', `/${thread.id}`, { body: 'x'.repeat(MAX_COMMENT + 1) })
    expect(tooLongEdit.status).toBe(400)
    expect(await errorOf(tooLongEdit)).toMatch(/^body: /)
    expect((await listAs('observer')).map((c) => c.body)).toEqual(['First', 'Second'])
  })

  it('stores a body with HTML as it was typed and serves it only as JSON', async () => {
    const evil = '<script>alert("x")</script>\n<img src=x onerror=alert(1)> & more'
    const comment = await commentAs('observer', { paragraphId: op(1), body: evil, quote: '<b>q</b>' })
    expect(comment.body).toBe(evil)
    const response = await call('facilitator', 'GET', '')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const [listed] = (await response.json()).comments
    expect(listed).toMatchObject({ body: evil, quote: '<b>q</b>' })
  })

  it('refuses a caller without credentials, and answers 404 for another resolution’s comment', async () => {
    const thread = await commentAs('observer', { paragraphId: op(1), body: 'Mine' })
    const anonymous = await fetch(`${server.url}/api/documents/${documentId}/comments`)
    expect(anonymous.status).toBe(401)

    const other = await createDocument(server.url, { text: TEXT })
    const elsewhere = withToken(server.url, other.token)
    for (const [method, path] of [
      ['PATCH', `/${thread.id}`],
      ['POST', `/${thread.id}/resolve`],
      ['DELETE', `/${thread.id}`],
    ] as const) {
      const response = await elsewhere(`/api/documents/${other.id}/comments${path}`, { method, body: JSON.stringify({ body: 'x' }) })
      expect({ method, status: response.status }).toEqual({ method, status: 404 })
      expect(await errorOf(response)).toMatch(/No comment/)
    }
    const reply = await elsewhere(`/api/documents/${other.id}/comments`, { method: 'POST', body: JSON.stringify({ parentId: thread.id, body: 'x' }) })
    expect(reply.status).toBe(404)
    expect((await listAs('observer'))[0]).toMatchObject({ body: 'Mine', resolved: false, deleted: false, hiddenBy: null })
  })
})

describe('threads', () => {
  it('attaches a reply to its thread and to the thread’s paragraph', async () => {
    const thread = await commentAs('observer', { paragraphId: op(1), body: 'Please keep “fully”.' })
    const reply = await commentAs('facilitator', { parentId: thread.id, paragraphId: op(2), body: 'Noted, we will.' })
    expect(reply).toMatchObject({ parentId: thread.id, paragraphId: op(1), anchor: null, author: { role: 'facilitator' } })
    expect((await listAs('observer')).map((c) => [c.body, c.parentId])).toEqual([
      ['Please keep “fully”.', null],
      ['Noted, we will.', thread.id],
    ])
  })

  it('lets anyone who comments resolve and reopen a thread, but not a reply', async () => {
    const thread = await commentAs('facilitator', { paragraphId: op(2), body: 'Shall we drop this OP?' })
    const reply = await commentAs('observer', { parentId: thread.id, body: 'Yes.' })

    const resolved = await call('observer', 'POST', `/${thread.id}/resolve`)
    expect(resolved.status).toBe(200)
    expect((await resolved.json()).comment).toMatchObject({ id: thread.id, resolved: true })
    expect((await call('mexico', 'POST', `/${thread.id}/resolve`)).status).toBe(200)
    expect((await listAs('mexico'))[0].resolved).toBe(true)

    const reopened = await call('mexico', 'POST', `/${thread.id}/reopen`)
    expect(reopened.status).toBe(200)
    expect((await reopened.json()).comment.resolved).toBe(false)

    const onReply = await call('observer', 'POST', `/${reply.id}/resolve`)
    expect(onReply.status).toBe(400)
    expect(await errorOf(onReply)).toMatch(/reply/)
    expect((await call('observer', 'POST', '/c-nope/reopen')).status).toBe(404)
    expect((await listAs('facilitator')).map((c) => c.resolved)).toEqual([false, false])
  })
})

describe('whose comment it is', () => {
  it('lets only its author edit a comment', async () => {
    const facilitators = await commentAs('facilitator', { paragraphId: op(1), body: 'We propose “fully”.' })
    const observers = await commentAs('observer', { parentId: facilitators.id, body: 'Agreed.' })

    const forged = await call('observer', 'PATCH', `/${facilitators.id}`, { body: 'We withdraw “fully”.' })
    expect(forged.status).toBe(403)
    expect(await errorOf(forged)).toBe('You can only edit your own comments.')
    expect((await call('mexico', 'PATCH', `/${observers.id}`, { body: 'Disagreed.' })).status).toBe(403)
    expect((await call('facilitator', 'PATCH', `/${observers.id}`, { body: 'Disagreed.' })).status).toBe(403)
    expect(await listAs('facilitator')).toEqual([facilitators, observers])

    const edited = await call('observer', 'PATCH', `/${observers.id}`, { body: 'Agreed, with thanks.' })
    expect(edited.status).toBe(200)
    const { comment } = await edited.json()
    expect(comment).toMatchObject({ body: 'Agreed, with thanks.', author: observers.author })
    expect(comment.editedAt).not.toBeNull()
    expect((await call('observer', 'PATCH', '/c-nope', { body: 'x' })).status).toBe(404)
  })

  it('lets an author delete their own comment, leaving a trace, and nobody else’s', async () => {
    const facilitators = await commentAs('facilitator', { paragraphId: op(1), body: 'We propose “fully”.' })
    const observers = await commentAs('observer', { parentId: facilitators.id, body: 'Agreed.' })

    const refused = await call('observer', 'DELETE', `/${facilitators.id}`)
    expect(refused.status).toBe(403)
    expect(await errorOf(refused)).toMatch(/facilitators/)
    expect((await call('mexico', 'DELETE', `/${observers.id}`)).status).toBe(403)
    expect(await listAs('mexico')).toEqual([facilitators, observers])

    const deleted = await call('observer', 'DELETE', `/${observers.id}`)
    expect(deleted.status).toBe(200)
    expect((await deleted.json()).comment).toMatchObject({ id: observers.id, body: '', deleted: true, hiddenBy: null })
    const listed = await listAs('facilitator')
    expect(listed.map((c) => [c.id, c.body, c.deleted])).toEqual([
      [facilitators.id, 'We propose “fully”.', false],
      [observers.id, '', true],
    ])
    expect((await call('observer', 'DELETE', `/${observers.id}`)).status).toBe(409)
    expect((await call('observer', 'PATCH', `/${observers.id}`, { body: 'Back again.' })).status).toBe(409)
    expect((await call('observer', 'DELETE', '/c-nope')).status).toBe(404)
  })

  it('lets a facilitator hide a delegation’s comment: everyone sees the trace, nobody the words', async () => {
    const thread = await commentAs('mexico', { paragraphId: op(1), quote: 'all States', body: 'Something offensive' })
    const hidden = await call('facilitator', 'DELETE', `/${thread.id}`)
    expect(hidden.status).toBe(200)
    expect((await hidden.json()).comment).toMatchObject({ body: '', quote: '', hiddenBy: 'Facilitator', deleted: false })

    for (const who of ['mexico', 'observer', 'facilitator'] as const) {
      const raw = await (await call(who, 'GET', '')).text()
      expect(raw).not.toContain('offensive')
      expect(JSON.parse(raw).comments).toEqual([
        expect.objectContaining({ id: thread.id, body: '', hiddenBy: 'Facilitator', author: thread.author }),
      ])
    }
    const edit = await call('mexico', 'PATCH', `/${thread.id}`, { body: 'Something else' })
    expect(edit.status).toBe(409)
    expect(await errorOf(edit)).toMatch(/hidden by Facilitator/)
    expect((await call('facilitator', 'DELETE', `/${thread.id}`)).status).toBe(409)
  })

  it('writes every change to the audit log', async () => {
    const thread = await commentAs('observer', { paragraphId: op(1), body: 'One' })
    const reply = await commentAs('mexico', { parentId: thread.id, body: 'Two' })
    await call('observer', 'PATCH', `/${thread.id}`, { body: 'One, edited' })
    await call('mexico', 'POST', `/${thread.id}/resolve`)
    await call('mexico', 'POST', `/${thread.id}/reopen`)
    await call('mexico', 'DELETE', `/${reply.id}`)
    await call('facilitator', 'DELETE', `/${thread.id}`)
    await call('observer', 'PATCH', `/${thread.id}`, { body: 'Refused' })

    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true })
    cleanups.push(() => db.close())
    const rows = db
      .prepare<[string], { actor: string; action: string }>('SELECT actor, action FROM audit_log WHERE document_id = ? ORDER BY seq')
      .all(documentId)
      .filter((row) => row.action.startsWith('comment.'))
    expect(rows).toEqual([
      { actor: 'Observer (ISHR) (Observer (ISHR))', action: 'comment.add' },
      { actor: 'Delegation of Mexico (Delegation of Mexico)', action: 'comment.reply' },
      { actor: 'Observer (ISHR) (Observer (ISHR))', action: 'comment.edit' },
      { actor: 'Delegation of Mexico (Delegation of Mexico)', action: 'comment.resolve' },
      { actor: 'Delegation of Mexico (Delegation of Mexico)', action: 'comment.reopen' },
      { actor: 'Delegation of Mexico (Delegation of Mexico)', action: 'comment.delete' },
      { actor: 'Facilitator (Facilitator)', action: 'comment.hide' },
    ])
  })
})

describe('live updates and the compilation text', () => {
  it('tells every browser in the room when comments change', async () => {
    const abort = new AbortController()
    cleanups.push(() => abort.abort())
    const response = await as('observer')(`/api/documents/${documentId}/events`, { signal: abort.signal })
    const received = untilEvent(response, 'comments')
    await commentAs('mexico', { paragraphId: op(2), body: 'A question.' })
    const seen = await received
    expect(seen).toContain('event: comments')
    expect(seen).toContain('data: {"type":"comments"}')
  })

  it('adds the open threads to the compilation text only when asked, escaped in HTML', async () => {
    const open = await commentAs('observer', { paragraphId: op(1), quote: 'all <States>', body: '<script>alert(1)</script>\nSecond line' })
    await commentAs('facilitator', { parentId: open.id, body: 'Thanks & noted.' })
    const hiddenReply = await commentAs('mexico', { parentId: open.id, body: 'Rude words' })
    await call('facilitator', 'DELETE', `/${hiddenReply.id}`)
    const resolved = await commentAs('mexico', { paragraphId: op(2), body: 'Settled already' })
    await call('mexico', 'POST', `/${resolved.id}/resolve`)

    const plain = await (await as('mexico')(`/api/documents/${documentId}/compilation`)).json()
    expect(plain.paragraphs.every((p: object) => !('comments' in p))).toBe(true)

    const json = await (await as('mexico')(`/api/documents/${documentId}/compilation?comments=1`)).json()
    const byId = (id: string) => json.paragraphs.find((p: { id: string }) => p.id === id)
    expect(byId(op(1)).comments).toEqual([
      {
        id: open.id,
        quote: 'all <States>',
        comments: [
          expect.objectContaining({ author: 'Observer (ISHR)', body: '<script>alert(1)</script>\nSecond line', edited: false }),
          expect.objectContaining({ author: 'Facilitator', body: 'Thanks & noted.' }),
        ],
      },
    ])
    expect(byId(op(2)).comments).toEqual([])
    expect(json.totals.comments).toBe(1)

    const html = await (await as('observer')(`/api/documents/${documentId}/compilation?format=html&comments=1`)).text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('Comment by Observer (ISHR)</span> on <q>all &lt;States&gt;</q>: &lt;script&gt;alert(1)&lt;/script&gt;<br>Second line')
    expect(html).toContain('Reply by Facilitator</span>: Thanks &amp; noted.')
    expect(html).not.toContain('Rude words')
    expect(html).not.toContain('Settled already')
    expect(html).toContain('<input type="checkbox" name="comments" value="1" checked>')
    const without = await (await as('observer')(`/api/documents/${documentId}/compilation?format=html`)).text()
    expect(without).not.toContain('Comment by')
  })
})
