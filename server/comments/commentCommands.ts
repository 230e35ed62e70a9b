import * as Y from 'yjs'
import type { CreateCommentBody } from '../../shared/api/comments'
import type { Comment, CommentAnchor, CommentAuthor } from '../../shared/comments/types'
import { randomId } from '../../shared/randomId'
import { actorOf, refuse, requireAction } from '../access/enforce'
import type { Granted } from '../access/resolveAccess'
import { type CommandDeps, currentParagraphs } from '../amendments/amendmentCommands'
import { checkCommentQuota } from '../limits/commentQuota'
import type { Store } from '../store/types'

/**
 * The comment commands: comment, reply, edit, resolve, reopen, delete or hide. As with proposals,
 * each asks the policy first and takes the author from the caller's access, never from the
 * request; "own comment" means written with the same credential (invite link). Each change is
 * stored, audited and announced to the room as `{ type: 'comments' }`.
 *
 * Nothing is ever removed: a deleted comment keeps its row with the body erased, a hidden one
 * keeps its body in the store but withheld from everyone, so a thread always reads in order and
 * says what happened to each of its comments.
 */


const authorOf = (access: Granted): CommentAuthor => ({
  credentialId: access.inviteId,
  name: access.name,
  role: access.role,
  state: access.state,
  organisation: access.organisation,
})

const isOwn = (comment: Comment, access: Granted) => comment.author.credentialId === access.inviteId

/** What everyone is shown: the body of a hidden or deleted comment (and a hidden one's quote) is withheld. */
export function presentComment(comment: Comment): Comment {
  if (comment.hiddenBy !== null) return { ...comment, body: '', quote: '' }
  if (comment.deleted) return { ...comment, body: '' }
  return comment
}

export function listComments(store: Store, documentId: string): Comment[] {
  return store.listComments(documentId).map(presentComment)
}

function commentOrRefuse(store: Store, documentId: string, commentId: string): Comment {
  const comment = store.getComment(commentId)
  if (!comment || comment.documentId !== documentId) return refuse(404, 'No comment with this id')
  return comment
}

function record(deps: CommandDeps, documentId: string, access: Granted, at: number, action: string, detail: Record<string, unknown>): void {
  deps.store.audit({ documentId, at, actor: actorOf(access), action, detail })
  deps.hub.publish(documentId, { type: 'comments' })
}

/**
 * The schema already checked that each end is base64; here it must also be a relative position
 * that Yjs can read back, byte for byte, so garbage never reaches the browsers that resolve it.
 * (Positions written without the trailing `assoc` field, as older Yjs did, are a prefix of their
 * re-encoding, and are accepted.)
 */
function checkAnchor(anchor: CommentAnchor): void {
  for (const end of ['from', 'to'] as const) {
    const bytes = new Uint8Array(Buffer.from(anchor[end], 'base64'))
    let reencoded: Uint8Array
    try {
      reencoded = Y.encodeRelativePosition(Y.decodeRelativePosition(bytes))
    } catch {
      return refuse(400, `anchor: ${end} is not an encoded Yjs relative position`)
    }
    const canonical = bytes.length > 0 && bytes.length <= reencoded.length && bytes.every((byte, i) => reencoded[i] === byte)
    if (!canonical) refuse(400, `anchor: ${end} is not an encoded Yjs relative position`)
  }
}

