import type { Compilation } from '../../shared/amendments/compile'
import { escapeHtml } from '../print/printPage'

/**
 * The compilation's HTML page (`GET …/compilation?format=html`) is split into pages when it is
 * long: a page holds whole paragraphs, with their proposals and comments, up to `budget`
 * characters of them (counted as JSON, about what they take as HTML), and at least one. A
 * negotiation with thousands of proposals once made a single 10.8 MB page (issue 13); a usual
 * resolution, even with many proposals, stays one page. The JSON and the exports stay whole.
 */
export interface CompilationPage {
  /** The compilation with this page's paragraphs only; its totals stay those of the whole. */
  compilation: Compilation
  /** 1-based. */
  page: number
  pages: number
  /** 1-based positions of the first and last paragraph shown, out of `of`. */
  first: number
  last: number
  of: number
}

/** Page `page` (1-based) of the compilation, or null when it has fewer pages. */
export function compilationPage(c: Compilation, page: number, budget: number): CompilationPage | null {
  const starts = [0]
  let used = 0
  c.paragraphs.forEach((p, i) => {
    const size = JSON.stringify(p).length
    if (used > 0 && used + size > budget) {
      starts.push(i)
      used = 0
    }
    used += size
  })
  if (page < 1 || page > starts.length) return null
  const from = starts[page - 1]!
  const to = starts[page] ?? c.paragraphs.length
  return {
    compilation: { ...c, paragraphs: c.paragraphs.slice(from, to) },
    page,
    pages: starts.length,
    first: from + 1,
    last: to,
    of: c.paragraphs.length,
  }
}

/**
 * "Page 2 of 7 (paragraphs 41–80 of 212) · Previous · Next", with links that keep the page's
 * filters (`query`), and where to get the whole text in one file. Empty for a one-page compilation.
 */
export function pageNavigation(at: CompilationPage, query: Record<string, string | undefined>): string {
  if (at.pages === 1) return ''
  const link = (page: number, words: string) => {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries(query)) if (value !== undefined && name !== 'page') params.set(name, value)
    params.set('page', String(page))
    return `<a href="?${escapeHtml(params.toString())}" rel="${page < at.page ? 'prev' : 'next'}">${words}</a>`
  }
  const parts = [
    `Page ${at.page} of ${at.pages} (paragraphs ${at.first}–${at.last} of ${at.of})`,
    at.page > 1 ? link(at.page - 1, 'Previous page') : '',
    at.page < at.pages ? link(at.page + 1, 'Next page') : '',
    'The whole compilation text in one file: <a href="export?format=docx&amp;view=compilation">Word</a> or <a href="export?format=pdf&amp;view=compilation">PDF</a>',
  ]
  return `<nav class="pages" aria-label="Pages of the compilation text"><p>${parts.filter(Boolean).join(' · ')}</p></nav>`
}
