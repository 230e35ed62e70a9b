import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  connect,
  createDocument,
  eventually,
  invite,
  paragraphText,
  startTestServer,
  untilEvent,
  synced,
  type TestServer,
  withToken,
} from '../test/testServer'

const TEXT = `Amendments

The General Assembly,
Recalling its previous resolutions,
1. Calls upon all States to cooperate fully with the Special Rapporteur;
2. Requests the Secretary-General to report on this matter;
3. Decides to remain seized of the matter.`

let server: TestServer
let documentId: string
let tokens: { facilitator: string; mexico: string; brazil: string; observer: string }
let paragraphIds: string[]
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  tokens = {
    facilitator: created.token,
    mexico: (await invite(server.url, created.token, documentId, { role: 'delegation', state: 'Mexico' })).token,
    brazil: (await invite(server.url, created.token, documentId, { role: 'delegation', state: 'Brazil' })).token,
    observer: (await invite(server.url, created.token, documentId, { role: 'observer', organisation: 'ISHR' })).token,
  }
  paragraphIds = (await paragraphsAs('facilitator')).map((p) => p.id)
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

type Who = keyof typeof tokens
const as = (who: Who) => withToken(server.url, tokens[who])
const post = (who: Who, path: string, body: object = {}) =>
  as(who)(`/api/documents/${documentId}${path}`, { method: 'POST', body: JSON.stringify(body) })
const paragraphsAs = async (who: Who): Promise<Array<{ id: string; text: string; number: string; status: string }>> =>
  (await as(who)(`/api/documents/${documentId}/paragraphs`)).json()
const op = (n: number) => paragraphIds[n] // 0 is PP1, 1..3 are OPs 1..3

async function proposeAs(who: Who, body: object): Promise<{ id: string; state: string; enteredBy: string | null }> {
  const response = await post(who, '/amendments', body)
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()).amendment
}

function client(who: Who) {
  const c = connect(server.wsBase, documentId, tokens[who])
  cleanups.push(() => c.provider.destroy())
  return c
}
const opText = (doc: Y.Doc, index: number) => paragraphText(doc, 'operatives', index)?.toString() ?? ''

