import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DATABASE_FILE } from '../store/sqliteStore'

/** How many resolutions a test server has stored, read from its SQLite file: proof that a refusal created nothing. */
export function documentCount(dataDir: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
  } finally {
    db.close()
  }
}
