import type { ResolutionSummary } from '../../shared/paragraphs/readResolution'

export interface DocumentRecord extends ResolutionSummary {
  id: string
  createdAt: number
  /** Time of the last text change, in ms since the epoch. */
  updatedAt: number
}

export interface StoredUpdate {
  seq: number
  data: Uint8Array
}

/**
 * Storage behind one small interface (ARCHITECTURE §7): the embedded default is SQLite; a
 * deployment that outgrows one machine implements the same interface on PostgreSQL.
 */
export interface Store {
  createDocument(record: DocumentRecord, initialState: Uint8Array): void
  getDocument(id: string): DocumentRecord | undefined
  listDocuments(): DocumentRecord[]
  updateSummary(id: string, summary: ResolutionSummary, updatedAt: number): void

  /** Appends one Yjs update to the document's log, durably, and returns its sequence number. */
  appendUpdate(documentId: string, update: Uint8Array): number
  loadUpdates(documentId: string): StoredUpdate[]
  /** Replaces every update up to `upToSeq` with one merged update, atomically. */
  compactUpdates(documentId: string, upToSeq: number, merged: Uint8Array): void

  close(): void
}
