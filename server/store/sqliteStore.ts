import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentRecord, Store, StoredUpdate } from './types'

/**
 * Migrations run in order, once each; the applied count lives in SQLite's `user_version`.
 * Append new steps, never edit old ones.
 */
const MIGRATIONS = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     symbol TEXT NOT NULL DEFAULT '',
     pp_count INTEGER NOT NULL DEFAULT 0,
     op_count INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE document_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id),
     data BLOB NOT NULL
   );
   CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);`,
]

interface DocumentRow {
  id: string
  title: string
  symbol: string
  pp_count: number
  op_count: number
  created_at: number
  updated_at: number
}

const toRecord = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  title: row.title,
  symbol: row.symbol,
  ppCount: row.pp_count,
  opCount: row.op_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const DATABASE_FILE = 'penholder.sqlite'

/** Opens (creating if needed) the SQLite store in `dataDir`, or in memory for ':memory:'. */
export function openSqliteStore(dataDir: string): Store {
  const inMemory = dataDir === ':memory:'
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const file = inMemory ? ':memory:' : join(dataDir, DATABASE_FILE)
  const db = new Database(file)
  // WAL lets readers run beside the writer. synchronous=NORMAL keeps every committed update
  // across a process crash (SIGKILL); only an OS crash or power loss can lose the last few.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)

  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, symbol, pp_count, op_count, created_at, updated_at)
     VALUES (@id, @title, @symbol, @ppCount, @opCount, @createdAt, @updatedAt)`,
  )
  const selectDocument = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?')
  const selectDocuments = db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC')
  const updateSummary = db.prepare(
    `UPDATE documents SET title = @title, symbol = @symbol, pp_count = @ppCount, op_count = @opCount,
     updated_at = @updatedAt WHERE id = @id`,
  )
  const insertUpdate = db.prepare('INSERT INTO document_updates (document_id, data) VALUES (?, ?)')
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq',
  )
  const deleteUpdates = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?')

  const createDocument = db.transaction((record: DocumentRecord, initialState: Uint8Array) => {
    insertDocument.run(record)
    insertUpdate.run(record.id, Buffer.from(initialState))
  })
  const compact = db.transaction((documentId: string, upToSeq: number, merged: Uint8Array) => {
    deleteUpdates.run(documentId, upToSeq)
    insertUpdate.run(documentId, Buffer.from(merged))
  })

  return {
    createDocument: (record, initialState) => createDocument(record, initialState),
    getDocument: (id) => {
      const row = selectDocument.get(id)
      return row && toRecord(row)
    },
    listDocuments: () => selectDocuments.all().map(toRecord),
    updateSummary: (id, summary, updatedAt) => {
      updateSummary.run({ id, ...summary, updatedAt })
    },
    appendUpdate: (documentId, update) =>
      Number(insertUpdate.run(documentId, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid),
    loadUpdates: (documentId): StoredUpdate[] =>
      selectUpdates.all(documentId).map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),
    compactUpdates: (documentId, upToSeq, merged) => compact(documentId, upToSeq, merged),
    close: () => db.close(),
  }
}

function migrate(db: Database.Database): void {
  const applied = Number(db.pragma('user_version', { simple: true }))
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
