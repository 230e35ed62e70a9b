/**
 * Issue 12 through real HTTP and real Yjs clients: a proposal carries only its own changes,
 * decisions say what they did, any decision can be reopened, and each paragraph tells its story.
 */
import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Amendment } from '../../shared/amendments/types'
import { spawnServer, type SpawnedServer } from '../test/spawnServer'
import { connect, createDocument, eventually, invite, paragraphText, startTestServer, synced, tempDataDir, type TestServer, withToken } from '../test/testServer'

const TEXT = `Decisions

The General Assembly,
Recalling its previous resolutions,
1. Calls upon all States to cooperate with the Special Rapporteur;
2. Decides to remain seized of the matter.`

const OP1 = 'Calls upon all States to cooperate with the Special Rapporteur;'
const MEXICO = 'Calls upon all States to cooperate fully with the Special Rapporteur;'
const BRAZIL_DRAFT = 'Calls upon all States to cooperate with the Special Rapporteur and with civil society;'

let server: TestServer
let documentId: string
let tokens: Record<'facilitator' | 'mexico' | 'brazil' | 'chile' | 'observer', string>
let op1: string
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  const delegation = async (state: string) => (await invite(server.url, created.token, documentId, { role: 'delegation', state })).token
  tokens = {
    facilitator: created.token,
    mexico: await delegation('Mexico'),
    brazil: await delegation('Brazil'),
    chile: await delegation('Chile'),
    observer: (await invite(server.url, created.token, documentId, { role: 'observer', organisation: 'ISHR' })).token,
  }
  op1 = (await paragraphs())[1].id
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

type Who = keyof typeof tokens
const call = (who: Who, path: string, body?: object) =>
  withToken(server.url, tokens[who])(`/api/documents/${documentId}${path}`, body ? { method: 'POST', body: JSON.stringify(body) } : {})
const paragraphs = async (): Promise<Array<{ id: string; text: string }>> => (await call('facilitator', '/paragraphs')).json()
const amendment = async (id: string): Promise<Amendment> =>
  ((await (await call('facilitator', '/amendments')).json()).amendments as Amendment[]).find((a) => a.id === id)!

async function propose(who: Who, body: object): Promise<Amendment> {
  const response = await call(who, '/amendments', { paragraphId: op1, kind: 'replace', ...body })
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()).amendment
}
async function ok(response: Response): Promise<Amendment> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()).amendment
}

describe('a proposal is exactly what its State changed', () => {
  it('drafted before an accept and sent after it, it carries only its own change and keeps the accepted word', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    // Brazil's form was opened on the old text; Brazil added one clause.
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT, baseText: OP1 })
    expect(brazil.text).toBe('Calls upon all States to cooperate fully with the Special Rapporteur and with civil society;')
    expect(brazil.baseText).toBe(MEXICO)
  })

  it('refuses with 409 and the conflict when its change touches the words changed since', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    const response = await call('brazil', '/amendments', {
      paragraphId: op1,
      kind: 'replace',
      text: 'Calls upon all States to cooperate closely with the Special Rapporteur;',
      baseText: OP1,
    })
    expect(response.status).toBe(409)
    const answer = await response.json()
    expect(answer.error).toMatch(/changed while this proposal was drafted/)
    expect(answer.conflict).toEqual({ baseText: OP1, changedText: 'Calls upon all States to cooperate closely with the Special Rapporteur;', currentText: MEXICO })
    expect((await (await call('facilitator', '/amendments')).json()).amendments).toHaveLength(1)
  })

  it('refuses a base the paragraph never had, and accepts one a facilitator typed live', async () => {
    const refused = await call('brazil', '/amendments', { paragraphId: op1, kind: 'replace', text: BRAZIL_DRAFT, baseText: 'Calls upon nobody;' })
    expect(refused.status).toBe(409)
    expect((await refused.json()).error).toMatch(/not one OP 1 has had/)

    // A facilitator edits OP 1 live; the room remembers each text when it saves (every 2 s while
    // people type), so once it has, that text is one OP 1 has had, even after more typing.
    const editor = connect(server.wsBase, documentId, tokens.facilitator)
    cleanups.push(() => editor.provider.destroy())
    await synced(editor.provider)
    const op = paragraphText(editor.doc, 'operatives', 0)
    op.insert(0, 'Strongly ')
    await eventually(async () => expect((await paragraphs())[1].text).toBe(`Strongly ${OP1}`))
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    op.insert(op.toString().indexOf('States'), 'Member ')
    await eventually(async () => expect((await paragraphs())[1].text).toContain('Member States'))
    const brazil = await propose('brazil', { text: `Strongly ${BRAZIL_DRAFT}`, baseText: `Strongly ${OP1}` })
    expect(brazil.text).toBe('Strongly Calls upon all Member States to cooperate with the Special Rapporteur and with civil society;')
  })

  it('marks a proposal on an agreed paragraph as asking to reopen agreed language', async () => {
    const set = await withToken(server.url, tokens.facilitator)(`/api/documents/${documentId}/paragraphs/${op1}/status`, {
      method: 'PUT',
      body: JSON.stringify({ status: 'agreed-ad-ref' }),
    })
    expect(set.status).toBe(200)
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT })
    expect(brazil.reopensAgreed).toBe(true)
  })
})

