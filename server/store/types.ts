import type { Amendment, AmendmentStatus, Decision } from '../../shared/amendments/types'
import type { Comment } from '../../shared/comments/types'
import type { ResolutionSummary } from '../../shared/paragraphs/readResolution'
import type { ParagraphStatus } from '../../shared/paragraphs/types'
import type { Role } from '../../shared/policy/policy'
import type { CheckpointReason, Version, VersionKind, VersionSummary } from '../../shared/versions/types'
import type { UpdateEncoding } from './updateLog'

export interface DocumentRecord extends ResolutionSummary {
  id: string
  createdAt: number
  /** Time of the last text change, in ms since the epoch. */
  updatedAt: number
}

export interface StoredUpdate {
  seq: number
  data: Uint8Array
  /** Apply with `applyStoredUpdate` (updateLog), which picks the decoder. */
  encoding: UpdateEncoding
}

/** An invite link. Its token is never stored, only its SHA-256 hash. */
export interface InviteRecord {
  id: string
  documentId: string
  role: Role
  state: string | null
  organisation: string | null
  tokenHash: string
  createdAt: number
  revokedAt: number | null
}

/** One browser session that opened one invite link, under a name. */
export interface ParticipantRecord {
  id: string
  inviteId: string
  sessionHash: string
  name: string
  joinedAt: number
  lastSeenAt: number
}

export type NewAmendment = Omit<Amendment, 'supporters' | 'objectors' | 'status' | 'decidedAt' | 'createdAt' | 'decision'> & {
  createdAt: number
}

/** A comment as it is written: the store sets the rest (not edited, open, neither hidden nor deleted). */
export type NewComment = Omit<Comment, 'createdAt' | 'editedAt' | 'resolved' | 'hiddenBy' | 'deleted'> & { createdAt: number }

/** A version as it is written: the state to restore, the paragraphs to read, and its content hash. */
export interface NewVersion {
  id: string
  documentId: string
  kind: VersionKind
  label: string
  note: string
  reason: CheckpointReason | null
  author: string | null
  createdAt: number
  /** `Y.encodeStateAsUpdate` (v1) of the live document; the store keeps it in v2, compressed. */
  state: Uint8Array
  paragraphs: Version['paragraphs']
  /** What identical consecutive states are recognised by (see versionCommands). */
  contentHash: string
}

export interface StoredVersion extends Version {
  /** In the v1 encoding, as it was given; decoded only when read. */
  state: Uint8Array
  contentHash: string
}

export interface VersionPage {
  /** Newest first. */
  versions: VersionSummary[]
  /** The cursor for the next (older) page, or null when this is the last one. */
  next: string | null
}

/** One line of the audit log: who did what to which resolution. */
export interface AuditEntry {
  documentId: string
  at: number
  /** "Ana (facilitator)", "Delegation of Mexico" … */
  actor: string
  action: string
  detail: Record<string, unknown>
}

/**
 * Storage behind one small interface (ARCHITECTURE §7): the embedded default is SQLite; a
 * deployment that outgrows one machine implements the same interface on PostgreSQL.
 */
export interface Store {
  /** Creates the document with its first Yjs update and its creator's facilitator invite, atomically. */
  createDocument(record: DocumentRecord, initialState: Uint8Array, creatorInvite: InviteRecord): void
  getDocument(id: string): DocumentRecord | undefined
  /** The documents these invites give access to, newest change first. */
  listDocuments(ids: readonly string[]): DocumentRecord[]
  updateSummary(id: string, summary: ResolutionSummary, updatedAt: number): void

  /** Appends one Yjs update to the document's log, durably, and returns its sequence number. */
  appendUpdate(documentId: string, update: Uint8Array): number
  loadUpdates(documentId: string): StoredUpdate[]
  /**
   * Replaces every update up to `upToSeq` with one merged update (v1 unless said), atomically and
   * compressed, then gives the file system back what free space exceeds a working margin (all of
   * it on close). A version of the same state (the checkpoint a room takes as it unloads) and
   * the merged update are stored once, whichever is written first.
   */
  compactUpdates(documentId: string, upToSeq: number, merged: Uint8Array, encoding?: UpdateEncoding): void

