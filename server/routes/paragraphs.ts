import { Hono } from 'hono'
import { statusBody } from '../../shared/api/amendments'
import { type CommandDeps, currentParagraphs, setStatus } from '../amendments/amendmentCommands'
import { paragraphTimeline } from '../amendments/timeline'
import { authorize } from '../access/authorize'
import { validate } from './validate'

/** `/api/documents/:id/paragraphs`: the server's reading of the text, paragraph statuses and each paragraph's story. */
export function paragraphRoutes(deps: CommandDeps) {
  const read = authorize(deps.store, 'document.read')
  return new Hono()
    .get('/', read, (c) => c.json(currentParagraphs(deps, c.req.param('id')!)))
    .get('/:pid/timeline', read, (c) => c.json({ events: paragraphTimeline(deps.store, c.req.param('id')!, c.req.param('pid')) }))
    .put('/:pid/status', read, validate('json', statusBody), (c) =>
      c.json({ paragraph: setStatus(deps, c.req.param('id')!, c.var.access, c.req.param('pid'), c.req.valid('json').status) }),
    )
}