describe('decisions say what they did', () => {
  it('credits every proposal merged into a compromise, and says who superseded the others', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT })
    const chile = await propose('chile', { text: 'Calls upon all States to engage with the Special Rapporteur;' })
    const compromise = 'Calls upon all States to cooperate fully with the Special Rapporteur and with civil society;'
    const accepted = await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, { text: compromise, merged: [brazil.id] }))
    expect(accepted.status).toBe('accepted')
    expect(accepted.decision).toMatchObject({ acceptedId: mexico.id, mergedIds: [brazil.id], compromise: true, textBefore: OP1, textAfter: compromise })
    expect(await amendment(brazil.id)).toMatchObject({ status: 'merged', decision: { acceptedId: mexico.id } })
    expect(await amendment(chile.id)).toMatchObject({ status: 'superseded', decision: { acceptedId: mexico.id } })
    expect((await paragraphs())[1].text).toBe(compromise)
  })

  it('refuses to merge a proposal into anything but compromise wording, or one on another paragraph', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT })
    expect((await call('facilitator', `/amendments/${mexico.id}/accept`, { merged: [brazil.id] })).status).toBe(400)
    const other = await propose('chile', { paragraphId: (await paragraphs())[2].id, text: 'Decides to remain actively seized of the matter.' })
    expect((await call('facilitator', `/amendments/${mexico.id}/accept`, { text: MEXICO, merged: [other.id] })).status).toBe(400)
    expect((await amendment(mexico.id)).status).toBe('pending')
    expect((await paragraphs())[1].text).toBe(OP1)
  })

  it('lets the superseded State table its proposal again on the new text, and nobody else', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT })
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    expect((await call('chile', `/amendments/${brazil.id}/retable`, {})).status).toBe(403)
    const again = await ok(await call('brazil', `/amendments/${brazil.id}/retable`, {}))
    expect(again).toMatchObject({ state: 'Brazil', status: 'pending', baseText: MEXICO })
    expect(again.text).toBe('Calls upon all States to cooperate fully with the Special Rapporteur and with civil society;')
  })
})

