/**
 * What the printable pages (compilation text, version redline) share: escaping, the UN way of
 * printing paragraph numbers, redline marks that survive black-and-white printing, and A4 styles.
 */
import { isNote, type RedlinePiece } from '../export/textPieces'
import type { ParagraphKind } from '../../shared/paragraphs/types'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe both in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}

/** Additions bold and underlined, deletions struck through: never dropped; footnote markers raised. */
export function renderRedline(segments: readonly RedlinePiece[]): string {
  return segments
    .map((segment) => {
      if (isNote(segment)) return footnoteMarker(segment.note)
      const text = escapeHtml(segment.text)
      if (segment.op === 'insert') return `<ins>${text}</ins>`
      if (segment.op === 'delete') return `<del>${text}</del>`
      return text
    })
    .join('')
}

/** A footnote's number, raised where its marker stands, linking to its text when the page has it. */
export const footnoteMarker = (note: { number: number }): string =>
  `<sup class="footnote-ref"><a href="#fn-${note.number}" id="fnref-${note.number}">${note.number}</a></sup>`

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

/**
 * What stands in front of a paragraph in the clean text: nothing for a PP (UN documents do not
 * print PP numbers), "4." for an OP, "(b)" or "(ii)" for a sub-paragraph, nothing for a lone OP.
 */
export function cleanNumber(p: Numbered): string {
  return p.kind === 'pp' ? '' : printedNumber(p)
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
sup.footnote-ref { font-size: 0.7em; line-height: 0; }
sup.footnote-ref a { color: inherit; text-decoration: none; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  ins, del { display: inline !important; visibility: visible !important; }
}
`
