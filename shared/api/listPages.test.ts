import { describe, expect, it } from 'vitest'
import { DEFAULT_LIST_PAGE, listPageQuery, pageOf } from './listPages'

const items = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}` }))
const ids = (page: { items: Array<{ id: string }> } | undefined) => page?.items.map((item) => item.id)

describe('pageOf', () => {
  it('walks a list page by page, each item once, and ends with next: null', () => {
    const seen: string[] = []
    let after: string | undefined
    for (let pages = 0; pages < 10; pages++) {
      const page = pageOf(items, { after, limit: '3' })!
      seen.push(...ids(page)!)
      if (page.next === null) break
      after = page.next
    }
    expect(seen).toEqual(items.map((item) => item.id))
  })

  it('says there is no next page when the last page is exactly full', () => {
    expect(pageOf(items.slice(0, 6), { after: 'a2', limit: '3' })).toEqual({ items: [{ id: 'a3' }, { id: 'a4' }, { id: 'a5' }], next: null })
  })

  it('uses the default page size without a limit', () => {
    const many = Array.from({ length: DEFAULT_LIST_PAGE + 1 }, (_, i) => ({ id: String(i) }))
    const page = pageOf(many, {})!
    expect(page.items).toHaveLength(DEFAULT_LIST_PAGE)
    expect(page.next).toBe(String(DEFAULT_LIST_PAGE - 1))
  })

  it('refuses a cursor that names no item', () => {
    expect(pageOf(items, { after: 'forged' })).toBeUndefined()
  })

  it('reads only sensible limits from the query', () => {
    expect(listPageQuery.safeParse({ limit: '0' }).success).toBe(false)
    expect(listPageQuery.safeParse({ limit: '501' }).success).toBe(false)
    expect(listPageQuery.safeParse({ limit: '-1' }).success).toBe(false)
    expect(listPageQuery.safeParse({ limit: '20', after: 'a1' }).success).toBe(true)
  })
})
