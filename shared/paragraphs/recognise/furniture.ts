/**
 * Page furniture: what a PDF prints on every page and a copy drags into the text — job numbers,
 * barcodes, page numbers, the running header, the rule above the footnotes. None of it is ever
 * part of a resolution, in any language.
 */
import type { DroppedLine } from '../types'

/** "24-21345 (E) 121124 131124", "GE.24-12345(E)"; the barcode "*2421345*" and the date code "121124" when alone. */
const JOB_NUMBER = /^(?:GE\.|NY\.)?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,3}(?:\s+\*\d{5,9}\*)?$/
const BARCODE = /^(?:\*\d{5,9}[A-Z]?\*|\d{6})$/
const PAGE_NUMBER = /^(?:\d{1,3}\/\d{1,3}|-\s*\d{1,3}\s*-|Page \d{1,3}(?: of \d{1,3})?|\d{1,3})$/i
/** Page number and job number side by side in a footer: "2/3 24-21345", "24-21345 2/3". */
const FOOTER = /^(?:\d{1,3}\/\d{1,3}\s+\d{2}-\d{4,6}(?:\s*\([A-Z]\))?|\d{2}-\d{4,6}(?:\s*\([A-Z]\))?\s+\d{1,3}\/\d{1,3})$/
const RECYCLE = /^(?:Please recycle|Merci de recycler|Sírvase reciclar|Просьба отправить на вторичную переработку|请回收|يرجى إعادة استعمال الورق)\b/i
const SEPARATOR = /^[_\-–—=.·\s]{3,}$/
/** The stars that close a press release's text: "* *** *". */
const END_MARK = /^[*\s]{3,}$/

/** A UN document symbol: "A/C.3/79/L.12/Rev.1", "A/HRC/RES/57/3", "S/RES/2712 (2023)", "E/2024/L.12". */
export const SYMBOL = /\b[A-Z]{1,6}(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*){2,}(?: \(\d{4}\))?\*?/

/** The symbol in a line, if it has one with a number in it (so "AND/OR/NOT" is no symbol). */
export function findSymbol(line: string): string {
  const match = SYMBOL.exec(line)
  return match && /\d/.test(match[0]) ? match[0].replace(/\*$/, '') : ''
}

export type FurnitureReason = DroppedLine['reason']

export interface FurnitureContext {
  symbol: string
  title: string
}

/** Why this line is page furniture, or null when it is text. */
export function furnitureReason(line: string, context: FurnitureContext): FurnitureReason | null {
  if (line === '') return null
  if (SEPARATOR.test(line)) return 'footnote-separator'
  if (JOB_NUMBER.test(line) || BARCODE.test(line) || PAGE_NUMBER.test(line) || FOOTER.test(line) || RECYCLE.test(line) || END_MARK.test(line)) {
    return 'page-furniture'
  }
  if (isRunningHeader(line, context)) return 'running-header'
  return null
}

/**
 * The header of every page after the first: the symbol, alone or beside the title (or its start).
 * A paragraph never consists of the document's own symbol.
 */
function isRunningHeader(line: string, { symbol, title }: FurnitureContext): boolean {
  const printed = findSymbol(line)
  if (printed && line.replace(/\*$/, '') === printed) return true
  if (symbol && line.includes(symbol)) {
    const rest = line.replace(symbol, '').trim()
    return rest === '' || (title !== '' && rest.length >= 8 && title.startsWith(rest))
  }
  // A page header that repeats the title's start, without the symbol (it was cut off in the copy).
  return title.length > 20 && line.length >= 20 && line === title
}