  createInvite(invite: InviteRecord): void
  getInvite(id: string): InviteRecord | undefined
  findInviteByTokenHash(tokenHash: string): InviteRecord | undefined
  listInvites(documentId: string): InviteRecord[]
  revokeInvite(id: string, at: number): void

  /** Records that a session opened an invite (again: the name and time are updated). */
  joinInvite(participant: ParticipantRecord): ParticipantRecord
  /** The invites a session has opened, newest first. */
  participationsOf(sessionHash: string): ParticipantRecord[]
  listParticipants(documentId: string): ParticipantRecord[]
  touchParticipant(id: string, at: number): void
  /**
   * Hands every participation of one session over to another (a rotated session id), keeping the
   * participant ids; answers how many moved. Used only when the server issues a new session.
   */
  moveParticipations(fromSessionHash: string, toSessionHash: string): number

  createAmendment(amendment: NewAmendment): Amendment
  getAmendment(id: string): Amendment | undefined
  listAmendments(documentId: string): Amendment[]
  setPosition(amendmentId: string, state: string, position: 'support' | 'object', at: number): void
  /** Records a decision (or a withdrawal): the status, when, and what it did. */
  setAmendmentStatus(id: string, status: AmendmentStatus, at: number, decision: Decision): void
  /**
   * Marks the other pending proposals to replace or delete a paragraph superseded, recording the
   * decision that did it; returns their ids.
   */
  supersedePending(documentId: string, paragraphId: string, exceptIds: readonly string[], at: number, decision: Decision): string[]
  /** A decision reopened: the proposal is pending again, with no decision. */
  reopenAmendment(id: string): void
  /**
   * The texts each paragraph has had (as hashes), so a proposal drafted on an earlier text can be
   * accounted for: remembered as the room saves, asked when a proposal comes in.
   */
  rememberParagraphTexts(documentId: string, texts: readonly { paragraphId: string; textHash: string }[], at: number): void
  knowsParagraphText(documentId: string, paragraphId: string, textHash: string): boolean
  setParagraphStatus(documentId: string, paragraphId: string, status: ParagraphStatus, at: number): void
  paragraphStatuses(documentId: string): Map<string, ParagraphStatus>

  createComment(comment: NewComment): Comment
  /** The comment as stored: a hidden comment keeps its body here; presenting it is the caller's job. */
  getComment(id: string): Comment | undefined
  /** Every comment of a resolution, replies included, oldest first. */
  listComments(documentId: string): Comment[]
  editComment(id: string, body: string, at: number): void
  setCommentResolved(id: string, resolved: boolean, at: number): void
  /** Its author deleted it: the body is erased for good, the row stays as a trace. */
  deleteComment(id: string, at: number): void
  /** A facilitator hid it: the body is kept but withheld from everyone. */
  hideComment(id: string, hiddenBy: string, at: number): void

  createVersion(version: NewVersion): VersionSummary
  /** The version with its state and paragraphs. */
  getVersion(id: string): StoredVersion | undefined
  /**
   * One page of a resolution's versions, newest first. `before` is the `next` of the previous
   * page (a version id); a cursor that names no version of this resolution is refused.
   */
  listVersions(documentId: string, options: { kind?: VersionKind; before?: string; limit: number }): VersionPage | undefined
  /** The newest version of either kind, with its content hash, without the state. */
  latestVersion(documentId: string): (VersionSummary & { contentHash: string }) | undefined

  audit(entry: AuditEntry): void
  /** The audit log of a resolution, oldest first. */
  listAudit(documentId: string): AuditEntry[]
  /** Runs `work` atomically. */
  transaction<T>(work: () => T): T

  close(): void
}
