import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { constants, deflateRawSync } from 'node:zlib'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution } from '../../shared/paragraphs/readResolution'
import type { Paragraph } from '../../shared/paragraphs/types'
import { YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { createResolution } from '../documents/createResolution'
import { EventHub } from '../events/eventHub'
import { tempDataDir } from '../test/testServer'
import { reword, sampleResolutionText } from '../versions/sampleResolution'
import { checkpointOf } from '../versions/versionCommands'
import { DATABASE_FILE, MIGRATIONS, openSqliteStore } from './sqliteStore'
import type { Store } from './types'
import { COMPACT_ON_LOAD_ROWS, compactDocument, loadDocument, storedState } from './updateLog'
import { packVersion } from './versionBundle'

// The real UN texts of the recogniser's corpus, inside the repository: a clone alone runs this.
const SEEDS = resolve('shared/paragraphs/corpus')
/** The schema as it was before rows carried their encoding. */
const SCHEMA_BEFORE_ENCODINGS = 6
/** The schema as it was before compacted states and versions were stored once. */
const SCHEMA_BEFORE_SHARING = 8

const dirs: string[] = []
const stores: Store[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function newDir(): string {
  const dir = tempDataDir()
  dirs.push(dir)
  return dir
}

function open(dir: string): Store {
  const store = openSqliteStore(dir)
  stores.push(store)
  return store
}

function closeAll(): void {
  for (const store of stores.splice(0)) store.close()
}

/** Reads the file directly, as a second connection would. */
function inspect<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

const textOf = (doc: Y.Doc) => doc.getText('t').toString()

/** Types `words` one update each into a client copy of the document, storing each update. */
function type(store: Store, documentId: string, words: readonly string[]): Y.Doc {
  const client = loadDocument(store, documentId).doc
  client.on('update', (update: Uint8Array) => store.appendUpdate(documentId, update))
  for (const word of words) client.getText('t').insert(client.getText('t').length, word)
  return client
}

const snapshot = (doc: Y.Doc) => ({
  state: Y.encodeStateAsUpdate(doc),
  json: yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FRAGMENT)) as DocJson,
})

describe('the update log', () => {
  it('loads v1 updates and a v2 compacted state mixed in one log', () => {
    const store = open(':memory:')
    const { id } = createResolution(store, { title: 'Mixed' })
    const client = type(store, id, ['one ', 'two '])
    const { doc, lastSeq } = loadDocument(store, id)
    store.compactUpdates(id, lastSeq, Y.encodeStateAsUpdateV2(doc), 'v2')
    client.getText('t').insert(8, 'three')

    expect(store.loadUpdates(id).map((row) => row.encoding)).toEqual(['v2', 'v1'])
    expect(textOf(loadDocument(store, id).doc)).toBe('one two three')
  })

  it.each(['v1', 'v2'] as const)('hands out a log compacted in %s as one v1 update, and nothing while more rows follow it', (encoding) => {
    const store = open(':memory:')
    const { id } = createResolution(store, { title: 'Wire' })
    const client = type(store, id, ['on ', 'the wire'])
    expect(storedState(store, id)).toBeUndefined()
    const { doc, lastSeq } = loadDocument(store, id)
    const state = encoding === 'v2' ? Y.encodeStateAsUpdateV2(doc) : Y.encodeStateAsUpdate(doc)
    store.compactUpdates(id, lastSeq, state, encoding)

    const received = new Y.Doc()
    Y.applyUpdate(received, storedState(store, id)!)
    expect(textOf(received)).toBe('on the wire')
    client.getText('t').insert(0, '!')
    expect(storedState(store, id)).toBeUndefined()
  })

  it('stores a compacted state compressed', () => {
    const dir = newDir()
    const store = open(dir)
    const { id } = createResolution(store, { title: 'Deflated' })
    const client = type(store, id, Array.from({ length: 50 }, () => 'the same words again '))
    const { lastSeq } = loadDocument(store, id)
    compactDocument(store, id, client, lastSeq)
    closeAll()

    const stored = inspect(dir, (db) => db.prepare<[string], { bytes: number }>('SELECT length(data) AS bytes FROM document_updates WHERE document_id = ?').get(id))!
    expect(stored.bytes).toBeLessThan(Y.encodeStateAsUpdate(client).length / 2)
  })

  it('compacts a long log when it is loaded, into one state', () => {
    const store = open(':memory:')
    const { id } = createResolution(store, { title: 'Long' })
    const words = Array.from({ length: COMPACT_ON_LOAD_ROWS + 1 }, (_, i) => `${i} `)
    type(store, id, words)

    expect(textOf(loadDocument(store, id).doc)).toBe(words.join(''))
    expect(store.loadUpdates(id)).toHaveLength(1)
    expect(textOf(loadDocument(store, id).doc)).toBe(words.join(''))
  })

  it('leaves a long log with a damaged row as it is', () => {
    const store = open(':memory:')
    const { id } = createResolution(store, { title: 'Damaged' })
    type(store, id, Array.from({ length: COMPACT_ON_LOAD_ROWS + 1 }, (_, i) => `${i} `))
    store.appendUpdate(id, new Uint8Array([0xff, 0xff, 0xff]))
    const rows = store.loadUpdates(id).length

    loadDocument(store, id)
    expect(store.loadUpdates(id)).toHaveLength(rows)
  })

  it('gives the pages a compaction freed back to the file system', () => {
    const dir = newDir()
    const store = open(dir)
    const { id } = createResolution(store, { title: 'Freed' })
    type(store, id, Array.from({ length: 100 }, () => 'x'.repeat(4000)))
    const { doc, lastSeq } = loadDocument(store, id)
    compactDocument(store, id, doc, lastSeq)
    closeAll()

    expect(inspect(dir, (db) => db.pragma('freelist_count', { simple: true }))).toBe(0)
  })
})

