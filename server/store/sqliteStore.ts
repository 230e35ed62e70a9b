import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Amendment, Decision } from '../../shared/amendments/types'
import type { Comment } from '../../shared/comments/types'
import type { ParagraphStatus } from '../../shared/paragraphs/types'
import type { VersionKind, VersionSummary } from '../../shared/versions/types'
import type {
  AuditEntry,
  DocumentRecord,
  InviteRecord,
  NewAmendment,
  NewComment,
  NewVersion,
  ParticipantRecord,
  Store,
  StoredUpdate,
  StoredVersion,
} from './types'
import { type Compression, compressState, decompress, stateHash } from './stateCompression'
import type { UpdateEncoding } from './updateLog'
import { packParagraphs, packVersion, unpackVersion, type VersionFormat } from './versionBundle'

/**
 * Migrations run in order, once each; the applied count lives in SQLite's `user_version`.
 * Append new steps, never edit old ones.
 */
export const MIGRATIONS = [
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
  `CREATE TABLE invites (
     id TEXT PRIMARY KEY,
     document_id TEXT NOT NULL REFERENCES documents(id),
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'delegation', 'observer')),
     state TEXT,
     organisation TEXT,
     token_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE INDEX invites_by_document ON invites(document_id);
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     invite_id TEXT NOT NULL REFERENCES invites(id),
     session_hash TEXT NOT NULL,
     name TEXT NOT NULL,
     joined_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     UNIQUE (session_hash, invite_id)
   );
   CREATE INDEX participants_by_invite ON participants(invite_id);`,
  `CREATE TABLE amendments (
     id TEXT PRIMARY KEY,
     document_id TEXT NOT NULL REFERENCES documents(id),
     paragraph_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('replace', 'delete', 'insert-after')),
     text TEXT NOT NULL,
     new_paragraph_kind TEXT,
     base_text TEXT NOT NULL,
     note TEXT NOT NULL,
     state TEXT NOT NULL,
     entered_by TEXT,
     status TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     decided_at INTEGER
   );
   CREATE INDEX amendments_by_document ON amendments(document_id, created_at);
   CREATE TABLE amendment_positions (
     amendment_id TEXT NOT NULL REFERENCES amendments(id),
     state TEXT NOT NULL,
     position TEXT NOT NULL CHECK (position IN ('support', 'object')),
     at INTEGER NOT NULL,
     PRIMARY KEY (amendment_id, state)
   );
   CREATE TABLE paragraph_statuses (
     document_id TEXT NOT NULL REFERENCES documents(id),
     paragraph_id TEXT NOT NULL,
     status TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (document_id, paragraph_id)
   );
   CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     detail TEXT NOT NULL
   );`,
  // Comments live beside the text. A reply names its thread's first comment (parent_id); a
  // deleted comment keeps its row, body erased, so the thread still reads in order.
  `CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     document_id TEXT NOT NULL REFERENCES documents(id),
     paragraph_id TEXT NOT NULL,
     parent_id TEXT REFERENCES comments(id),
     anchor_from TEXT,
     anchor_to TEXT,
     quote TEXT NOT NULL,
     body TEXT NOT NULL,
     author_credential_id TEXT NOT NULL REFERENCES invites(id),
     author_name TEXT NOT NULL,
     author_role TEXT NOT NULL CHECK (author_role IN ('facilitator', 'delegation', 'observer')),
     author_state TEXT,
     author_organisation TEXT,
     created_at INTEGER NOT NULL,
     edited_at INTEGER,
     resolved_at INTEGER,
     hidden_by TEXT,
     hidden_at INTEGER,
     deleted_at INTEGER,
     CHECK ((anchor_from IS NULL) = (anchor_to IS NULL))
   );
   CREATE INDEX comments_by_document ON comments(document_id, created_at);`,
  // Versions: named revisions and the server's checkpoints. `state` is the encoded Yjs document
  // (to restore), `paragraphs` the server's reading of it (to list, read and compare). `seq` orders
  // versions made in the same millisecond; the index pages through one resolution newest first.
  `CREATE TABLE versions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     document_id TEXT NOT NULL REFERENCES documents(id),
     kind TEXT NOT NULL CHECK (kind IN ('named', 'checkpoint')),
     label TEXT NOT NULL,
     note TEXT NOT NULL,
     reason TEXT CHECK (reason IS NULL OR reason IN ('activity', 'before-restore', 'before-accept')),
     author TEXT,
     created_at INTEGER NOT NULL,
     paragraph_count INTEGER NOT NULL,
     content_hash TEXT NOT NULL,
     paragraphs TEXT NOT NULL,
     state BLOB NOT NULL
   );
   CREATE INDEX versions_by_document ON versions(document_id, created_at);`,
  // What a decision did (JSON), so it reads in plain words and can be reopened; proposals that ask
  // to reopen agreed language; the texts each paragraph has had, to account for a proposal's base.
  `ALTER TABLE amendments ADD COLUMN decision TEXT;
   ALTER TABLE amendments ADD COLUMN reopens_agreed INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE paragraph_texts (
     document_id TEXT NOT NULL REFERENCES documents(id),
     paragraph_id TEXT NOT NULL,
     text_hash TEXT NOT NULL,
     seen_at INTEGER NOT NULL,
     PRIMARY KEY (document_id, paragraph_id, text_hash)
   );
   CREATE INDEX audit_by_document ON audit_log(document_id, seq);`,
  // Rows carry their encoding (updateLog, versionBundle); those written before are what they were.
  `ALTER TABLE document_updates ADD COLUMN encoding TEXT NOT NULL DEFAULT 'v1' CHECK (encoding IN ('v1', 'v2'));
   ALTER TABLE versions ADD COLUMN format TEXT NOT NULL DEFAULT 'v1-json' CHECK (format IN ('v1-json', 'v2-bundle'));`,
  // Compacted states are stored deflated (see compactUpdates).
  `ALTER TABLE document_updates ADD COLUMN deflated INTEGER NOT NULL DEFAULT 0 CHECK (deflated IN (0, 1));`,
  // A compacted state and a version of the same state are stored once (see compactUpdates): a
  // compacted row carries its state's hash, and a version may name the row that holds its state.
  // The compression is named rather than flagged, as Brotli joins deflate. SQLite cannot change a
  // CHECK constraint in place, so both tables are rebuilt, every row copied as it is.
  `CREATE TABLE document_updates_next (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id),
     data BLOB NOT NULL,
     encoding TEXT NOT NULL DEFAULT 'v1' CHECK (encoding IN ('v1', 'v2')),
     compression TEXT NOT NULL DEFAULT 'none' CHECK (compression IN ('none', 'deflate', 'brotli')),
     state_hash BLOB
   );
   INSERT INTO document_updates_next (seq, document_id, data, encoding, compression)
     SELECT seq, document_id, data, encoding, CASE deflated WHEN 1 THEN 'deflate' ELSE 'none' END FROM document_updates;
   DROP TABLE document_updates;
   ALTER TABLE document_updates_next RENAME TO document_updates;
   CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);
   CREATE TABLE versions_next (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     document_id TEXT NOT NULL REFERENCES documents(id),
     kind TEXT NOT NULL CHECK (kind IN ('named', 'checkpoint')),
     label TEXT NOT NULL,
     note TEXT NOT NULL,
     reason TEXT CHECK (reason IS NULL OR reason IN ('activity', 'before-restore', 'before-accept')),
     author TEXT,
     created_at INTEGER NOT NULL,
     paragraph_count INTEGER NOT NULL,
     content_hash TEXT NOT NULL,
     paragraphs TEXT NOT NULL,
     state BLOB NOT NULL,
     format TEXT NOT NULL DEFAULT 'v1-json' CHECK (format IN ('v1-json', 'v2-bundle', 'log')),
     state_hash BLOB,
     log_seq INTEGER,
     CHECK ((format = 'log') = (log_seq IS NOT NULL))
   );
   INSERT INTO versions_next (seq, id, document_id, kind, label, note, reason, author, created_at, paragraph_count,
       content_hash, paragraphs, state, format)
     SELECT seq, id, document_id, kind, label, note, reason, author, created_at, paragraph_count,
       content_hash, paragraphs, state, format FROM versions;
   DROP TABLE versions;
   ALTER TABLE versions_next RENAME TO versions;
   CREATE INDEX versions_by_document ON versions(document_id, created_at);`,
]

