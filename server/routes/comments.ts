import { Hono } from 'hono'
import { createCommentBody, editCommentBody } from '../../shared/api/comments'
import type { CommandDeps } from '../amendments/amendmentCommands'
import { addComment, deleteComment, editComment, listComments, setResolved } from '../comments/commentCommands'
import { listPageQuery } from '../../shared/api/listPages'
import { authorize } from '../access/authorize'
import { pageOrRefuse } from './listPage'
import { validate } from './validate'

/**
 * `/api/documents/:id/comments`. Everyone in the room reads them; who may write, edit, resolve,
 * delete or hide is decided per command by the policy and by whose comment it is.
 */
export function commentRoutes(deps: CommandDeps) {
  const read = authorize(deps.store, 'document.read')
  const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param('id')!
  return new Hono()
    .get('/', read, validate('query', listPageQuery), (c) => {
      const { items, next } = pageOrRefuse(listComments(deps.store, id(c)), c.req.valid('query'), 'comments')
      return c.json({ comments: items, next })
    })
    .post('/', read, validate('json', createCommentBody), (c) =>
      c.json({ comment: addComment(deps, id(c), c.var.access, c.req.valid('json')) }, 201),
    )
    .patch('/:cid', read, validate('json', editCommentBody), (c) =>
      c.json({ comment: editComment(deps, id(c), c.var.access, c.req.param('cid'), c.req.valid('json').body) }),
    )
    .post('/:cid/resolve', read, (c) => c.json({ comment: setResolved(deps, id(c), c.var.access, c.req.param('cid'), true) }))
    .post('/:cid/reopen', read, (c) => c.json({ comment: setResolved(deps, id(c), c.var.access, c.req.param('cid'), false) }))
    .delete('/:cid', read, (c) => c.json({ comment: deleteComment(deps, id(c), c.var.access, c.req.param('cid')) }))
}
