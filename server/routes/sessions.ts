import { Hono } from 'hono'
import { joinBody, previewQuery } from '../../shared/api/access'
import { credentialsOf, joinInSession } from '../access/credentials'
import { accessList, resolveAccess } from '../access/resolveAccess'
import { hashToken } from '../access/tokens'
import type { Store } from '../store/types'
import { validate } from './validate'

/** Opening an invite link, and asking who one is. */
export function sessionRoutes(store: Store) {
  const validInvite = (token: string) => {
    const invite = store.findInviteByTokenHash(hashToken(token))
    if (!invite) return { error: 'This link is not valid. Check that you copied all of it, or ask for a new one.', status: 404 as const }
    if (invite.revokedAt !== null) return { error: 'This link has been revoked. Ask the facilitator for a new one.', status: 403 as const }
    return { invite }
  }

  return new Hono()
    .get('/invites/preview', validate('query', previewQuery), (c) => {
      const found = validInvite(c.req.valid('query').token)
      if (!found.invite) return c.json({ error: found.error }, found.status)
      const { documentId, role, state, organisation } = found.invite
      return c.json({ documentTitle: store.getDocument(documentId)?.title ?? '', role, state, organisation })
    })
    .post('/sessions', validate('json', joinBody), (c) => {
      const { token, name } = c.req.valid('json')
      const found = validInvite(token)
      if (!found.invite) return c.json({ error: found.error }, found.status)
      joinInSession(c, store, found.invite.id, name)
      const result = resolveAccess(store, found.invite.documentId, { token })
      if (!result.ok) return c.json({ error: result.error }, result.status)
      return c.json({ documentId: found.invite.documentId, access: { ...result.access, name } }, 201)
    })
    .get('/me', (c) => c.json({ access: accessList(store, credentialsOf(c)).map(({ participantId: _, ...access }) => access) }))
}