interface InviteRow {
  id: string
  document_id: string
  role: InviteRecord['role']
  state: string | null
  organisation: string | null
  token_hash: string
  created_at: number
  revoked_at: number | null
}

const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  documentId: row.document_id,
  role: row.role,
  state: row.state,
  organisation: row.organisation,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
})

interface ParticipantRow {
  id: string
  invite_id: string
  session_hash: string
  name: string
  joined_at: number
  last_seen_at: number
}

const toParticipant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  inviteId: row.invite_id,
  sessionHash: row.session_hash,
  name: row.name,
  joinedAt: row.joined_at,
  lastSeenAt: row.last_seen_at,
})

interface AmendmentRow {
  id: string
  document_id: string
  paragraph_id: string
  kind: Amendment['kind']
  text: string
  new_paragraph_kind: 'pp' | 'op' | null
  base_text: string
  note: string
  state: string
  entered_by: string | null
  status: Amendment['status']
  created_at: number
  decided_at: number | null
  decision: string | null
  reopens_agreed: number
  supporters: string | null
  objectors: string | null
}

const toAmendment = (row: AmendmentRow): Amendment => ({
  id: row.id,
  documentId: row.document_id,
  paragraphId: row.paragraph_id,
  kind: row.kind,
  text: row.text,
  newParagraphKind: row.new_paragraph_kind,
  baseText: row.base_text,
  note: row.note,
  state: row.state,
  enteredBy: row.entered_by,
  supporters: row.supporters ? (JSON.parse(row.supporters) as string[]) : [],
  objectors: row.objectors ? (JSON.parse(row.objectors) as string[]) : [],
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
  decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
  decision: row.decision ? (JSON.parse(row.decision) as Decision) : null,
  reopensAgreed: row.reopens_agreed === 1,
})