describe('a database written by the previous schema', () => {
  /** A file as the previous schema left it: its tables, a v1 update log and a version as v1 state plus JSON. */
  function previousSchemaFile(dir: string) {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'before the upgrade')
    const state = Y.encodeStateAsUpdate(doc)
    const paragraphs = [{ id: 'p-1', kind: 'op', number: '1.', text: 'Decides to remain seized', status: 'agreed', footnotes: [] }]
    const db = new Database(join(dir, DATABASE_FILE))
    for (const migration of MIGRATIONS.slice(0, SCHEMA_BEFORE_ENCODINGS)) db.exec(migration)
    db.pragma(`user_version = ${SCHEMA_BEFORE_ENCODINGS}`)
    db.prepare(`INSERT INTO documents (id, title, created_at, updated_at) VALUES ('r-old', 'Old', 1, 1)`).run()
    db.prepare(`INSERT INTO document_updates (document_id, data) VALUES ('r-old', ?)`).run(Buffer.from(state))
    db.prepare(
      `INSERT INTO versions (id, document_id, kind, label, note, created_at, paragraph_count, content_hash, paragraphs, state)
       VALUES ('v-old', 'r-old', 'named', 'Rev.1', '', 1, 1, 'hash', ?, ?)`,
    ).run(JSON.stringify(paragraphs), Buffer.from(state))
    db.close()
    return { paragraphs }
  }

  it('is migrated: its rows read as before, new rows are compact, and freed pages go back', () => {
    const dir = newDir()
    const { paragraphs } = previousSchemaFile(dir)
    const store = open(dir)

    expect(store.loadUpdates('r-old').map((row) => row.encoding)).toEqual(['v1'])
    const client = type(store, 'r-old', [' and after'])
    const { doc, lastSeq } = loadDocument(store, 'r-old')
    compactDocument(store, 'r-old', doc, lastSeq)
    expect(textOf(loadDocument(store, 'r-old').doc)).toBe('before the upgrade and after')
    expect(textOf(client)).toBe('before the upgrade and after')

    const old = store.getVersion('v-old')!
    expect(old.paragraphs).toEqual(paragraphs)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, old.state)
    expect(textOf(restored)).toBe('before the upgrade')
    closeAll()

    expect(inspect(dir, (db) => db.pragma('auto_vacuum', { simple: true }))).toBe(2)
  })
})

describe('a database written before states were stored once', () => {
  /** A file as that schema left it: a deflated compacted log and a version packed on its own. */
  function previousSchemaFile(dir: string) {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'before the upgrade')
    const state = Y.encodeStateAsUpdate(doc)
    const paragraphs: Paragraph[] = [{ id: 'p-1', kind: 'op', number: '1.', text: 'Decides to remain seized', status: 'agreed', footnotes: [] }]
    const db = new Database(join(dir, DATABASE_FILE))
    for (const migration of MIGRATIONS.slice(0, SCHEMA_BEFORE_SHARING)) db.exec(migration)
    db.pragma(`user_version = ${SCHEMA_BEFORE_SHARING}`)
    db.prepare(`INSERT INTO documents (id, title, created_at, updated_at) VALUES ('r-old', 'Old', 1, 1)`).run()
    db.prepare(`INSERT INTO document_updates (document_id, data, encoding, deflated) VALUES ('r-old', ?, 'v1', 1)`).run(
      deflateRawSync(state, { level: constants.Z_BEST_SPEED }),
    )
    db.prepare(
      `INSERT INTO versions (id, document_id, kind, label, note, created_at, paragraph_count, content_hash, paragraphs, state, format)
       VALUES ('v-old', 'r-old', 'named', 'Rev.1', '', 1, 1, 'hash', '', ?, 'v2-bundle')`,
    ).run(packVersion(state, paragraphs))
    db.close()
    return { paragraphs, state }
  }

  it('is migrated: the deflated log and the packed version read as before, and the log grows on', () => {
    const dir = newDir()
    const { paragraphs } = previousSchemaFile(dir)
    const store = open(dir)

    expect(textOf(loadDocument(store, 'r-old').doc)).toBe('before the upgrade')
    const old = store.getVersion('v-old')!
    expect(old.paragraphs).toEqual(paragraphs)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, old.state)
    expect(textOf(restored)).toBe('before the upgrade')

    const client = type(store, 'r-old', [' and after'])
    compactDocument(store, 'r-old', client, loadDocument(store, 'r-old').lastSeq)
    expect(textOf(loadDocument(store, 'r-old').doc)).toBe('before the upgrade and after')
    expect(store.loadUpdates('r-old')).toHaveLength(1)
  })
})

