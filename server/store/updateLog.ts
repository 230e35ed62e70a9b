import * as Y from 'yjs'
import type { Store, StoredUpdate } from './types'

/**
 * How a row of the update log is encoded. Updates are stored as clients send them, and compacted
 * states too, in Yjs v1: the wire format, which a first client can be sent as it is (storedState)
 * and which Yjs applies faster than v2. The SQLite store compresses compacted states with Brotli,
 * which makes them smaller than v2 (50,000 typing updates: 1.30 MB v1, 0.53 MB v2, 0.47 MB v1 +
 * Brotli) without a v2 → v1 conversion on the way to that first client (0.09–0.15 s of CPU for
 * that document).
 * `v2` rows were written by an earlier build of this store and are still read.
 */
export type UpdateEncoding = 'v1' | 'v2'

export function applyStoredUpdate(doc: Y.Doc, update: StoredUpdate): void {
  if (update.encoding === 'v2') Y.applyUpdateV2(doc, update.data)
  else Y.applyUpdate(doc, update.data)
}

/**
 * A log this long costs two to three times as much to replay as its merged state, so loading one
 * compacts it at once: only the first load after a crash pays, not every load until the room's
 * own compaction runs.
 */
export const COMPACT_ON_LOAD_ROWS = 200

/**
 * The document as stored. A stored update that Yjs cannot read (a damaged disk, a bad restore) is
 * skipped and reported, so the rest of the resolution still loads rather than nobody reaching it;
 * a log with a damaged row is then left as it is for someone to examine.
 */
export function loadDocument(
  store: Store,
  documentId: string,
  log: (message: string, error?: unknown) => void = () => {},
): { doc: Y.Doc; lastSeq: number } {
  // A guid of our own: Yjs would draw a random one, 31 calls to the crypto source per document opened.
  const doc = new Y.Doc({ guid: documentId })
  const rows = store.loadUpdates(documentId)
  let damaged = false
  for (const row of rows) {
    try {
      applyStoredUpdate(doc, row)
    } catch (error) {
      damaged = true
      log(`stored update ${row.seq} of ${documentId} is damaged and was skipped`, error)
    }
  }
  const lastSeq = rows.at(-1)?.seq ?? 0
  if (!damaged && rows.length > COMPACT_ON_LOAD_ROWS) {
    try {
      compactDocument(store, documentId, doc, lastSeq)
    } catch (error) {
      // The log is intact, only longer than it should be: loading must not fail for this.
      log(`compacting ${documentId} on load failed`, error)
    }
  }
  return { doc, lastSeq }
}

/** Replaces the log up to `upToSeq` (all of which `doc` holds) with the document's state. */
export function compactDocument(store: Store, documentId: string, doc: Y.Doc, upToSeq: number): void {
  store.compactUpdates(documentId, upToSeq, Y.encodeStateAsUpdate(doc), 'v1')
}

/**
 * The stored document as one v1 update, the form the wire carries, read without building a Y.Doc:
 * when the log is one compacted row (as an unloaded room leaves it), a first client can be sent
 * this while the server is still loading the document. Otherwise undefined.
 */
export function storedState(store: Store, documentId: string): Uint8Array | undefined {
  const rows = store.loadUpdates(documentId)
  if (rows.length !== 1) return undefined
  return rows[0].encoding === 'v2' ? Y.convertUpdateFormatV2ToV1(rows[0].data) : rows[0].data
}
