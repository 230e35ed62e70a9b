import { Hono } from 'hono'
import { compareQuery, DEFAULT_VERSIONS_PAGE, listVersionsQuery, nameVersionBody } from '../../shared/api/versions'
import { authorize } from '../access/authorize'
import { renderRedlineHtml } from '../versions/redlineHtml'
import { compare, listVersions, nameVersion, readVersion, restoreVersion, type VersionDeps } from '../versions/versionCommands'
import { validate } from './validate'

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param('id')!

/**
 * `/api/documents/:id/versions`. Everyone in the room lists, reads and compares versions; naming
 * and restoring are decided per command by the policy (facilitators).
 */
export function versionRoutes(deps: VersionDeps) {
  const read = authorize(deps.store, 'document.read')
  return new Hono()
    .get('/', read, validate('query', listVersionsQuery), (c) => {
      const { kind, before, limit } = c.req.valid('query')
      return c.json(listVersions(deps, id(c), { kind, before, limit: limit ? Number(limit) : DEFAULT_VERSIONS_PAGE }))
    })
    .post('/', read, validate('json', nameVersionBody), (c) =>
      c.json({ version: nameVersion(deps, id(c), c.var.access, c.req.valid('json')) }, 201),
    )
    .get('/:vid', read, (c) => c.json({ version: readVersion(deps, id(c), c.req.param('vid')) }))
    .post('/:vid/restore', read, (c) => c.json({ version: restoreVersion(deps, id(c), c.var.access, c.req.param('vid')) }))
}

/** `/api/documents/:id/compare`: the redline between two versions, or a version and the live text. */
export function compareRoutes(deps: VersionDeps) {
  const read = authorize(deps.store, 'document.read')
  return new Hono().get('/compare', read, validate('query', compareQuery), (c) => {
    const query = c.req.valid('query')
    const comparison = compare(deps, id(c), query)
    if (query.format !== 'html') return c.json(comparison)
    const document = deps.store.getDocument(id(c))!
    return c.html(
      renderRedlineHtml(comparison.redline, {
        title: document.title,
        symbol: document.symbol,
        fromLabel: comparison.from.label,
        toLabel: comparison.to.label,
        generatedAt: new Date().toISOString(),
      }),
    )
  })
}
