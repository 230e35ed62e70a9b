import { type ListPage, type ListPageQuery, pageOf } from '../../shared/api/listPages'
import { refuse } from '../access/enforce'

/** A page of a long list (see shared/api/listPages), or 400 for a cursor that is not one of its items. */
export function pageOrRefuse<T extends { id: string }>(items: readonly T[], query: ListPageQuery, what: string): ListPage<T> {
  return pageOf(items, query) ?? refuse(400, `after: not a cursor of this resolution’s ${what}; start again without it`)
}
