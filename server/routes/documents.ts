import { Hono } from 'hono'
import { createDocumentBody, type DocumentListItem } from '../../shared/api/documents'
import { randomId } from '../../shared/randomId'
import { authorize } from '../access/authorize'
import { credentialsOf, ensureSession } from '../access/credentials'
import { inviteUrl } from '../access/invites'
import { accessList } from '../access/resolveAccess'
import { hashToken, sameSecret } from '../access/tokens'
import { createResolution, MissingTitleError } from '../documents/createResolution'
import type { DocumentRecord, Store } from '../store/types'
import { validate } from './validate'

const toListItem = (record: DocumentRecord): DocumentListItem => ({
  id: record.id,
  title: record.title,
  symbol: record.symbol,
  ppCount: record.ppCount,
  opCount: record.opCount,
  updatedAt: new Date(record.updatedAt).toISOString(),
})

export interface DocumentRoutesDeps {
  store: Store
  /** When set, creating a resolution needs `Authorization: Bearer <createToken>`. */
  createToken?: string
}

export function documentRoutes({ store, createToken }: DocumentRoutesDeps) {
  return new Hono()
    .get('/', (c) => {
      const ids = accessList(store, credentialsOf(c)).map((access) => access.documentId)
      return c.json({ documents: store.listDocuments(ids).map(toListItem) })
    })
    .post('/', validate('json', createDocumentBody), (c) => {
      if (createToken && !sameSecret(credentialsOf(c).token ?? '', createToken)) {
        return c.json({ error: 'Creating resolutions on this server needs its creation key.' }, 403)
      }
      const body = c.req.valid('json')
      let created
      try {
        created = createResolution(store, body)
      } catch (error) {
        if (error instanceof MissingTitleError) return c.json({ error: error.message }, 400)
        throw error
      }
      // The browser that created it is signed in as its facilitator straight away.
      if (body.name) {
        const now = Date.now()
        store.joinInvite({
          id: randomId('u-', 10),
          inviteId: created.creator.id,
          sessionHash: hashToken(ensureSession(c)),
          name: body.name,
          joinedAt: now,
          lastSeenAt: now,
        })
      }
      const url = inviteUrl(new URL(c.req.url).origin, created.token)
      return c.json({ id: created.id, token: created.token, url }, 201)
    })
    .get('/:id', authorize(store, 'document.read'), (c) =>
      c.json({ document: toListItem(store.getDocument(c.req.param('id'))!) }),
    )
}
