/**
 * Amendments (proposals) and paragraph statuses: the commands of a negotiation, kept by the server
 * beside the text. A proposal always names the paragraph it is about by id, so it survives
 * renumbering; it records the paragraph text it was drafted against, so it can be rebased or
 * flagged when the text moves on.
 */

export const AMENDMENT_KINDS = ['replace', 'delete', 'insert-after'] as const
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number]

export const AMENDMENT_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number]

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
}