describe('any decision can be reopened', () => {
  it('restores the paragraph exactly when nothing else changed, and makes the superseded proposals pending again', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT })
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    expect((await call('mexico', `/amendments/${mexico.id}/reopen`, { reason: 'x' })).status).toBe(403)
    expect((await call('facilitator', `/amendments/${mexico.id}/reopen`, {})).status).toBe(400)
    const reopened = await ok(await call('facilitator', `/amendments/${mexico.id}/reopen`, { reason: 'Brazil asked to reconsider' }))
    expect(reopened).toMatchObject({ status: 'pending', decision: null })
    expect((await amendment(brazil.id)).status).toBe('pending')
    expect((await paragraphs())[1].text).toBe(OP1)
  })

  it('keeps a later edit elsewhere in the paragraph, and shows a conflict when the same words were edited', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    const editor = connect(server.wsBase, documentId, tokens.facilitator)
    cleanups.push(() => editor.provider.destroy())
    await synced(editor.provider)
    const op = paragraphText(editor.doc, 'operatives', 0)
    op.insert(op.toString().length - 1, ' and with civil society')
    await eventually(async () => expect((await paragraphs())[1].text).toBe('Calls upon all States to cooperate fully with the Special Rapporteur and with civil society;'))
    await ok(await call('facilitator', `/amendments/${mexico.id}/reopen`, { reason: 'Objection from Chile' }))
    await eventually(() => expect(op.toString()).toBe('Calls upon all States to cooperate with the Special Rapporteur and with civil society;'))

    // Accepted again; then someone rewrites the very word: the reopening would have to guess.
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    await eventually(() => expect(op.toString()).toContain('cooperate fully with'))
    const at = op.toString().indexOf('fully')
    op.delete(at, 'fully'.length)
    op.insert(at, 'closely')
    await eventually(async () => expect((await paragraphs())[1].text).toContain('closely'))
    const conflict = await call('facilitator', `/amendments/${mexico.id}/reopen`, { reason: 'again' })
    expect(conflict.status).toBe(409)
    expect((await conflict.json()).conflict.currentText).toContain('closely')
    expect((await amendment(mexico.id)).status).toBe('accepted')
  })

  it('reopens an accepted deletion by putting the paragraph back where it stood, with its id', async () => {
    const ids = (await paragraphs()).map((p) => p.id)
    const deletion = await propose('chile', { kind: 'delete' })
    await ok(await call('facilitator', `/amendments/${deletion.id}/accept`, {}))
    expect((await paragraphs()).map((p) => p.id)).toEqual([ids[0], ids[2]])
    await ok(await call('facilitator', `/amendments/${deletion.id}/reopen`, { reason: 'Deleted by mistake' }))
    expect(await paragraphs()).toMatchObject([{ id: ids[0] }, { id: ids[1], text: OP1 }, { id: ids[2] }])
  })

  it('reopens a rejection without touching the text', async () => {
    const brazil = await propose('brazil', { text: BRAZIL_DRAFT })
    await ok(await call('facilitator', `/amendments/${brazil.id}/reject`, {}))
    expect((await amendment(brazil.id)).decision).toMatchObject({ by: expect.stringContaining('Facilitator') })
    await ok(await call('facilitator', `/amendments/${brazil.id}/reopen`, { reason: 'Rejected too soon' }))
    expect((await amendment(brazil.id)).status).toBe('pending')
    expect((await paragraphs())[1].text).toBe(OP1)
  })
})

describe('each paragraph tells its story', () => {
  it('lists proposals, positions, decisions, reopenings and status changes in plain words', async () => {
    const mexico = await propose('mexico', { text: MEXICO })
    await ok(await call('brazil', `/amendments/${mexico.id}/support`, {}))
    await ok(await call('facilitator', `/amendments/${mexico.id}/accept`, {}))
    await ok(await call('facilitator', `/amendments/${mexico.id}/reopen`, { reason: 'Chile objects' }))
    const response = await call('observer', `/paragraphs/${op1}/timeline`)
    expect(response.status).toBe(200)
    const words = ((await response.json()).events as Array<{ words: string }>).map((e) => e.words)
    expect(words).toEqual([
      'Mexico proposed new wording',
      'Brazil joined Mexico’s proposal',
      'Mexico’s proposal was accepted',
      'The acceptance of Mexico’s proposal was reopened: “Chile objects”',
    ])
  })
})

describe('after a crash', () => {
  const servers: SpawnedServer[] = []
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop('SIGKILL')
  })

  it('reopens an acceptance after SIGKILL and restart, exactly', async () => {
    const dataDir = tempDataDir()
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await spawnServer(dataDir)
    servers.push(first)
    const created = await createDocument(first.url, { text: TEXT })
    const mexicoToken = (await invite(first.url, created.token, created.id, { role: 'delegation', state: 'Mexico' })).token
    const at = (url: string, token: string) => (path: string, body?: object) =>
      withToken(url, token)(`/api/documents/${created.id}${path}`, body ? { method: 'POST', body: JSON.stringify(body) } : {})
    const id = (await (await at(first.url, created.token)('/paragraphs')).json())[1].id
    const proposed = await ok(await at(first.url, mexicoToken)('/amendments', { paragraphId: id, kind: 'replace', text: MEXICO }))
    await ok(await at(first.url, created.token)(`/amendments/${proposed.id}/accept`, {}))
    first.child.kill('SIGKILL')
    await first.stop('SIGKILL')

    const second = await spawnServer(dataDir, first.port)
    servers.push(second)
    await ok(await at(second.url, created.token)(`/amendments/${proposed.id}/reopen`, { reason: 'After the restart' }))
    expect((await (await at(second.url, created.token)('/paragraphs')).json())[1].text).toBe(OP1)
  })
})