describe('the permission table', () => {
  it('lets each role do exactly what the policy says, and takes the State from the credentials', async () => {
    const replace = { paragraphId: op(1), kind: 'replace', text: 'Urges all States to cooperate fully with the Special Rapporteur;' }
    const mexican = await proposeAs('mexico', { ...replace, note: 'Stronger verb' })
    expect(mexican.state).toBe('Mexico')
    const emailed = await proposeAs('facilitator', { ...replace, onBehalfOf: 'Chile' })
    expect(emailed).toMatchObject({ state: 'Chile', enteredBy: 'Facilitator' })

    const cases: Array<[Who, string, object, number]> = [
      ['observer', '/amendments', replace, 403],
      ['observer', `/amendments/${mexican.id}/support`, {}, 403],
      ['observer', `/amendments/${mexican.id}/withdraw`, {}, 403],
      ['observer', `/amendments/${mexican.id}/accept`, {}, 403],
      ['mexico', '/amendments', { ...replace, onBehalfOf: 'France' }, 403],
      ['mexico', `/amendments/${mexican.id}/support`, {}, 400],
      ['mexico', `/amendments/${emailed.id}/withdraw`, {}, 403],
      ['mexico', `/amendments/${mexican.id}/accept`, {}, 403],
      ['mexico', `/amendments/${mexican.id}/reject`, {}, 403],
      ['brazil', `/amendments/${mexican.id}/support`, {}, 200],
      ['brazil', `/amendments/${emailed.id}/object`, {}, 200],
      ['brazil', `/amendments/${mexican.id}/withdraw`, {}, 403],
      ['facilitator', '/amendments', replace, 403],
      ['facilitator', `/amendments/${mexican.id}/support`, {}, 403],
      ['facilitator', `/amendments/${mexican.id}/withdraw`, {}, 403],
      ['facilitator', `/amendments/${emailed.id}/withdraw`, {}, 200],
      ['mexico', `/amendments/${mexican.id}/withdraw`, {}, 200],
      ['mexico', `/amendments/${mexican.id}/withdraw`, {}, 409],
    ]
    for (const [who, path, body, status] of cases) {
      const response = await post(who, path, body)
      expect({ who, path, status: response.status }).toEqual({ who, path, status })
      if (status >= 400) expect(typeof (await response.json()).error).toBe('string')
    }
    for (const who of ['observer', 'mexico'] as const) {
      const response = await as(who)(`/api/documents/${documentId}/paragraphs/${op(1)}/status`, {
        method: 'PUT',
        body: JSON.stringify({ status: 'agreed' }),
      })
      expect(response.status).toBe(403)
    }
    const { amendments } = await (await as('observer')(`/api/documents/${documentId}/amendments`)).json()
    expect(amendments.map((a: { state: string; status: string; supporters: string[] }) => [a.state, a.status, a.supporters])).toEqual([
      ['Mexico', 'withdrawn', ['Brazil']],
      ['Chile', 'withdrawn', []],
    ])
  })

  it('names the field of an invalid proposal', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ paragraphId: op(1), kind: 'rewrite', text: 'x' }, /^kind: /],
      [{ paragraphId: op(1), kind: 'replace' }, /^text: /],
      [{ paragraphId: 'p-nope', kind: 'delete' }, /^paragraphId: /],
      [{ paragraphId: op(1), kind: 'replace', text: 'Calls upon all States to cooperate fully with the Special Rapporteur;' }, /^text: .*same/],
      // An unpaired surrogate would be stored as replacement characters and break Word exports.
      [{ paragraphId: op(1), kind: 'replace', text: 'Calls upon \ud800 States;' }, /^text: .*broken character/],
    ]
    for (const [body, error] of cases) {
      const response = await post('mexico', '/amendments', body)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect((await response.json()).error).toMatch(error)
    }
  })
})

describe('the list of proposals', () => {
  it('comes a page at a time, each proposal once, and refuses a forged cursor or limit', async () => {
    const created: string[] = []
    for (const [i, who] of (['mexico', 'brazil', 'mexico', 'brazil', 'mexico'] as const).entries()) {
      created.push((await proposeAs(who, { paragraphId: op(1 + (i % 3)), kind: 'replace', text: `Version ${i}` })).id)
    }
    const listed: string[] = []
    let after = ''
    for (let pages = 1; pages <= 5; pages++) {
      const response = await as('observer')(`/api/documents/${documentId}/amendments?limit=2${after && `&after=${after}`}`)
      const page = (await response.json()) as { amendments: Array<{ id: string }>; next: string | null }
      expect(page.amendments.length).toBeLessThanOrEqual(2)
      listed.push(...page.amendments.map((a) => a.id))
      if (page.next === null) {
        expect(pages).toBe(3)
        break
      }
      after = page.next
    }
    expect(listed).toEqual(created)

    const forged = await as('observer')(`/api/documents/${documentId}/amendments?after=a-forged`)
    expect(forged.status).toBe(400)
    expect((await forged.json()).error).toMatch(/^after: /)
    expect((await as('observer')(`/api/documents/${documentId}/amendments?limit=0`)).status).toBe(400)
  })
})

