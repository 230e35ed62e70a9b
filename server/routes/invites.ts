import { Hono } from 'hono'
import { createInviteBody } from '../../shared/api/access'
import { authorize } from '../access/authorize'
import { inviteUrl, newInvite, presentInvite } from '../access/invites'
import { newToken } from '../access/tokens'
import type { Rooms } from '../collab/rooms'
import type { EventHub } from '../events/eventHub'
import type { Store } from '../store/types'
import { validate } from './validate'

/** `/api/documents/:id/invites`: the facilitators' "People" panel. */
export function inviteRoutes(store: Store, rooms: Rooms, hub: EventHub) {
  return new Hono()
    .get('/', authorize(store, 'invites.manage'), (c) => {
      const documentId = c.req.param('id')!
      const participants = store.listParticipants(documentId)
      const invites = store.listInvites(documentId).map((invite) => presentInvite(invite, participants, c.var.access.inviteId))
      return c.json({ invites })
    })
    .post('/', authorize(store, 'invites.manage'), validate('json', createInviteBody), (c) => {
      const token = newToken()
      const invite = newInvite(c.req.param('id')!, c.req.valid('json'), token)
      store.createInvite(invite)
      return c.json({ id: invite.id, token, url: inviteUrl(new URL(c.req.url).origin, token) }, 201)
    })
    .delete('/:inviteId', authorize(store, 'invites.manage'), (c) => {
      const documentId = c.req.param('id')!
      const invite = store.getInvite(c.req.param('inviteId'))
      if (!invite || invite.documentId !== documentId) return c.json({ error: 'No invite link with this id' }, 404)
      if (invite.id === c.var.access.inviteId) {
        return c.json({ error: 'You cannot revoke the link you are using. Ask another facilitator.' }, 400)
      }
      if (invite.revokedAt === null) {
        store.revokeInvite(invite.id, Date.now())
        // Access is checked when a connection opens, so open connections (collaboration sockets
        // with 4403, event streams) are closed now.
        rooms.disconnectInvite(documentId, invite.id)
        hub.revoke(invite.id)
      }
      const revoked = presentInvite(store.getInvite(invite.id)!, store.listParticipants(documentId), c.var.access.inviteId)
      return c.json({ invite: revoked })
    })
}
