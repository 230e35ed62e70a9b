/**
 * Storage figures (issue 14): the bytes one version of a 300-paragraph text takes, and the files a
 * 50,000-update document leaves once the store is closed (the database, and a WAL if any were
 * left), beside the size of its Yjs v2 state and of a database holding only an empty resolution.
 * Prints a Markdown table.
 *
 *   node --import tsx bench/storageSize.ts
 */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as Y from 'yjs'
import type { DocJson } from '../shared/paragraphs/docJson'
import { YJS_FRAGMENT } from '../shared/schema/resolutionSchema'
import { createResolution } from '../server/documents/createResolution'
import { EventHub } from '../server/events/eventHub'
import { DATABASE_FILE, openSqliteStore } from '../server/store/sqliteStore'
import type { Store } from '../server/store/types'
import { compactDocument, loadDocument } from '../server/store/updateLog'
import { reword, sampleResolutionText, seededRandom } from '../server/versions/sampleResolution'
import { checkpointOf } from '../server/versions/versionCommands'

const KB = 1024
const MB = 1024 * 1024
/** What the shared harness's cold-load scenario types, and how often the server compacts. */
const UPDATES = 50_000
const COMPACT_EVERY = 500

const snapshot = (doc: Y.Doc) => ({
  state: Y.encodeStateAsUpdate(doc),
  json: yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FRAGMENT)) as DocJson,
})

const checkpoint = (store: Store, documentId: string, doc: Y.Doc) =>
  checkpointOf({ store, hub: new EventHub() }, documentId, snapshot(doc), 'activity', null, 'Automatic checkpoint').version

function withStore<T>(work: (store: Store, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-storage-'))
  try {
    return work(openSqliteStore(dir), dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const fileBytes = (dir: string) => readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0)

/** The bytes a version's row holds, read once the store is closed. */
function versionRowBytes(dir: string, versionId: string): number {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
  try {
    return db.prepare<[string], { bytes: number }>('SELECT length(state) + length(paragraphs) AS bytes FROM versions WHERE id = ?').get(versionId)!.bytes
  } finally {
    db.close()
  }
}

/** A 300-paragraph text reworded three times, checkpointed once. */
function versionBytes(): number {
  return withStore((store, dir) => {
    const { id } = createResolution(store, { text: sampleResolutionText(300, resolve('../shared/seeds')) })
    const { doc } = loadDocument(store, id)
    reword(doc, 3)
    const version = checkpoint(store, id, doc)
    store.close()
    return versionRowBytes(dir, version.id)
  })
}

/** The files of a store holding one empty resolution: what any database costs, whatever it holds. */
function emptyBytes(): number {
  return withStore((store, dir) => {
    createResolution(store, { title: 'Cold load' })
    store.close()
    return fileBytes(dir)
  })
}

/**
 * The harness's cold-load document: random 3–4 character inserts and 2-character deletes in one
 * Y.Text, stored one update each and compacted as a room does, then what a room does when it
 * unloads: the checkpoint that is due, then the last compaction. Deterministic, like the harness's.
 */
function fiftyThousandUpdates(): { fileBytes: number; checkpointBytes: number; stateV2Bytes: number } {
  return withStore((store, dir) => {
    const { id } = createResolution(store, { title: 'Cold load' })
    const doc = loadDocument(store, id).doc
    let lastSeq = 0
    doc.on('update', (update: Uint8Array) => {
      lastSeq = store.appendUpdate(id, update)
    })
    const text = doc.getText('t')
    const random = seededRandom(42)
    const letters = 'abcdefghijklmnopqrstuvwxyz     '
    for (let i = 1; i <= UPDATES; i++) {
      if (text.length > 10 && random() < 0.25) text.delete(Math.floor(random() * (text.length - 2)), 2)
      else {
        const word = Array.from({ length: random() < 0.5 ? 4 : 3 }, () => letters[Math.floor(random() * letters.length)]).join('')
        text.insert(Math.floor(random() * (text.length + 1)), word)
      }
      if (i % COMPACT_EVERY === 0) compactDocument(store, id, doc, lastSeq)
    }
    // The last keystrokes since the last compaction, so the unload stores a state of its own.
    text.insert(0, 'unload')
    const version = checkpoint(store, id, doc)
    compactDocument(store, id, doc, lastSeq)
    const stateV2Bytes = Y.encodeStateAsUpdateV2(doc).length
    store.close()
    return { fileBytes: fileBytes(dir), checkpointBytes: versionRowBytes(dir, version.id), stateV2Bytes }
  })
}

const version = versionBytes()
const empty = emptyBytes()
const document = fiftyThousandUpdates()
const rows: Array<[string, string, string, string]> = [
  ['one version of a 300-paragraph text', `${(version / KB).toFixed(1)} KB`, '≤ 40 KB', (version / (40 * KB)).toFixed(2)],
  [
    `database file, ${UPDATES.toLocaleString('en')}-update document, compacted`,
    `${(document.fileBytes / MB).toFixed(2)} MB`,
    '≤ 0.6 MB',
    (document.fileBytes / (0.6 * MB)).toFixed(2),
  ],
  ['of which a database with one empty resolution', `${(empty / MB).toFixed(2)} MB`, '', ''],
  ['of which its unload checkpoint\'s own row (its state is the compacted log\'s)', `${(document.checkpointBytes / KB).toFixed(1)} KB`, '', ''],
  ['its Yjs v2 state', `${(document.stateV2Bytes / MB).toFixed(2)} MB`, '', (document.fileBytes / document.stateV2Bytes).toFixed(2)],
]
console.log('storage (bytes on disk; ratio: measure / goal, or file / v2 state)')
console.log('| measure | size | goal | ratio |')
console.log('|---|---:|---:|---:|')
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
