/**
 * What the printable pages (compilation text, version redline) share: escaping, the UN way of
 * printing paragraph numbers, redline marks that survive black-and-white printing, and A4 styles.
 */
import type { DiffSegment } from '../../shared/diff/wordDiff'
import type { ParagraphKind } from '../../shared/paragraphs/types'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe both in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}

/** Additions bold and underlined, deletions struck through: never dropped. */
export function renderRedline(segments: readonly DiffSegment[]): string {
  return segments
    .map((segment) => {
      const text = escapeHtml(segment.text)
      if (segment.op === 'insert') return `<ins>${text}</ins>`
      if (segment.op === 'delete') return `<del>${text}</del>`
      return text
    })
    .join('')
}

interface Numbered {
  kind: ParagraphKind
  number: string
}

/** What stands in front of a paragraph in print: "PP3", "4.", "(b)", nothing for a lone OP. */
export function printedNumber(p: Numbered): string {
  if (p.kind === 'pp') return p.number
  if (p.kind === 'sub') return p.number.match(/\([^)]*\)$/)?.[0] ?? p.number
  return p.number ? `${p.number}.` : ''
}

/** "4 (b)" is one level down, "4 (b) (ii)" two: indentation follows the reference. */
export function subDepth(p: Numbered): number {
  return p.kind === 'sub' ? Math.min((p.number.match(/\(/g) ?? []).length, 2) : 0
}

/** Serif, A4, the page frame and the redline marks; each page adds its own rules after these. */
export const PRINT_STYLE = `
@page { size: A4; margin: 2.5cm 2cm 2.5cm 2.5cm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 12pt; line-height: 1.45; color: #000; background: #fff; max-width: 17cm; margin: 1.5em auto; padding: 0 1em; }
header { margin-bottom: 1.5em; }
.symbol { text-align: right; font-weight: bold; margin: 0; }
h1 { font-size: 14pt; font-weight: bold; margin: 0.6em 0 0.2em; }
.subtitle { font-style: italic; margin: 0; }
.paragraph { margin: 0 0 1.1em; break-inside: avoid-page; }
.depth-1 { margin-left: 2.5em; }
.depth-2 { margin-left: 5em; }
.para-line { display: flex; gap: 0.6em; text-align: justify; }
.number { flex: none; min-width: 3em; }
.text { flex: 1; }
ins { font-weight: bold; text-decoration: underline; background: none; color: inherit; }
del { text-decoration: line-through; color: inherit; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  ins, del { display: inline !important; visibility: visible !important; }
}
`
