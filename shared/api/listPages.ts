import { z } from 'zod'

/**
 * Long lists (proposals, comments) come a page at a time, oldest first, so that no one response
 * grows with the room: a page holds at most `limit` items and names the cursor of the next page
 * (`after`), or `next: null` on the last one.
 */
export const DEFAULT_LIST_PAGE = 200
export const MAX_LIST_PAGE = 500

export const listPageQuery = z.object({
  after: z.string().min(1, 'after: the next cursor of the previous page').max(100, 'after: not a cursor').optional(),
  limit: z
    .string()
    .regex(/^\d+$/, `limit: a whole number from 1 to ${MAX_LIST_PAGE}`)
    .refine((value) => Number(value) >= 1 && Number(value) <= MAX_LIST_PAGE, `limit: from 1 to ${MAX_LIST_PAGE}`)
    .optional(),
})
export type ListPageQuery = z.infer<typeof listPageQuery>

export interface ListPage<T> {
  items: T[]
  next: string | null
}

/**
 * The page of `items` (in their order) that starts after the item whose id is `after`; undefined
 * when `after` names no item of the list (a stale or forged cursor).
 */
export function pageOf<T extends { id: string }>(items: readonly T[], query: ListPageQuery): ListPage<T> | undefined {
  const limit = query.limit === undefined ? DEFAULT_LIST_PAGE : Number(query.limit)
  const start = query.after === undefined ? 0 : items.findIndex((item) => item.id === query.after) + 1
  if (start === 0 && query.after !== undefined) return undefined
  const page = items.slice(start, start + limit)
  return { items: page, next: start + limit < items.length ? page[page.length - 1].id : null }
}