interface CommentRow {
  id: string
  document_id: string
  paragraph_id: string
  parent_id: string | null
  anchor_from: string | null
  anchor_to: string | null
  quote: string
  body: string
  author_credential_id: string
  author_name: string
  author_role: Comment['author']['role']
  author_state: string | null
  author_organisation: string | null
  created_at: number
  edited_at: number | null
  resolved_at: number | null
  hidden_by: string | null
  deleted_at: number | null
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  documentId: row.document_id,
  paragraphId: row.paragraph_id,
  anchor: row.anchor_from !== null && row.anchor_to !== null ? { from: row.anchor_from, to: row.anchor_to } : null,
  quote: row.quote,
  body: row.body,
  parentId: row.parent_id,
  author: {
    credentialId: row.author_credential_id,
    name: row.author_name,
    role: row.author_role,
    state: row.author_state,
    organisation: row.author_organisation,
  },
  createdAt: new Date(row.created_at).toISOString(),
  editedAt: isoOrNull(row.edited_at),
  resolved: row.resolved_at !== null,
  hiddenBy: row.hidden_by,
  deleted: row.deleted_at !== null,
})

interface VersionRow {
  seq: number
  id: string
  document_id: string
  kind: VersionKind
  label: string
  note: string
  reason: VersionSummary['reason']
  author: string | null
  created_at: number
  paragraph_count: number
  content_hash: string
}

const toVersionSummary = (row: VersionRow): VersionSummary => ({
  id: row.id,
  documentId: row.document_id,
  kind: row.kind,
  label: row.label,
  note: row.note,
  reason: row.reason,
  author: row.author,
  createdAt: new Date(row.created_at).toISOString(),
  paragraphCount: row.paragraph_count,
})

/** What a version's content is read from (see versionBundle). */
interface VersionContentRow {
  format: VersionFormat
  state: Buffer
  paragraphs: string
}