describe('deciding', () => {
  it('refuses a decision it cannot carry out as asked, and changes nothing', async () => {
    const replace = await proposeAs('mexico', { paragraphId: op(1), kind: 'replace', text: 'Urges all States to cooperate;' })
    const remove = await proposeAs('brazil', { paragraphId: op(2), kind: 'delete' })
    const before = await paragraphsAs('facilitator')
    const accept = (id: string, init: RequestInit) => as('facilitator')(`/api/documents/${documentId}/amendments/${id}/accept`, { method: 'POST', ...init })
    const refusals: Array<[Response, number, RegExp]> = [
      // Compromise wording sent as plain text would otherwise be skipped and the proposal applied as is.
      [await accept(replace.id, { headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ text: 'Decides otherwise;' }) }), 415, /JSON/],
      [await accept(replace.id, { body: JSON.stringify({ text: '   ' }) }), 400, /^text: .*empty/],
      [await accept(remove.id, { body: JSON.stringify({ text: 'Requests a report;' }) }), 400, /^text: a deletion/],
    ]
    for (const [response, status, error] of refusals) {
      expect(response.status).toBe(status)
      expect((await response.json()).error).toMatch(error)
    }
    expect(await paragraphsAs('facilitator')).toEqual(before)
    const { amendments } = await (await as('observer')(`/api/documents/${documentId}/amendments`)).json()
    expect(amendments.map((a: { status: string }) => a.status)).toEqual(['pending', 'pending'])
  })

  it('applies an accepted proposal to the shared text and supersedes the others on that paragraph', async () => {
    const watcher = client('observer')
    await synced(watcher.provider)
    const mexican = await proposeAs('mexico', { paragraphId: op(1), kind: 'replace', text: 'Urges all States to cooperate fully with the Special Rapporteur;' })
    const brazilian = await proposeAs('brazil', { paragraphId: op(1), kind: 'delete' })
    const insertion = await proposeAs('brazil', { paragraphId: op(1), kind: 'insert-after', text: 'Encourages regional organizations to do likewise;' })

    expect((await post('facilitator', `/amendments/${mexican.id}/accept`)).status).toBe(200)
    await eventually(() => expect(opText(watcher.doc, 0)).toBe('Urges all States to cooperate fully with the Special Rapporteur;'))
    expect((await post('facilitator', `/amendments/${insertion.id}/accept`)).status).toBe(200)
    await eventually(() => expect(opText(watcher.doc, 1)).toBe('Encourages regional organizations to do likewise;'))

    const paragraphs = await paragraphsAs('facilitator')
    expect(paragraphs.map((p) => [p.number, p.text.split(' ')[0]])).toEqual([
      ['PP1', 'Recalling'],
      ['1', 'Urges'],
      ['2', 'Encourages'],
      ['3', 'Requests'],
      ['4', 'Decides'],
    ])
    const { amendments } = await (await as('facilitator')(`/api/documents/${documentId}/amendments`)).json()
    const statusOf = (id: string) => amendments.find((a: { id: string }) => a.id === id).status
    expect([statusOf(mexican.id), statusOf(brazilian.id), statusOf(insertion.id)]).toEqual(['accepted', 'superseded', 'accepted'])
  })

  it('rebases a proposal onto text that changed since, keeping both changes', async () => {
    const proposal = await proposeAs('mexico', {
      paragraphId: op(2),
      kind: 'replace',
      text: 'Requests the Secretary-General to report on this matter at its next session;',
    })
    const editor = client('facilitator')
    await synced(editor.provider)
    paragraphText(editor.doc, 'operatives', 1).insert(0, 'Also ')
    await eventually(async () => expect((await paragraphsAs('facilitator'))[2].text).toMatch(/^Also Requests/))
    expect((await post('facilitator', `/amendments/${proposal.id}/accept`)).status).toBe(200)
    await eventually(() =>
      expect(opText(editor.doc, 1)).toBe('Also Requests the Secretary-General to report on this matter at its next session;'),
    )
  })

  it('accepts compromise language written by the facilitator', async () => {
    const proposal = await proposeAs('brazil', { paragraphId: op(3), kind: 'replace', text: 'Decides to close the item.' })
    const response = await post('facilitator', `/amendments/${proposal.id}/accept`, { text: 'Decides to continue its consideration of the matter.' })
    expect(response.status).toBe(200)
    expect((await paragraphsAs('facilitator'))[3].text).toBe('Decides to continue its consideration of the matter.')
  })
})