describe('a checkpoint of the state the log is compacted into', () => {
  /** The bytes a version's row holds itself, and its format. */
  const versionRow = (dir: string, id: string) =>
    inspect(dir, (db) =>
      db.prepare<[string], { bytes: number; format: string }>('SELECT length(state) + length(paragraphs) AS bytes, format FROM versions WHERE id = ?').get(id),
    )!

  /** A resolution with a longer text typed in one update each, and a checkpoint taker. */
  function typed(dir: string) {
    const store = open(dir)
    const { id } = createResolution(store, { title: 'Shared' })
    const client = type(store, id, Array.from({ length: 300 }, (_, i) => `word ${i} `))
    const take = () => checkpointOf({ store, hub: new EventHub() }, id, snapshot(client), 'activity', null, 'Checkpoint').version
    const compact = () => compactDocument(store, id, client, loadDocument(store, id).lastSeq)
    return { store, id, client, take, compact }
  }

  const restoredText = (store: Store, versionId: string) => {
    const restored = new Y.Doc()
    Y.applyUpdate(restored, store.getVersion(versionId)!.state)
    return textOf(restored)
  }

  it.each([
    ['taken before the compaction (as a room unloads)', 'checkpoint first'],
    ['taken after the compaction', 'compaction first'],
  ] as const)('is stored once, %s', (_, order) => {
    const dir = newDir()
    const { store, client, take, compact } = typed(dir)
    let version
    if (order === 'checkpoint first') {
      version = take()
      compact()
    } else {
      compact()
      version = take()
    }

    expect(restoredText(store, version.id)).toBe(textOf(client))
    expect(store.getVersion(version.id)!.paragraphs).toEqual(readResolution(snapshot(client).json).paragraphs)
    closeAll()
    const row = versionRow(dir, version.id)
    expect(row.format).toBe('log')
    expect(row.bytes).toBeLessThan(200)
  })

  it('gets a copy of its own when the log is compacted into a later state', () => {
    const dir = newDir()
    const { store, client, take, compact } = typed(dir)
    const version = take()
    compact()
    const before = textOf(client)
    client.getText('t').insert(0, 'later ')
    compact()

    expect(restoredText(store, version.id)).toBe(before)
    expect(textOf(loadDocument(store, store.getVersion(version.id)!.documentId).doc)).toBe(`later ${before}`)
    closeAll()
    expect(versionRow(dir, version.id).format).toBe('v2-bundle')
  })

  it('keeps naming the log when it is compacted into the same state again', () => {
    const dir = newDir()
    const { store, client, take, compact } = typed(dir)
    const version = take()
    compact()
    compact()

    expect(restoredText(store, version.id)).toBe(textOf(client))
    closeAll()
    expect(versionRow(dir, version.id).format).toBe('log')
  })
})

describe('versions', () => {
  function resolution(store: Store, paragraphs: number) {
    const { id } = createResolution(store, { text: sampleResolutionText(paragraphs, SEEDS) })
    const { doc } = loadDocument(store, id)
    reword(doc, 3)
    return { id, doc }
  }

  it('read back the same paragraphs and a v1 state of the same text', () => {
    const store = open(':memory:')
    const { id, doc } = resolution(store, 20)
    const taken = snapshot(doc)
    const { version } = checkpointOf({ store, hub: new EventHub() }, id, taken, 'activity', null, 'Checkpoint')

    const stored = store.getVersion(version.id)!
    expect(stored.paragraphs).toEqual(readResolution(taken.json, store.paragraphStatuses(id)).paragraphs)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, stored.state)
    expect(yXmlFragmentToProsemirrorJSON(restored.getXmlFragment(YJS_FRAGMENT))).toEqual(taken.json)
  })

  it('of a 300-paragraph text with a history take under 40 KB', () => {
    const dir = newDir()
    const store = open(dir)
    const { id, doc } = resolution(store, 300)
    const { version } = checkpointOf({ store, hub: new EventHub() }, id, snapshot(doc), 'activity', null, 'Checkpoint')
    closeAll()

    const bytes = inspect(dir, (db) =>
      db.prepare<[string], { bytes: number }>('SELECT length(state) + length(paragraphs) AS bytes FROM versions WHERE id = ?').get(version.id),
    )!.bytes
    expect(bytes).toBeLessThan(40 * 1024)
  })
})
