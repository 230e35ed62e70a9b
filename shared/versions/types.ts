/**
 * Versions: the sequence of texts a negotiation is read as (zero draft, Rev.1, Rev.2 …) and the
 * server's automatic checkpoints between them. A version keeps the encoded Yjs state (to restore)
 * and the paragraphs as the server read them (to list, read and compare without loading Yjs).
 */
import type { DiffSegment } from '../diff/wordDiff'
import type { Paragraph, ParagraphKind, ParagraphStatus } from '../paragraphs/types'

export const VERSION_KINDS = ['named', 'checkpoint'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** Why the server took a checkpoint. */
export type CheckpointReason = 'activity' | 'before-restore' | 'before-accept'

export interface VersionSummary {
  id: string
  documentId: string
  kind: VersionKind
  /** "Rev.1" for a named version; for a checkpoint, what it was taken before ("Before restoring Rev.1"). */
  label: string
  note: string
  reason: CheckpointReason | null
  /** Who named it (or whose action caused the checkpoint), as the audit log names people. */
  author: string | null
  createdAt: string
  paragraphCount: number
}

export interface Version extends VersionSummary {
  /** As `GET /api/documents/:id/paragraphs` gives them: numbering and statuses as they were. */
  paragraphs: Paragraph[]
}

/** One side of a paragraph in a comparison. */
export interface ParagraphSide {
  kind: ParagraphKind
  number: string
  text: string
  status: ParagraphStatus
}

export interface ParagraphChange {
  /** The paragraph id both versions share (paragraphs are aligned by id, never by position). */
  id: string
  change: 'added' | 'deleted' | 'changed' | 'unchanged'
  before: ParagraphSide | null
  after: ParagraphSide | null
  /** Word-level redline before.text → after.text ('' for a missing side). */
  segments: DiffSegment[]
  /** Its place among the paragraphs both versions have changed (not merely its number). */
  moved: boolean
  /** Its displayed number changed ("former OP7, now OP9"), moved or not. */
  renumbered: boolean
  statusChange: { from: ParagraphStatus; to: ParagraphStatus } | null
}

export interface VersionRedline {
  /** In the order of the newer text; deleted paragraphs where they stood in the older one. */
  paragraphs: ParagraphChange[]
  counts: { added: number; deleted: number; changed: number; moved: number; renumbered: number; statusChanged: number }
  /** One line for the top of the redline: "2 paragraphs added, 1 deleted, 3 changed, 1 moved; OP4 became agreed ad ref". */
  summary: string
}
