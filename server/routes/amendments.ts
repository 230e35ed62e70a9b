import { Hono } from 'hono'
import { acceptBody, createAmendmentBody, reopenBody } from '../../shared/api/amendments'
import { type CommandDeps, propose, reject, retable, takePosition, withdraw } from '../amendments/amendmentCommands'
import { accept, reopen } from '../amendments/decide'
import { listPageQuery } from '../../shared/api/listPages'
import { authorize } from '../access/authorize'
import { pageOrRefuse } from './listPage'
import { validate } from './validate'

/**
 * `/api/documents/:id/amendments`. Everyone in the room reads them; what else a caller may do is
 * decided per command by the policy (a delegation proposes in its own name, facilitators decide).
 */
export function amendmentRoutes(deps: CommandDeps) {
  const read = authorize(deps.store, 'document.read')
  const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param('id')!
  return new Hono()
    .get('/', read, validate('query', listPageQuery), (c) => {
      const { items, next } = pageOrRefuse(deps.store.listAmendments(id(c)), c.req.valid('query'), 'proposals')
      return c.json({ amendments: items, next })
    })
    .post('/', read, validate('json', createAmendmentBody), (c) =>
      c.json({ amendment: propose(deps, id(c), c.var.access, c.req.valid('json')) }, 201),
    )
    .post('/:aid/support', read, (c) =>
      c.json({ amendment: takePosition(deps, id(c), c.var.access, c.req.param('aid'), 'support') }),
    )
    .post('/:aid/object', read, (c) =>
      c.json({ amendment: takePosition(deps, id(c), c.var.access, c.req.param('aid'), 'object') }),
    )
    .post('/:aid/withdraw', read, (c) => c.json({ amendment: withdraw(deps, id(c), c.var.access, c.req.param('aid')) }))
    .post('/:aid/reject', read, (c) => c.json({ amendment: reject(deps, id(c), c.var.access, c.req.param('aid')) }))
    .post('/:aid/accept', read, validate('json', acceptBody), (c) =>
      c.json({ amendment: accept(deps, id(c), c.var.access, c.req.param('aid'), c.req.valid('json')) }),
    )
    .post('/:aid/reopen', read, validate('json', reopenBody), (c) =>
      c.json({ amendment: reopen(deps, id(c), c.var.access, c.req.param('aid'), c.req.valid('json').reason) }),
    )
    .post('/:aid/retable', read, (c) => c.json({ amendment: retable(deps, id(c), c.var.access, c.req.param('aid')) }, 201))
}
