/**
 * The clean text as a PDF laid out as the UN prints a resolution (masthead, heading lines, title,
 * enacting formula, PPs unnumbered with italic openings, OPs numbered, sub-paragraphs hanging,
 * the adoption line, the closing rule), with footnotes at the foot of their pages.
 */
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { NumberedFootnote, Paragraph } from '../../shared/paragraphs/types'
import { cleanNumber } from '../print/printPage'
import { BODY_INDENT, bodyIndents } from './bodyIndents'
import { masthead, type Masthead } from './masthead'
import { type Block, composePdf, type Row, type Span } from './pdfComposer'
import { isNote, paragraphPieces, type TextPiece } from './textPieces'

/** Twips to points. */
export const pt = (twips: number): number => twips / 20

export function cleanPdf(reading: ResolutionReading): Promise<Buffer> {
  const head = masthead(reading)
  return composePdf({
    title: [head.symbol, head.title].filter(Boolean).join(' — ') || 'Draft resolution',
    language: head.language,
    direction: head.direction,
    runningHead: head.symbol,
    items: [
      ...mastheadItems(head),
      { spans: [{ text: head.title, bold: true }], start: pt(BODY_INDENT), end: pt(BODY_INDENT), before: 18, after: 12, keepWithNext: true },
      { spans: enactingSpans(head.enacting), start: pt(BODY_INDENT), firstStart: pt(BODY_INDENT * 2), after: 6, keepWithNext: true },
      ...reading.paragraphs.map((p) => paragraphBlock(p, cleanNumber(p), piecesToSpans(paragraphPieces(p, reading.language)))),
      ...(head.adoption ? [{ spans: [{ text: head.adoption }], align: 'end' as const, before: 18 }] : []),
      { spans: [{ text: '__________' }], align: 'center', before: 24 },
    ],
  })
}

/** United Nations and the symbol; the organ and the distribution block; then the heading lines. */
function mastheadItems(head: Masthead): (Block | Row)[] {
  return [
    {
      columns: [[{ spans: [{ text: head.unitedNations, bold: true }], size: 11 }], [{ spans: [{ text: head.symbol, bold: true }], size: 14, align: 'end' }]],
      ruleBelow: 0.5,
    },
    {
      columns: [
        [{ spans: [{ text: head.organ, bold: true }], size: 18, end: 180 }],
        head.distribution.map((line) => ({ spans: [{ text: line }], size: 10, start: 330 })),
      ],
      ruleBelow: 2,
    },
    ...head.lines.map((line): Block => ({ spans: [{ text: line.text, bold: line.bold }], before: line.field === 'sponsors' || line.field === 'adoptedBy' ? 12 : 0 })),
  ]
}

/** "*The General Assembly*,": the formula in italics, its comma upright. */
function enactingSpans(enacting: string): Span[] {
  const [, words, mark] = /^(.*?)([,:;，،]?)$/s.exec(enacting)!
  return [{ text: words, italic: true }, ...(mark ? [{ text: mark }] : [])]
}

export function piecesToSpans(pieces: readonly TextPiece[]): Span[] {
  return pieces.map((piece) => (isNote(piece) ? noteSpan(piece.note) : { text: piece.text, italic: piece.italics }))
}

export const noteSpan = (note: NumberedFootnote): Span => ({ text: String(note.number), note: note.number })

/** A body paragraph: justified, at the UN indents, its number (if any) in front of the first line. */
export function paragraphBlock(p: Pick<Paragraph, 'kind' | 'number' | 'footnotes'>, number: string, spans: Span[]): Block {
  const indents = bodyIndents(p)
  const label = number ? { spans: [{ text: number }], at: pt(indents.label) } : undefined
  return {
    spans,
    align: 'justify',
    start: pt(indents.start),
    end: pt(indents.end),
    firstStart: pt(number || p.kind === 'sub' ? indents.firstStart : indents.label),
    label,
    after: 6,
    notes: p.footnotes?.map((note) => ({ number: note.number, text: note.text })),
  }
}
