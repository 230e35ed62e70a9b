import { createMiddleware } from 'hono/factory'
import { type Action, can, DENIED } from '../../shared/policy/policy'
import type { Store } from '../store/types'
import { credentialsOf } from './credentials'
import { type Granted, resolveAccess } from './resolveAccess'

export type AccessEnv = { Variables: { access: Granted } }

/**
 * The one gate in front of every route under /api/documents/:id. It asks the policy whether the
 * caller may do `action` to this resolution and hands the decision's subject (`access`) to the
 * route; a route never looks at credentials itself.
 */
export function authorize(store: Store, action: Action) {
  return createMiddleware<AccessEnv>(async (c, next) => {
    const documentId = c.req.param('id') ?? ''
    if (!store.getDocument(documentId)) return c.json({ error: 'No resolution with this id' }, 404)
    const result = resolveAccess(store, documentId, credentialsOf(c))
    if (!result.ok) return c.json({ error: result.error }, result.status)
    if (!can(result.access.role, action)) return c.json({ error: DENIED[action] }, 403)
    c.set('access', result.access)
    await next()
  })
}
