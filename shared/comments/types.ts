/**
 * Comments live beside the text, never inside it: an observer may comment but never changes the
 * text, so a comment is anchored from outside by two Yjs relative positions (start and end of the
 * commented words) and always names its paragraph, the fallback when those words are deleted.
 */

/** Base64 of `Y.encodeRelativePosition` for the start (`from`) and end (`to`) of the commented words. */
export interface CommentAnchor {
  from: string
  to: string
}

export interface CommentAuthor {
  /**
   * The credential behind the comment: the id of the invite link it was written with
   * (`Access.inviteId`). How the server knows whose comment it is.
   */
  credentialId: string
  name: string
  role: 'facilitator' | 'delegation' | 'observer'
  state: string | null
  organisation: string | null
}

export interface Comment {
  id: string
  documentId: string
  paragraphId: string
  /** null on replies and on comments about a whole paragraph. */
  anchor: CommentAnchor | null
  /** The words as they read when the comment was made, shown once they are removed; '' when hidden. */
  quote: string
  /** Plain text with line breaks and @mentions; always rendered escaped. */
  body: string
  /** The thread's first comment, for replies; null on a thread's first comment. */
  parentId: string | null
  author: CommentAuthor
  createdAt: string
  editedAt: string | null
  /** On a thread's first comment only. */
  resolved: boolean
  /** A facilitator hid it: the body is withheld, the trace ("hidden by …") stays. */
  hiddenBy: string | null
  /**
   * Its author deleted it: the body is gone (''). The server always lists it, so a thread keeps its
   * order; a client may leave out a deleted comment that has no replies.
   */
  deleted: boolean
}
