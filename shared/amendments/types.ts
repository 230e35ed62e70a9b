/**
 * Amendments (proposals) and paragraph statuses: the commands of a negotiation, kept by the server
 * beside the text. A proposal always names the paragraph it is about by id, so it survives
 * renumbering; it records the paragraph text it was drafted against, so it can be rebased or
 * flagged when the text moves on.
 */

export const AMENDMENT_KINDS = ['replace', 'delete', 'insert-after'] as const
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number]

/** `merged`: its language went into compromise wording accepted with another proposal. */
export const AMENDMENT_STATUSES = ['pending', 'accepted', 'merged', 'rejected', 'withdrawn', 'superseded'] as const
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number]

/**
 * What a decision did, recorded when it is taken, so that it reads in plain words and can be
 * reopened exactly ("superseded by the acceptance of Mexico's proposal").
 */
export interface Decision {
  /** Who decided ("Ana (facilitator)"), or who withdrew. */
  by: string
  at: string
  /**
   * accepted: itself; merged: the proposal accepted with the compromise its language went into;
   * superseded: the proposal whose acceptance replaced the text it was drafted on.
   */
  acceptedId?: string
  /** accepted: the other proposals merged into its compromise. */
  mergedIds?: string[]
  /** accepted: the wording was the facilitator's compromise language, not the proposal as tabled. */
  compromise?: boolean
  /** accepted replace: the paragraph's text just before and just after, to undo exactly this change. */
  textBefore?: string
  textAfter?: string
  /** accepted insert-after: the paragraph it created. */
  insertedParagraphId?: string
  /** accepted delete: the paragraph removed, and the one it stood after (null: first of its part). */
  removed?: { kind: 'pp' | 'op'; level: number; text: string; afterParagraphId: string | null }
}

export interface Amendment {
  id: string
  documentId: string
  /** The paragraph replaced or deleted, or the one a new paragraph is inserted after. */
  paragraphId: string
  kind: AmendmentKind
  /** New wording (replace), or the new paragraph's text (insert-after); '' for delete. */
  text: string
  /** For insert-after: the kind of the new paragraph. */
  newParagraphKind: 'pp' | 'op' | null
  /** The paragraph's text when the proposal was made. */
  baseText: string
  note: string
  /** The State the proposal is made in the name of (set by the server from the session). */
  state: string
  /** Set when a facilitator entered it for a State that sent it by e-mail. */
  enteredBy: string | null
  supporters: string[]
  objectors: string[]
  status: AmendmentStatus
  createdAt: string
  decidedAt: string | null
  /** The latest decision on it (null while pending, and again once a decision is reopened). */
  decision: Decision | null
  /** Made on a paragraph that was agreed or agreed ad ref: it asks to reopen agreed language. */
  reopensAgreed: boolean
}

/** One line of a paragraph's story, in plain words, from the audit log. */
export interface TimelineEvent {
  at: string
  /** "Ana (facilitator)", "Delegation of Mexico" … */
  actor: string
  action: string
  /** "Mexico proposed new wording", "OP 3 set to agreed ad ref", "Rev.1 saved" … */
  words: string
  amendmentId?: string
}
