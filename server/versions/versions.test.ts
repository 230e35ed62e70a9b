import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Paragraph } from '../../shared/paragraphs/types'
import { DENIED } from '../../shared/policy/policy'
import { resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import type { Version, VersionRedline, VersionSummary } from '../../shared/versions/types'
import { replaceText } from '../collab/forwardEdits'
import { findParagraph } from '../collab/paragraphElements'
import { EventHub } from '../events/eventHub'
import {
  connect,
  createDocument,
  eventually,
  invite,
  paragraphText,
  startTestServer,
  synced,
  type TestServer,
  withToken,
} from '../test/testServer'
import { checkpoint } from './versionCommands'

const TEXT = `Versions

The General Assembly,
Recalling its previous resolutions,
Noting with concern the situation,
1. Calls upon all States to cooperate fully with the Special Rapporteur;
2. Requests the Secretary-General to report on this matter;
3. Decides to remain seized of the matter.`

/** Long enough that no activity checkpoint is taken unless a test asks for one. */
const NO_ACTIVITY_CHECKPOINTS = 10 * 60_000

let server: TestServer
let documentId: string
let tokens: { facilitator: string; mexico: string; observer: string }
let ids: string[] // PP1, PP2, OP1, OP2, OP3
const cleanups: Array<() => void> = []

async function setUp(checkpointEveryMs = NO_ACTIVITY_CHECKPOINTS) {
  server = await startTestServer({ checkpointEveryMs })
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  tokens = {
    facilitator: created.token,
    mexico: (await invite(server.url, created.token, documentId, { role: 'delegation', state: 'Mexico' })).token,
    observer: (await invite(server.url, created.token, documentId, { role: 'observer', organisation: 'ISHR' })).token,
  }
  ids = (await paragraphs()).map((p) => p.id)
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

type Who = keyof typeof tokens
const as = (who: Who) => withToken(server.url, tokens[who])
const get = (who: Who, path: string) => as(who)(`/api/documents/${documentId}${path}`)
const post = (who: Who, path: string, body: object = {}) =>
  as(who)(`/api/documents/${documentId}${path}`, { method: 'POST', body: JSON.stringify(body) })

async function ok<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await response
  const body = await r.text()
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${body}`)
  return JSON.parse(body) as T
}
const paragraphs = () => ok<Paragraph[]>(get('facilitator', '/paragraphs'))
const nameVersion = async (label: string, note?: string) =>
  (await ok<{ version: VersionSummary }>(post('facilitator', '/versions', { label, note }), 201)).version
const readVersion = async (id: string) => (await ok<{ version: Version }>(get('observer', `/versions/${id}`))).version
const listAll = async (query = '') => ok<{ versions: VersionSummary[]; next: string | null }>(get('observer', `/versions${query}`))
const restore = async (id: string) => (await ok<{ version: VersionSummary }>(post('facilitator', `/versions/${id}/restore`))).version
const setStatus = (paragraphId: string, status: string) =>
  ok(as('facilitator')(`/api/documents/${documentId}/paragraphs/${paragraphId}/status`, { method: 'PUT', body: JSON.stringify({ status }) }))

function client(who: Who) {
  const c = connect(server.wsBase, documentId, tokens[who])
  cleanups.push(() => c.provider.destroy())
  return c
}
/** The whole text a client holds, as ProseMirror reads it (frame, paragraphs, ids, levels, marks). */
const textOf = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YJS_FRAGMENT), resolutionSchema).toJSON()
const opText = (doc: Y.Doc, index: number) => paragraphText(doc, 'operatives', index)?.toString() ?? ''
const texts = (ps: Paragraph[]) => ps.map((p) => p.text)

/** A facilitator's client types into OP `index` (0-based) and the server has it. */
async function typeInto(doc: Y.Doc, index: number, at: number, words: string) {
  paragraphText(doc, 'operatives', index).insert(at, words)
  const expected = opText(doc, index)
  await eventually(async () => expect((await paragraphs())[2 + index].text).toBe(expected))
}

describe('named versions', () => {
  beforeEach(() => setUp())

  it('survive a restart, with their paragraphs, and can be compared after it', async () => {
    const rev1 = await nameVersion('Rev.1', 'Circulated on Monday')
    expect(rev1).toMatchObject({ kind: 'named', label: 'Rev.1', note: 'Circulated on Monday', reason: null, author: 'Facilitator (Facilitator)', paragraphCount: 5 })
    expect(rev1.id).toMatch(/^v-/)
    const writer = client('facilitator')
    await synced(writer.provider)
    await typeInto(writer.doc, 0, 0, 'Strongly ')
    const rev2 = await nameVersion('Rev.2')
    writer.provider.destroy()

    const dataDir = server.dataDir
    await server.close()
    server = await startTestServer({ dataDir, checkpointEveryMs: NO_ACTIVITY_CHECKPOINTS })

    const { versions, next } = await listAll()
    expect(versions.map((v) => [v.id, v.label, v.kind])).toEqual([
      [rev2.id, 'Rev.2', 'named'],
      [rev1.id, 'Rev.1', 'named'],
    ])
    expect(next).toBeNull()
    expect(texts((await readVersion(rev1.id)).paragraphs)[2]).toBe('Calls upon all States to cooperate fully with the Special Rapporteur;')
    expect(texts((await readVersion(rev2.id)).paragraphs)[2]).toBe('Strongly Calls upon all States to cooperate fully with the Special Rapporteur;')
    const comparison = await ok<{ from: { id: string; label: string }; to: { id: string; label: string }; redline: VersionRedline }>(
      get('mexico', `/compare?from=${rev1.id}&to=${rev2.id}`),
    )
    expect(comparison.from).toEqual({ id: rev1.id, label: 'Rev.1' })
    expect(comparison.to).toEqual({ id: rev2.id, label: 'Rev.2' })
    expect(comparison.redline.counts.changed).toBe(1)
    expect(comparison.redline.paragraphs.find((p) => p.id === ids[2])?.change).toBe('changed')
  })

  it('keeps the numbering and statuses a version had', async () => {
    await setStatus(ids[3], 'agreed-ad-ref')
    const rev1 = await nameVersion('Rev.1')
    await setStatus(ids[3], 'negotiating')
    const version = await readVersion(rev1.id)
    expect(version.paragraphs.map((p) => [p.number, p.status])).toEqual([
      ['PP1', 'draft'],
      ['PP2', 'draft'],
      ['1', 'draft'],
      ['2', 'agreed-ad-ref'],
      ['3', 'draft'],
    ])
    expect(version.paragraphs.map((p) => p.id)).toEqual(ids)
  })

  it('refuses a missing or overlong label, naming the field', async () => {
    for (const body of [{}, { label: '' }, { label: '   ' }, { label: 'x'.repeat(101) }, { label: 'Rev.1', note: 'n'.repeat(2001) }]) {
      const response = await post('facilitator', '/versions', body)
      expect(response.status).toBe(400)
      expect((await response.json()).error).toMatch('label' in body && body.label === 'Rev.1' ? /^note: / : /^label: /)
    }
    expect((await post('facilitator', '/versions', { label: 'x'.repeat(100) })).status).toBe(201)
  })

  it('gives back the version already named when the same name is asked again for the same text (a retry)', async () => {
    const first = await nameVersion('Rev.2')
    const again = await nameVersion('Rev.2')
    expect(again.id).toBe(first.id)
    expect((await listAll('?kind=named')).versions.filter((v) => v.label === 'Rev.2')).toHaveLength(1)
    // Another name for the same text is another version.
    expect((await nameVersion('Rev.2 as circulated')).id).not.toBe(first.id)
  })
})

describe('who may do what', () => {
  beforeEach(() => setUp())

  it('lets only facilitators name and restore; everyone lists, reads and compares', async () => {
    const rev1 = await nameVersion('Rev.1')
    for (const who of ['mexico', 'observer'] as const) {
      const named = await post(who, '/versions', { label: 'Rev.X' })
      expect(named.status).toBe(403)
      expect((await named.json()).error).toBe(DENIED['version.name'])
      const restored = await post(who, `/versions/${rev1.id}/restore`)
      expect(restored.status).toBe(403)
      expect((await restored.json()).error).toBe(DENIED['version.restore'])
    }
    for (const who of ['facilitator', 'mexico', 'observer'] as const) {
      expect((await get(who, '/versions')).status).toBe(200)
      expect((await get(who, `/versions/${rev1.id}`)).status).toBe(200)
      expect((await get(who, '/compare')).status).toBe(200)
      const html = await get(who, `/compare?from=${rev1.id}&to=live&format=html`)
      expect(html.status).toBe(200)
      expect(html.headers.get('content-type')).toMatch(/text\/html/)
    }
    // Nothing was restored or named by the refused requests.
    expect((await listAll()).versions.map((v) => v.label)).toEqual(['Rev.1'])
    const nobody = await fetch(`${server.url}/api/documents/${documentId}/versions`)
    expect(nobody.status).toBe(401)
  })

  it('answers 404 for an unknown version and for a version of another resolution', async () => {
    const other = await createDocument(server.url, { text: TEXT })
    const foreign = (await ok<{ version: VersionSummary }>(
      withToken(server.url, other.token)(`/api/documents/${other.id}/versions`, { method: 'POST', body: JSON.stringify({ label: 'Theirs' }) }),
      201,
    )).version
    for (const vid of ['v-nope', foreign.id]) {
      for (const response of [
        await get('facilitator', `/versions/${vid}`),
        await post('facilitator', `/versions/${vid}/restore`),
        await get('facilitator', `/compare?from=${vid}`),
        await get('facilitator', `/compare?from=live&to=${vid}`),
      ]) {
        expect(response.status).toBe(404)
        expect(typeof (await response.json()).error).toBe('string')
      }
    }
    expect((await listAll()).versions).toEqual([])
  })
})

describe('comparing', () => {
  beforeEach(() => setUp())

  it('compares the newest named version with the live text by default', async () => {
    const none = await get('observer', '/compare')
    expect(none.status).toBe(404)
    expect((await none.json()).error).toMatch(/^from: /)

    await nameVersion('Zero draft')
    const writer = client('facilitator')
    await synced(writer.provider)
    await typeInto(writer.doc, 1, 0, 'Also ')
    const rev1 = await nameVersion('Rev.1')
    await typeInto(writer.doc, 2, 0, 'Further ')

    const comparison = await ok<{ from: { id: string; label: string }; to: { id: string; label: string }; redline: VersionRedline }>(
      get('observer', '/compare'),
    )
    expect(comparison.from).toEqual({ id: rev1.id, label: 'Rev.1' })
    expect(comparison.to).toEqual({ id: 'live', label: 'Current text' })
    expect(comparison.redline.paragraphs.filter((p) => p.change === 'changed').map((p) => p.id)).toEqual([ids[4]])

    const same = await ok<{ redline: VersionRedline }>(get('observer', '/compare?from=live&to=live'))
    expect(same.redline.counts).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0, statusChanged: 0 })

    const html = await get('observer', `/compare?from=${rev1.id}&format=html`)
    expect(html.status).toBe(200)
    const page = await html.text()
    expect(page).toContain('Rev.1')
    expect(page).toContain('Further')

    expect((await get('observer', '/compare?format=pdf')).status).toBe(400)
  })
})

describe('restoring', () => {
  beforeEach(() => setUp())

  it('restores a version, and restoring the checkpoint taken before returns the exact text', async () => {
    const rev1 = await nameVersion('Rev.1')
    const writer = client('facilitator')
    const watcher = client('observer')
    await Promise.all([synced(writer.provider), synced(watcher.provider)])
    const rev1Text = textOf(writer.doc)

    // The text moves on: words typed, OP2 deleted, a new OP with italic opening words, a title change.
    await typeInto(writer.doc, 0, 0, 'Strongly ')
    writer.doc.transact(() => {
      const operatives = writer.doc.getXmlFragment(YJS_FRAGMENT).get(4) as Y.XmlElement
      operatives.delete(1, 1)
      const added = new Y.XmlElement('op')
      added.setAttribute('id', 'p-added')
      added.setAttribute('level', 0 as unknown as string)
      const text = new Y.XmlText()
      text.insert(0, 'Encourages regional organizations to do likewise;')
      text.format(0, 'Encourages'.length, { italic: {} })
      added.insert(0, [text])
      operatives.insert(2, [added])
      const title = writer.doc.getXmlFragment(YJS_FRAGMENT).get(1) as Y.XmlElement
      ;(title.get(0) as Y.XmlText).insert(0, 'Revised: ')
    })
    await eventually(async () => expect((await paragraphs()).map((p) => p.id)).toEqual([ids[0], ids[1], ids[2], ids[4], 'p-added']))
    const editedParagraphs = await paragraphs()
    const editedText = textOf(writer.doc)
    await eventually(() => expect(textOf(watcher.doc)).toEqual(editedText))

    const before = await restore(rev1.id)
    expect(before).toMatchObject({ kind: 'checkpoint', reason: 'before-restore', label: 'Before restoring Rev.1', author: 'Facilitator (Facilitator)' })
    expect((await readVersion(before.id)).paragraphs).toEqual(editedParagraphs)
    expect(await paragraphs()).toEqual((await readVersion(rev1.id)).paragraphs)
    // Both connected clients receive the restore as a change to the document they hold.
    await eventually(() => expect(textOf(writer.doc)).toEqual(rev1Text))
    await eventually(() => expect(textOf(watcher.doc)).toEqual(rev1Text))

    const again = await restore(before.id)
    expect(again).toMatchObject({ kind: 'checkpoint', reason: 'before-restore', label: `Before restoring ${before.label}` })
    expect(await paragraphs()).toEqual(editedParagraphs)
    await eventually(() => expect(textOf(writer.doc)).toEqual(editedText))
    await eventually(() => expect(textOf(watcher.doc)).toEqual(editedText))

    // History is never rewritten: both restores left their checkpoints, newest first.
    expect((await listAll()).versions.map((v) => v.id)).toEqual([again.id, before.id, rev1.id])
  })

  it('reaches a connected client as a change, and later edits go on from it', async () => {
    const rev1 = await nameVersion('Rev.1')
    const watcher = client('mexico')
    const writer = client('facilitator')
    await Promise.all([synced(watcher.provider), synced(writer.provider)])
    await typeInto(writer.doc, 2, 0, 'Firmly ')
    await eventually(() => expect(opText(watcher.doc, 2)).toBe('Firmly Decides to remain seized of the matter.'))

    const changes: Array<unknown> = []
    watcher.doc.on('update', (_update: Uint8Array, origin: unknown) => changes.push(origin))
    await restore(rev1.id)
    await eventually(() => expect(opText(watcher.doc, 2)).toBe('Decides to remain seized of the matter.'))
    expect(changes.length).toBeGreaterThan(0)
    expect(changes.every((origin) => origin === watcher.provider)).toBe(true)

    await typeInto(writer.doc, 2, 0, 'Again ')
    await eventually(() => expect(opText(watcher.doc, 2)).toBe('Again Decides to remain seized of the matter.'))
  })

  it('works on a resolution with an agreed paragraph, and the lock then holds the restored text', async () => {
    const rev1 = await nameVersion('Rev.1')
    const writer = client('facilitator')
    await synced(writer.provider)
    await typeInto(writer.doc, 0, 0, 'Strongly ')
    await setStatus(ids[2], 'agreed')
    const original = 'Calls upon all States to cooperate fully with the Special Rapporteur;'

    await restore(rev1.id)
    await eventually(() => expect(opText(writer.doc, 0)).toBe(original))
    const after = await paragraphs()
    expect(after[2]).toMatchObject({ text: original, status: 'agreed' }) // statuses are kept

    // The lock now protects the restored text: typing into OP1 is undone ...
    paragraphText(writer.doc, 'operatives', 0).insert(0, 'Again ')
    await eventually(() => expect(opText(writer.doc, 0)).toBe(original))
    // ... while typing elsewhere is kept (a stale lock would undo every change).
    await typeInto(writer.doc, 1, 0, 'Also ')
    expect((await paragraphs())[2].text).toBe(original)
  })

  it('keeps proposals and comments on paragraphs the version does not have', async () => {
    const rev1 = await nameVersion('Rev.1')
    const proposal = await ok<{ amendment: { id: string } }>(
      post('mexico', '/amendments', { paragraphId: ids[3], kind: 'insert-after', text: 'Invites the Council to act;' }),
      201,
    )
    await ok(post('facilitator', `/amendments/${proposal.amendment.id}/accept`))
    const added = (await paragraphs()).find((p) => p.text === 'Invites the Council to act;')!
    const comment = await ok<{ comment: { id: string } }>(post('observer', '/comments', { paragraphId: added.id, body: 'Which council?' }), 201)
    const onAdded = await ok<{ amendment: { id: string } }>(
      post('mexico', '/amendments', { paragraphId: added.id, kind: 'replace', text: 'Invites the Security Council to act;' }),
      201,
    )

    await restore(rev1.id)
    expect((await paragraphs()).map((p) => p.id)).toEqual(ids)
    const { amendments } = await ok<{ amendments: Array<{ id: string; paragraphId: string; status: string; text: string }> }>(get('observer', '/amendments'))
    expect(amendments.find((a) => a.id === onAdded.amendment.id)).toMatchObject({ paragraphId: added.id, status: 'pending' })
    const { comments } = await ok<{ comments: Array<{ id: string; body: string }> }>(get('observer', '/comments'))
    expect(comments.find((c) => c.id === comment.comment.id)?.body).toBe('Which council?')
  })
})

describe('checkpoints', () => {
  it('are taken before accepting a proposal', async () => {
    await setUp()
    await nameVersion('Rev.1')
    const writer = client('facilitator')
    await synced(writer.provider)
    await typeInto(writer.doc, 1, 0, 'Also ')
    const beforeAccept = await paragraphs()
    const { amendment } = await ok<{ amendment: { id: string } }>(
      post('mexico', '/amendments', { paragraphId: ids[2], kind: 'replace', text: 'Urges all States to cooperate fully with the Special Rapporteur;' }),
      201,
    )
    await ok(post('facilitator', `/amendments/${amendment.id}/accept`))

    const { versions } = await listAll()
    expect(versions.map((v) => [v.kind, v.reason])).toEqual([
      ['checkpoint', 'before-accept'],
      ['named', null],
    ])
    expect(versions[0]).toMatchObject({ label: 'Before accepting the proposal of Mexico on OP 1', author: 'Facilitator (Facilitator)' })
    expect((await readVersion(versions[0].id)).paragraphs).toEqual(beforeAccept)
    expect((await paragraphs())[2].text).toBe('Urges all States to cooperate fully with the Special Rapporteur;')
  })

  it('are not taken when the decision is refused', async () => {
    await setUp()
    const deletion = async (paragraphId: string) =>
      (await ok<{ amendment: { id: string } }>(post('mexico', '/amendments', { paragraphId, kind: 'delete' }), 201)).amendment
    const first = await deletion(ids[0])
    const second = await deletion(ids[1])
    await ok(post('facilitator', `/amendments/${first.id}/accept`))
    const before = (await listAll()).versions
    // PP2 is now the only PP, which the schema needs: the deletion is refused before any checkpoint.
    const refused = await post('facilitator', `/amendments/${second.id}/accept`)
    expect(refused.status).toBe(409)
    expect((await listAll()).versions).toEqual(before)
  })

    it('are not stored twice for identical consecutive states, whatever their kind', async () => {
    await setUp()
    const rev1 = await nameVersion('Rev.1')
    // Accepting with the text as Rev.1 has it: the checkpoint would repeat Rev.1.
    const { amendment } = await ok<{ amendment: { id: string } }>(
      post('mexico', '/amendments', { paragraphId: ids[4], kind: 'replace', text: 'Decides to remain actively seized of the matter.' }),
      201,
    )
    await ok(post('facilitator', `/amendments/${amendment.id}/accept`))
    expect((await listAll()).versions.map((v) => v.id)).toEqual([rev1.id])

    const first = await restore(rev1.id) // the accepted text is kept first
    expect(first.id).not.toBe(rev1.id)
    const second = await restore(rev1.id) // the live text is Rev.1's now, not the checkpoint's: kept
    const third = await restore(rev1.id) // the live text is what `second` holds: nothing new
    expect(third.id).toBe(second.id)
    expect((await listAll()).versions.map((v) => v.id)).toEqual([second.id, first.id, rev1.id])

    // A status is part of the state: a changed status makes the next checkpoint a new one.
    await setStatus(ids[0], 'agreed-ad-ref')
    const fourth = await restore(rev1.id)
    expect(fourth.id).not.toBe(second.id)
    expect((await readVersion(fourth.id)).paragraphs[0].status).toBe('agreed-ad-ref')
  })

  it('are taken while people edit, at most once per period, and not for an unchanged text', async () => {
    const everyMs = 40
    await setUp(everyMs)
    const writer = client('facilitator')
    await synced(writer.provider)
    await typeInto(writer.doc, 0, 0, 'Strongly ')
    await eventually(async () => expect((await listAll()).versions).toHaveLength(1))
    const [first] = (await listAll()).versions
    expect(first).toMatchObject({ kind: 'checkpoint', reason: 'activity', author: 'Facilitator (Facilitator)', label: 'Automatic checkpoint' })
    expect((await readVersion(first.id)).paragraphs[2].text).toMatch(/^Strongly /)

    // Typed and taken back: the text is the checkpoint's again, so nothing new is stored.
    const t = paragraphText(writer.doc, 'operatives', 1)
    t.insert(0, 'x')
    t.delete(0, 1)
    await new Promise((resolve) => setTimeout(resolve, everyMs * 10))
    await typeInto(writer.doc, 2, 0, 'Firmly ')
    await eventually(async () => expect((await listAll()).versions).toHaveLength(2))
    const { versions } = await listAll()
    expect(versions[1].id).toBe(first.id)
    expect((await readVersion(versions[0].id)).paragraphs[4].text).toMatch(/^Firmly /)
  })

  it('list a hundred checkpoints page by page, newest first', async () => {
    await setUp()
    const deps = { store: server.store, rooms: server.rooms, hub: new EventHub() }
    const made: string[] = []
    for (let i = 1; i <= 100; i++) {
      server.rooms.edit(documentId, (doc) => replaceText(findParagraph(doc, ids[4])!.element, `Decides to remain seized of the matter (${i}).`))
      const { version, created } = checkpoint(deps, documentId, 'activity', null)
      expect(created).toBe(true)
      made.push(version.id)
      if (i === 50) made.push((await nameVersion('Rev.1')).id)
    }
    const newestFirst = [...made].reverse()

    const seen: VersionSummary[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: { versions: VersionSummary[]; next: string | null } = await listAll(`?limit=30${cursor ? `&before=${cursor}` : ''}`)
      expect(page.versions.length).toBeLessThanOrEqual(30)
      seen.push(...page.versions)
      cursor = page.next
      pages += 1
    } while (cursor)
    expect(pages).toBe(4)
    expect(seen.map((v) => v.id)).toEqual(newestFirst)
    expect(seen[0].paragraphCount).toBe(5)

    const checkpoints = await listAll('?kind=checkpoint&limit=100')
    expect(checkpoints.versions).toHaveLength(100)
    expect(checkpoints.next).toBeNull()
    expect((await listAll('?kind=named')).versions.map((v) => v.label)).toEqual(['Rev.1'])
    expect((await listAll()).versions).toHaveLength(50) // the default page
    const last = (await listAll(`?before=${newestFirst[newestFirst.length - 1]}`))
    expect(last).toEqual({ versions: [], next: null })
    expect(texts((await readVersion(newestFirst[0])).paragraphs)[4]).toBe('Decides to remain seized of the matter (100).')

    for (const query of ['?limit=0', '?limit=201', '?limit=ten', '?kind=rev', '?before=v-unknown']) {
      const response = await get('observer', `/versions${query}`)
      expect({ query, status: response.status }).toEqual({ query, status: 400 })
    }
  })
})