/** Every column but the two large ones (state, paragraphs): what listing needs. */
const VERSION_SUMMARY_COLUMNS = `seq, id, document_id, kind, label, note, reason, author, created_at, paragraph_count, content_hash`

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
  useIncrementalVacuum(db)
  // WAL lets readers run beside the writer. synchronous=NORMAL keeps every committed update
  // across a process crash (SIGKILL); only an OS crash or power loss can lose the last few.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  // A compaction of a large document can swell the WAL far past its usual few MB; once
  // checkpointed, it is cut back to this instead of keeping that size on disk.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
  db.pragma('foreign_keys = ON')
  migrate(db)

  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, symbol, pp_count, op_count, created_at, updated_at)
     VALUES (@id, @title, @symbol, @ppCount, @opCount, @createdAt, @updatedAt)`,
  )
  const selectDocument = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?')
  const selectDocuments = db.prepare<[string], DocumentRow>(
    'SELECT * FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY updated_at DESC',
  )
  const updateSummary = db.prepare(
    `UPDATE documents SET title = @title, symbol = @symbol, pp_count = @ppCount, op_count = @opCount,
     updated_at = @updatedAt WHERE id = @id`,
  )
  const insertUpdate = db.prepare<[string, Buffer]>('INSERT INTO document_updates (document_id, data) VALUES (?, ?)')
  const insertCompacted = db.prepare<[string, Buffer, UpdateEncoding, Buffer | null]>(
    `INSERT INTO document_updates (document_id, data, encoding, compression, state_hash) VALUES (?, ?, ?, 'brotli', ?)`,
  )
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer; encoding: UpdateEncoding; compression: Compression }>(
    'SELECT seq, data, encoding, compression FROM document_updates WHERE document_id = ? ORDER BY seq',
  )
  const deleteUpdates = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?')
  const selectCompactedByHash = db.prepare<[string, Buffer], { seq: number }>(
    'SELECT seq FROM document_updates WHERE document_id = ? AND state_hash = ? ORDER BY seq DESC LIMIT 1',
  )
  const selectLogRow = db.prepare<[number], { data: Buffer; compression: Compression }>('SELECT data, compression FROM document_updates WHERE seq = ?')

  const insertInvite = db.prepare(
    `INSERT INTO invites (id, document_id, role, state, organisation, token_hash, created_at, revoked_at)
     VALUES (@id, @documentId, @role, @state, @organisation, @tokenHash, @createdAt, @revokedAt)`,
  )
  const selectInvite = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?')
  const selectInviteByHash = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?')
  const selectInvites = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE document_id = ? ORDER BY created_at, rowid')
  const updateRevoked = db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
  const upsertParticipant = db.prepare<ParticipantRecord, ParticipantRow>(
    `INSERT INTO participants (id, invite_id, session_hash, name, joined_at, last_seen_at)
     VALUES (@id, @inviteId, @sessionHash, @name, @joinedAt, @lastSeenAt)
     ON CONFLICT (session_hash, invite_id) DO UPDATE SET name = excluded.name, last_seen_at = excluded.last_seen_at
     RETURNING *`,
  )
  const selectParticipations = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE session_hash = ? ORDER BY joined_at DESC, rowid DESC',
  )
  const selectParticipants = db.prepare<[string], ParticipantRow>(
    `SELECT participants.* FROM participants JOIN invites ON invites.id = participants.invite_id
     WHERE invites.document_id = ? ORDER BY participants.joined_at`,
  )
  const updateLastSeen = db.prepare('UPDATE participants SET last_seen_at = ? WHERE id = ?')
  const updateSessionHash = db.prepare('UPDATE participants SET session_hash = ? WHERE session_hash = ?')

  const AMENDMENT_SELECT = `SELECT amendments.*,
       (SELECT json_group_array(state) FROM (SELECT state FROM amendment_positions p
          WHERE p.amendment_id = amendments.id AND position = 'support' ORDER BY at)) AS supporters,
       (SELECT json_group_array(state) FROM (SELECT state FROM amendment_positions p
          WHERE p.amendment_id = amendments.id AND position = 'object' ORDER BY at)) AS objectors
     FROM amendments`
  const insertAmendment = db.prepare(
    `INSERT INTO amendments (id, document_id, paragraph_id, kind, text, new_paragraph_kind, base_text, note, state,
       entered_by, status, created_at, decided_at, reopens_agreed)
     VALUES (@id, @documentId, @paragraphId, @kind, @text, @newParagraphKind, @baseText, @note, @state,
       @enteredBy, 'pending', @createdAt, NULL, @reopensAgreed)`,
  )
  const selectAmendments = db.prepare<[string], AmendmentRow>(`${AMENDMENT_SELECT} WHERE document_id = ? ORDER BY created_at, rowid`)
  const selectAmendment = db.prepare<[string], AmendmentRow>(`${AMENDMENT_SELECT} WHERE id = ?`)
  const upsertPosition = db.prepare(
    `INSERT INTO amendment_positions (amendment_id, state, position, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (amendment_id, state) DO UPDATE SET position = excluded.position, at = excluded.at`,
  )
  const updateAmendmentStatus = db.prepare('UPDATE amendments SET status = ?, decided_at = ?, decision = ? WHERE id = ?')
  const supersede = db.prepare(
    `UPDATE amendments SET status = 'superseded', decided_at = @at, decision = @decision
     WHERE document_id = @documentId AND paragraph_id = @paragraphId AND status = 'pending'
       AND kind IN ('replace', 'delete') AND id NOT IN (SELECT value FROM json_each(@exceptIds)) RETURNING id`,
  )
  const reopen = db.prepare(`UPDATE amendments SET status = 'pending', decided_at = NULL, decision = NULL WHERE id = ?`)
  const insertParagraphText = db.prepare(
    `INSERT INTO paragraph_texts (document_id, paragraph_id, text_hash, seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  )
  const selectParagraphText = db.prepare<[string, string, string], { one: number }>(
    'SELECT 1 AS one FROM paragraph_texts WHERE document_id = ? AND paragraph_id = ? AND text_hash = ?',
  )
  const selectAudit = db.prepare<[string], { at: number; actor: string; action: string; detail: string; document_id: string }>(
    'SELECT * FROM audit_log WHERE document_id = ? ORDER BY seq',
  )
  const upsertStatus = db.prepare(
    `INSERT INTO paragraph_statuses (document_id, paragraph_id, status, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id, paragraph_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
  )
  const selectStatuses = db.prepare<[string], { paragraph_id: string; status: ParagraphStatus }>(
    'SELECT paragraph_id, status FROM paragraph_statuses WHERE document_id = ?',
  )
  const insertComment = db.prepare(
    `INSERT INTO comments (id, document_id, paragraph_id, parent_id, anchor_from, anchor_to, quote, body,
       author_credential_id, author_name, author_role, author_state, author_organisation, created_at)
     VALUES (@id, @documentId, @paragraphId, @parentId, @anchorFrom, @anchorTo, @quote, @body,
       @credentialId, @name, @role, @state, @organisation, @createdAt)`,
  )
  const selectComment = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?')
  const selectComments = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE document_id = ? ORDER BY created_at, rowid')
  const updateCommentBody = db.prepare('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?')
  const updateResolved = db.prepare('UPDATE comments SET resolved_at = ? WHERE id = ?')
  const updateDeleted = db.prepare(`UPDATE comments SET body = '', deleted_at = ? WHERE id = ?`)
  const updateHidden = db.prepare('UPDATE comments SET hidden_by = ?, hidden_at = ? WHERE id = ?')
  const insertVersion = db.prepare(
    `INSERT INTO versions (id, document_id, kind, label, note, reason, author, created_at, paragraph_count, content_hash,
       paragraphs, state, format, state_hash, log_seq)
     VALUES (@id, @documentId, @kind, @label, @note, @reason, @author, @createdAt, @paragraphCount, @contentHash,
       '', @content, @format, @stateHash, @logSeq)`,
  )
  const selectVersionSummary = db.prepare<[string], VersionRow>(`SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions WHERE id = ?`)
  // A `log` version's state comes with it, still compressed: decompressed only if it is asked for.
  const selectVersion = db.prepare<[string], VersionContentRow & VersionRow & { log_data: Buffer | null; log_compression: Compression | null }>(
    `SELECT versions.*, log.data AS log_data, log.compression AS log_compression
     FROM versions LEFT JOIN document_updates AS log ON log.seq = versions.log_seq WHERE versions.id = ?`,
  )
  const selectVersionsOnLog = db.prepare<[string, number], VersionContentRow & { id: string; state_hash: Buffer | null; log_seq: number }>(
    'SELECT id, format, state, paragraphs, state_hash, log_seq FROM versions WHERE document_id = ? AND log_seq <= ?',
  )
  const selectLatestStateHash = db.prepare<[string], { id: string; format: VersionFormat; state_hash: Buffer | null }>(
    'SELECT id, format, state_hash FROM versions WHERE document_id = ? ORDER BY created_at DESC, seq DESC LIMIT 1',
  )
  const updateVersionContent = db.prepare<{ id: string; format: VersionFormat; content: Buffer; logSeq: number | null }>(
    `UPDATE versions SET format = @format, state = @content, paragraphs = '', log_seq = @logSeq WHERE id = @id`,
  )
  const selectLatestVersion = db.prepare<[string], VersionRow>(
    `SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions WHERE document_id = ? ORDER BY created_at DESC, seq DESC LIMIT 1`,
  )
  // Keyset pagination: (created_at, seq) strictly before the cursor's, so a page costs the same
  // however many versions precede it. `kind` is matched only when given.
  const selectVersionPage = db.prepare<
    { documentId: string; kind: VersionKind | null; beforeAt: number | null; beforeSeq: number | null; limit: number },
    VersionRow
  >(
    `SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions
     WHERE document_id = @documentId
       AND (@kind IS NULL OR kind = @kind)
       AND (@beforeAt IS NULL OR created_at < @beforeAt OR (created_at = @beforeAt AND seq < @beforeSeq))
     ORDER BY created_at DESC, seq DESC
     LIMIT @limit`,
  )
  const insertAudit = db.prepare(
    'INSERT INTO audit_log (document_id, at, actor, action, detail) VALUES (@documentId, @at, @actor, @action, @detail)',
  )

  const createDocument = db.transaction((record: DocumentRecord, initialState: Uint8Array, creator: InviteRecord) => {
    insertDocument.run(record)
    insertUpdate.run(record.id, asBuffer(initialState))
    insertInvite.run(creator)
  })

  /** A `log` version's v1 state, read from its log row (`data`, compressed as `compression`). */
  const logState = (data: Buffer | null, compression: Compression | null) => (): Uint8Array => {
    if (data === null || compression === null) throw new Error('the update log row holding this version’s state is missing')
    return new Uint8Array(decompress(data, compression))
  }

  /**
   * A room that unloads takes a checkpoint and compacts its log, both of the same state: that state
   * is kept once, in the log row, and the version names it (format `log`). Whichever is written
   * second finds the first by the state's hash. When a later compaction replaces that row, each
   * version that named it gets a copy packed for itself (a `v2-bundle`), unless the new row holds
   * the same state again.
   */
  const compact = db.transaction((documentId: string, upToSeq: number, merged: Uint8Array, encoding: UpdateEncoding) => {
    // Only v1 states are shared: versions hand out v1, and their hashes are of v1.
    const hash = encoding === 'v1' ? stateHash(merged) : null
    const seq = Number(insertCompacted.run(documentId, compressState(merged), encoding, hash).lastInsertRowid)
    for (const version of selectVersionsOnLog.all(documentId, upToSeq)) {
      if (hash && version.state_hash?.equals(hash)) updateVersionContent.run({ id: version.id, format: 'log', content: version.state, logSeq: seq })
      else {
        const row = selectLogRow.get(version.log_seq)
        const content = unpackVersion('log', version.state, version.paragraphs, logState(row?.data ?? null, row?.compression ?? null))
        updateVersionContent.run({ id: version.id, format: 'v2-bundle', content: packVersion(content.state(), content.paragraphs), logSeq: null })
      }
    }
    deleteUpdates.run(documentId, upToSeq)
    const latest = selectLatestStateHash.get(documentId)
    if (hash && latest?.format === 'v2-bundle' && latest.state_hash?.equals(hash)) {
      const { state, paragraphs } = selectVersion.get(latest.id)!
      const content = unpackVersion('v2-bundle', state, paragraphs, () => merged)
      updateVersionContent.run({ id: latest.id, format: 'log', content: packParagraphs(content.paragraphs), logSeq: seq })
    }
  })

  return {
    createDocument: (record, initialState, creator) => createDocument(record, initialState, creator),
    getDocument: (id) => {
      const row = selectDocument.get(id)
      return row && toRecord(row)
    },
    listDocuments: (ids) => (ids.length ? selectDocuments.all(JSON.stringify(ids)).map(toRecord) : []),
    updateSummary: (id, summary, updatedAt) => {
      updateSummary.run({ id, ...summary, updatedAt })
    },
    appendUpdate: (documentId, update) => Number(insertUpdate.run(documentId, asBuffer(update)).lastInsertRowid),
    loadUpdates: (documentId): StoredUpdate[] =>
      selectUpdates.all(documentId).map((row) => ({
        seq: row.seq,
        data: new Uint8Array(decompress(row.data, row.compression)),
        encoding: row.encoding,
      })),
    compactUpdates: (documentId, upToSeq, merged, encoding = 'v1') => {
      compact(documentId, upToSeq, merged, encoding)
      releaseFreePages(db, KEEP_FREE_BYTES)
    },
    createInvite: (invite) => {
      insertInvite.run(invite)
    },
    getInvite: (id) => {
      const row = selectInvite.get(id)
      return row && toInvite(row)
    },
    findInviteByTokenHash: (tokenHash) => {
      const row = selectInviteByHash.get(tokenHash)
      return row && toInvite(row)
    },
    listInvites: (documentId) => selectInvites.all(documentId).map(toInvite),
    revokeInvite: (id, at) => {
      updateRevoked.run(at, id)
    },
    joinInvite: (participant) => toParticipant(upsertParticipant.get(participant)!),
    participationsOf: (sessionHash) => selectParticipations.all(sessionHash).map(toParticipant),
    listParticipants: (documentId) => selectParticipants.all(documentId).map(toParticipant),
    touchParticipant: (id, at) => {
      updateLastSeen.run(at, id)
    },
    moveParticipations: (fromSessionHash, toSessionHash) => updateSessionHash.run(toSessionHash, fromSessionHash).changes,
    createAmendment: (amendment: NewAmendment) => {
      insertAmendment.run({ ...amendment, reopensAgreed: amendment.reopensAgreed ? 1 : 0 })
      return toAmendment(selectAmendment.get(amendment.id)!)
    },
    getAmendment: (id) => {
      const row = selectAmendment.get(id)
      return row && toAmendment(row)
    },
    listAmendments: (documentId) => selectAmendments.all(documentId).map(toAmendment),
    setPosition: (amendmentId, state, position, at) => {
      upsertPosition.run(amendmentId, state, position, at)
    },
    setAmendmentStatus: (id, status, at, decision) => {
      updateAmendmentStatus.run(status, at, JSON.stringify(decision), id)
    },
    supersedePending: (documentId, paragraphId, exceptIds, at, decision) =>
      (
        supersede.all({ documentId, paragraphId, exceptIds: JSON.stringify(exceptIds), at, decision: JSON.stringify(decision) }) as Array<{
          id: string
        }>
      ).map((row) => row.id),
    reopenAmendment: (id) => {
      reopen.run(id)
    },
    rememberParagraphTexts: db.transaction((documentId: string, texts: readonly { paragraphId: string; textHash: string }[], at: number) => {
      for (const { paragraphId, textHash } of texts) insertParagraphText.run(documentId, paragraphId, textHash, at)
    }),
    knowsParagraphText: (documentId, paragraphId, textHash) => selectParagraphText.get(documentId, paragraphId, textHash) !== undefined,
    setParagraphStatus: (documentId, paragraphId, status, at) => {
      upsertStatus.run(documentId, paragraphId, status, at)
    },
    paragraphStatuses: (documentId) =>
      new Map(selectStatuses.all(documentId).map((row) => [row.paragraph_id, row.status] as const)),
    createComment: (comment: NewComment) => {
      insertComment.run({
        id: comment.id,
        documentId: comment.documentId,
        paragraphId: comment.paragraphId,
        parentId: comment.parentId,
        anchorFrom: comment.anchor?.from ?? null,
        anchorTo: comment.anchor?.to ?? null,
        quote: comment.quote,
        body: comment.body,
        ...comment.author,
        createdAt: comment.createdAt,
      })
      return toComment(selectComment.get(comment.id)!)
    },
    getComment: (id) => {
      const row = selectComment.get(id)
      return row && toComment(row)
    },
    listComments: (documentId) => selectComments.all(documentId).map(toComment),
    editComment: (id, body, at) => {
      updateCommentBody.run(body, at, id)
    },
    setCommentResolved: (id, resolved, at) => {
      updateResolved.run(resolved ? at : null, id)
    },
    deleteComment: (id, at) => {
      updateDeleted.run(at, id)
    },
    hideComment: (id, hiddenBy, at) => {
      updateHidden.run(hiddenBy, at, id)
    },
    createVersion: (version: NewVersion) => {
      const hash = stateHash(version.state)
      const logSeq = selectCompactedByHash.get(version.documentId, hash)?.seq ?? null
      insertVersion.run({
        id: version.id,
        documentId: version.documentId,
        kind: version.kind,
        label: version.label,
        note: version.note,
        reason: version.reason,
        author: version.author,
        createdAt: version.createdAt,
        paragraphCount: version.paragraphs.length,
        contentHash: version.contentHash,
        ...(logSeq === null
          ? { format: 'v2-bundle', content: packVersion(version.state, version.paragraphs) }
          : { format: 'log', content: packParagraphs(version.paragraphs) }),
        stateHash: hash,
        logSeq,
      })
      return toVersionSummary(selectVersionSummary.get(version.id)!)
    },
    getVersion: (id): StoredVersion | undefined => {
      const row = selectVersion.get(id)
      if (!row) return undefined
      const content = unpackVersion(row.format, row.state, row.paragraphs, logState(row.log_data, row.log_compression))
      return {
        ...toVersionSummary(row),
        paragraphs: content.paragraphs,
        contentHash: row.content_hash,
        get state() {
          return content.state()
        },
      }
    },
    listVersions: (documentId, { kind, before, limit }) => {
      let cursor: VersionRow | undefined
      if (before !== undefined) {
        cursor = selectVersionSummary.get(before)
        if (!cursor || cursor.document_id !== documentId) return undefined
      }
      // One more than asked tells whether there is a next page.
      const rows = selectVersionPage.all({
        documentId,
        kind: kind ?? null,
        beforeAt: cursor?.created_at ?? null,
        beforeSeq: cursor?.seq ?? null,
        limit: limit + 1,
      })
      const page = rows.slice(0, limit)
      return { versions: page.map(toVersionSummary), next: rows.length > limit ? page[page.length - 1].id : null }
    },
    latestVersion: (documentId) => {
      const row = selectLatestVersion.get(documentId)
      return row && { ...toVersionSummary(row), contentHash: row.content_hash }
    },
    audit: (entry: AuditEntry) => {
      insertAudit.run({ ...entry, detail: JSON.stringify(entry.detail) })
    },
    listAudit: (documentId) =>
      selectAudit.all(documentId).map((row) => ({
        documentId: row.document_id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      })),
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    close: () => {
      try {
        releaseFreePages(db, 0)
      } finally {
        db.close()
      }
    },
  }
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024

/**
 * Free space kept in the file after a compaction: twice the largest document state (8 MiB, see
 * the README), so a room compacting every few seconds reuses the pages its last state freed
 * rather than shrinking the file and growing it again each time. Closing gives it all back.
 */
const KEEP_FREE_BYTES = 16 * 1024 * 1024

/**
 * Deleted rows (a compacted log, above all) leave free pages that SQLite keeps in the file unless
 * it is in incremental auto-vacuum mode, where `PRAGMA incremental_vacuum` hands them back. The
 * mode must be chosen before the first table is written (so before WAL mode, which writes the
 * header); a file created by an earlier version is rebuilt into it once, by VACUUM. A periodic
 * full VACUUM would also do, but it rewrites the whole file (every version of every resolution)
 * and holds the write lock while it does.
 */
function useIncrementalVacuum(db: Database.Database): void {
  if (db.pragma('auto_vacuum', { simple: true }) === AUTO_VACUUM_INCREMENTAL) return
  db.pragma('auto_vacuum = INCREMENTAL')
  if (Number(db.pragma('page_count', { simple: true })) > 0) db.exec('VACUUM')
}

const AUTO_VACUUM_INCREMENTAL = 2

/** Gives back the free pages beyond `keepBytes`; the file shrinks at the next WAL checkpoint. */
function releaseFreePages(db: Database.Database, keepBytes: number): void {
  const pageSize = Number(db.pragma('page_size', { simple: true }))
  const free = Number(db.pragma('freelist_count', { simple: true }))
  const release = pagesBeyond(free, keepBytes, pageSize)
  if (release > 0) db.exec(`PRAGMA incremental_vacuum(${release})`)
}

const pagesBeyond = (freePages: number, keepBytes: number, pageSize: number): number =>
  Math.max(0, freePages - Math.floor(keepBytes / pageSize))

function migrate(db: Database.Database): void {
  const applied = Number(db.pragma('user_version', { simple: true }))
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
