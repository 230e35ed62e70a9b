/**
 * The clean text as a Word document, laid out the way the UN lays out a draft resolution:
 *
 *                                                                  A/C.3/74/L.31   (bold, right)
 *   United Nations                                                                 (bold)
 *   General Assembly                               Distr.: Limited                 (bold)
 *                                                  12 November 2024
 *                                                  Original: English
 *   Seventy-fourth session
 *   Agenda item 70 (b)
 *   Brazil, Chile and Mexico: draft resolution                                     (italic)
 *
 *      Title of the resolution                                                     (bold)
 *
 *          The General Assembly,                                                   (italic)
 *          Recalling its resolution …,                      PPs: italic opening, no number
 *          1.   Urges all States …;                         OPs: "1." then italic verb
 *                 (a)   to protect …;                       sub-paragraphs hang their "(a)"
 *                                 __________
 *
 * Which heading lines are printed, and how, is masthead.ts's model: only the lines the text has.
 * Footnotes are Word footnotes, their references where the markers stand. An Arabic text's
 * paragraphs are right-to-left (w:bidi) and its runs too (w:rtl).
 *
 * Times New Roman 12 pt on A4, page numbers in the footer, the symbol at the top of every later
 * page. Numbers are literal text, so reading the file back gives "1." and "(a)" again.
 */
import { AlignmentType, FootnoteReferenceRun, type IParagraphOptions, type IRunOptions, Paragraph, type ParagraphChild, TextRun } from 'docx'
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { Language, Paragraph as ResolutionParagraph } from '../../shared/paragraphs/types'
import { cleanNumber } from '../print/printPage'
import { BODY_INDENT } from './bodyIndents'
import { bodyLayout, closingRule, numberRuns, packDocument, symbolLine } from './docxShared'
import { masthead, type Masthead } from './masthead'
import { isNote, paragraphPieces } from './textPieces'

/** Where the distribution block starts: about two thirds across the page. */
const DISTRIBUTION_INDENT = 5670

/** How paragraphs and runs are set for the text's direction. */
interface Direction {
  paragraph: Pick<IParagraphOptions, 'bidirectional'>
  run: IRunOptions
}

export async function cleanDocx(reading: ResolutionReading): Promise<Buffer> {
  const head = masthead(reading)
  const rtl = head.direction === 'rtl'
  const direction: Direction = { paragraph: rtl ? { bidirectional: true } : {}, run: rtl ? { rightToLeft: true } : {} }
  const { symbol } = head
  return packDocument({
    title: reading.title || symbol || 'Draft resolution',
    symbol,
    description: [symbol, 'clean text'].filter(Boolean).join(' — '),
    children: [
      ...headingBlock(head, direction),
      ...titleBlock(head, direction),
      ...reading.paragraphs.map((p) => bodyParagraph(p, direction, reading.language)),
      ...(head.adoption ? [line(head.adoption, direction, { alignment: AlignmentType.END, spacing: { before: 360 } })] : []),
      closingRule(),
    ],
  })
}

function line(text: string, direction: Direction, options: Partial<IParagraphOptions> = {}, run: IRunOptions = {}): Paragraph {
  return new Paragraph({ ...direction.paragraph, ...options, children: [new TextRun({ ...direction.run, ...run, text })] })
}

/** United Nations, the symbol, the organ, the distribution block as far as the text has one, then the heading lines. */
function headingBlock(head: Masthead, direction: Direction): Paragraph[] {
  const lines: Paragraph[] = []
  if (head.symbol) lines.push(symbolLine(head.symbol))
  lines.push(line(head.unitedNations, direction, {}, { bold: true }))
  if (head.organ) lines.push(line(head.organ, direction, { spacing: { after: 240 } }, { bold: true, size: 32 }))
  head.distribution.forEach((text, i) => {
    const last = i === head.distribution.length - 1
    lines.push(line(text, direction, { indent: { start: DISTRIBUTION_INDENT }, spacing: { after: last ? 360 : 0 } }))
  })
  for (const heading of head.lines) {
    const spaced = heading.field === 'sponsors' || heading.field === 'adoptedBy'
    lines.push(line(heading.text, direction, spaced ? { spacing: { before: 240 } } : {}, { bold: heading.bold }))
  }
  return lines
}

function titleBlock(head: Masthead, direction: Direction): Paragraph[] {
  return [
    line(head.title, direction, { indent: { start: BODY_INDENT, end: BODY_INDENT }, spacing: { before: 360, after: 240 }, keepNext: true }, { bold: true }),
    line(head.enacting, direction, { indent: { start: BODY_INDENT, firstLine: 567 }, spacing: { after: 120 }, keepNext: true }, { italics: true }),
  ]
}

/** The number, the text with its italic opening, and a Word footnote where each marker stands. */
function bodyParagraph(p: ResolutionParagraph, direction: Direction, language: Language): Paragraph {
  const children: ParagraphChild[] = paragraphPieces(p, language).map((piece) =>
    isNote(piece)
      ? new FootnoteReferenceRun({ children: [new Paragraph({ ...direction.paragraph, children: [new TextRun({ ...direction.run, text: piece.note.text })] })] })
      : new TextRun({ ...direction.run, text: piece.text, italics: piece.italics }),
  )
  return new Paragraph({
    ...bodyLayout(p),
    ...direction.paragraph,
    children: [...numberRuns(cleanNumber(p), direction.run), ...children],
  })
}