export function addComment(deps: CommandDeps, documentId: string, access: Granted, body: CreateCommentBody): Comment {
  requireAction(access, 'comment.write')
  checkCommentQuota(deps.store, documentId, access)
  let paragraphId: string
  let parentId: string | null = null
  if (body.parentId) {
    const parent = deps.store.getComment(body.parentId)
    if (!parent || parent.documentId !== documentId) return refuse(404, 'parentId: no comment with this id')
    if (parent.parentId !== null) refuse(400, 'parentId: reply to the first comment of the thread')
    // A reply belongs to its thread, which stays attached to its paragraph even after the
    // paragraph has left the text; so the paragraph is not checked again here.
    paragraphId = parent.paragraphId
    parentId = parent.id
  } else {
    const wanted = body.paragraphId ?? refuse(400, 'paragraphId: required (or parentId for a reply)')
    const exists = currentParagraphs(deps, documentId).some((p) => p.id === wanted)
    if (!exists) refuse(404, 'paragraphId: no paragraph with this id in the resolution')
    if (body.anchor) checkAnchor(body.anchor)
    paragraphId = wanted
  }
  const createdAt = Date.now()
  const comment = deps.store.createComment({
    id: randomId('c-', 10),
    documentId,
    paragraphId,
    anchor: parentId === null && body.anchor ? { from: body.anchor.from, to: body.anchor.to } : null,
    quote: parentId === null ? (body.quote ?? '') : '',
    body: body.body,
    parentId,
    author: authorOf(access),
    createdAt,
  })
  record(deps, documentId, access, createdAt, parentId ? 'comment.reply' : 'comment.add', {
    commentId: comment.id,
    paragraphId,
    ...(parentId ? { parentId } : {}),
  })
  return presentComment(comment)
}

export function editComment(deps: CommandDeps, documentId: string, access: Granted, commentId: string, body: string): Comment {
  requireAction(access, 'comment.write')
  const comment = commentOrRefuse(deps.store, documentId, commentId)
  if (!isOwn(comment, access)) refuse(403, 'You can only edit your own comments.')
  if (comment.deleted) refuse(409, 'This comment was deleted.')
  if (comment.hiddenBy !== null) refuse(409, `This comment was hidden by ${comment.hiddenBy} and can no longer be edited.`)
  if (body === comment.body) return presentComment(comment)
  const at = Date.now()
  deps.store.editComment(comment.id, body, at)
  record(deps, documentId, access, at, 'comment.edit', { commentId })
  return presentComment(deps.store.getComment(comment.id)!)
}

/** Anyone who may comment resolves or reopens a thread; doing it twice changes nothing. */
export function setResolved(
  deps: CommandDeps,
  documentId: string,
  access: Granted,
  commentId: string,
  resolved: boolean,
): Comment {
  requireAction(access, 'comment.write')
  const comment = commentOrRefuse(deps.store, documentId, commentId)
  if (comment.parentId !== null) refuse(400, 'A reply cannot be resolved or reopened; its thread can (use the first comment).')
  if (comment.resolved === resolved) return presentComment(comment)
  const at = Date.now()
  deps.store.setCommentResolved(comment.id, resolved, at)
  record(deps, documentId, access, at, resolved ? 'comment.resolve' : 'comment.reopen', { commentId })
  return presentComment(deps.store.getComment(comment.id)!)
}

/**
 * DELETE means two things: its author deletes their own comment (the body is erased), a
 * facilitator hides someone else's (the body is withheld, "hidden by …" shows). Both leave a trace.
 */
export function deleteComment(deps: CommandDeps, documentId: string, access: Granted, commentId: string): Comment {
  requireAction(access, 'comment.write')
  const comment = commentOrRefuse(deps.store, documentId, commentId)
  const at = Date.now()
  if (isOwn(comment, access)) {
    if (comment.deleted) refuse(409, 'This comment is already deleted.')
    deps.store.deleteComment(comment.id, at)
    record(deps, documentId, access, at, 'comment.delete', { commentId })
  } else {
    requireAction(access, 'comment.moderate')
    if (comment.deleted) refuse(409, 'Its author already deleted this comment.')
    if (comment.hiddenBy !== null) refuse(409, `This comment is already hidden by ${comment.hiddenBy}.`)
    deps.store.hideComment(comment.id, access.name, at)
    record(deps, documentId, access, at, 'comment.hide', { commentId, author: comment.author.name })
  }
  return presentComment(deps.store.getComment(comment.id)!)
}