describe('agreed language is locked', () => {
  it('converges every client back to the agreed text when a raw client edits it, also after a restart', async () => {
    const setStatus = await as('facilitator')(`/api/documents/${documentId}/paragraphs/${op(1)}/status`, {
      method: 'PUT',
      body: JSON.stringify({ status: 'agreed-ad-ref' }),
    })
    expect(setStatus.status).toBe(200)
    const agreed = 'Calls upon all States to cooperate fully with the Special Rapporteur;'
    const rogue = client('facilitator')
    const watcher = client('facilitator')
    await Promise.all([synced(rogue.provider), synced(watcher.provider)])

    paragraphText(rogue.doc, 'operatives', 0).insert(0, 'Never ')
    paragraphText(rogue.doc, 'operatives', 1).insert(0, 'Also ')
    await eventually(() => expect(opText(watcher.doc, 1)).toMatch(/^Also Requests/))
    await eventually(() => expect(opText(rogue.doc, 0)).toBe(agreed))
    expect(opText(watcher.doc, 0)).toBe(agreed)

    // Deleting the whole paragraph is undone too.
    const operatives = rogue.doc.getXmlFragment('default').get(4) as Y.XmlElement
    operatives.delete(0, 1)
    await eventually(() => expect(opText(rogue.doc, 0)).toBe(agreed))
    expect((await paragraphsAs('facilitator')).map((p) => p.status)).toEqual(['draft', 'agreed-ad-ref', 'draft', 'draft'])

    const accepted = await proposeAs('mexico', { paragraphId: op(1), kind: 'replace', text: 'Urges all States to cooperate;' })
    const refused = await post('facilitator', `/amendments/${accepted.id}/accept`)
    expect(refused.status).toBe(409)
    expect((await refused.json()).error).toMatch(/reopen/)

    rogue.provider.destroy()
    watcher.provider.destroy()
    await server.close()
    server = await startTestServer({ dataDir: server.dataDir })
    const fresh = client('observer')
    await synced(fresh.provider)
    expect(opText(fresh.doc, 0)).toBe(agreed)
    expect(opText(fresh.doc, 1)).toMatch(/^Also Requests/)
  })

  it('lets the text change again once the paragraph is reopened', async () => {
    const put = (status: string) =>
      as('facilitator')(`/api/documents/${documentId}/paragraphs/${op(1)}/status`, { method: 'PUT', body: JSON.stringify({ status }) })
    await put('agreed')
    await put('negotiating')
    const editor = client('facilitator')
    await synced(editor.provider)
    paragraphText(editor.doc, 'operatives', 0).insert(0, 'Again ')
    await eventually(async () => expect((await paragraphsAs('facilitator'))[1].text).toMatch(/^Again Calls/))
  })
})

describe('live updates and the compilation text', () => {
  it('tells every browser in the room when proposals change', async () => {
    const abort = new AbortController()
    cleanups.push(() => abort.abort())
    const response = await as('observer')(`/api/documents/${documentId}/events`, { signal: abort.signal })
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
    const received = untilEvent(response, 'amendments')
    await proposeAs('mexico', { paragraphId: op(3), kind: 'delete' })
    const seen = await received
    expect(seen).toContain('event: amendments')
  })

  it('serves the compilation text as JSON and as escaped HTML', async () => {
    await proposeAs('mexico', { paragraphId: op(1), kind: 'replace', text: 'Urges all States to cooperate fully with the Special Rapporteur;', note: '<script>alert(1)</script>' })
    await proposeAs('brazil', { paragraphId: op(1), kind: 'insert-after', text: 'Welcomes the report;' })
    const json = await (await as('observer')(`/api/documents/${documentId}/compilation`)).json()
    const first = json.paragraphs.find((p: { id: string }) => p.id === op(1))
    expect(first.proposals).toHaveLength(1)
    expect(first.insertions[0].label).toBe('OP 1 bis (Brazil)')
    const html = await (await as('observer')(`/api/documents/${documentId}/compilation?format=html`)).text()
    expect(html).toContain('OP 1 bis (Brazil)')
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;')
    const filtered = await (await as('observer')(`/api/documents/${documentId}/compilation?state=Brazil`)).json()
    expect(filtered.paragraphs).toHaveLength(1)
  })
})
