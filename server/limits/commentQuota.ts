import type { Granted } from '../access/resolveAccess'
import type { Store } from '../store/types'
import { limitsOf } from './limitsOf'
import { count, personKey, tooMany, waitWords } from './tooMany'

/**
 * Called by `addComment` (server/comments/commentCommands.ts) before a comment or reply is
 * written: refuses with 429 when its author's credential has written `commentsPerPerson` in this
 * resolution (deleted and hidden ones count: their rows stay), or the person has written
 * `commentsPerMinute` in the last minute.
 */
export function checkCommentQuota(store: Store, documentId: string, access: Granted): void {
  const { settings, comments } = limitsOf(store)
  const written = store.listComments(documentId).filter((c) => c.author.credentialId === access.inviteId).length
  if (written >= settings.commentsPerPerson) {
    tooMany(`You have written ${count(written)} comments on this resolution, the most one person may write.`)
  }
  const answer = comments.take(personKey(access))
  if (!answer.ok) tooMany(`You have written ${count(comments.limit)} comments in the last minute; ${waitWords(answer)}.`)
}
