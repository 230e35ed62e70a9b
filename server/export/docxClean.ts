/**
 * The clean text as a Word document, laid out the way the UN lays out a draft resolution:
 *
 *                                                                  A/C.3/74/L.31   (bold, right)
 *   General Assembly                                                               (bold)
 *                                                  Distr.: Limited
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
 * Times New Roman 12 pt on A4, page numbers in the footer, the symbol at the top of every later
 * page. Numbers are literal text, so reading the file back gives "1." and "(a)" again.
 */
import { Paragraph, TextRun } from 'docx'
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { Paragraph as ResolutionParagraph } from '../../shared/paragraphs/types'
import {
  BODY_INDENT,
  bodyLayout,
  cleanNumber,
  closingRule,
  numberRuns,
  openingRuns,
  packDocument,
  symbolLine,
  unDate,
} from './docxShared'

export interface CleanDocxMeta {
  /** When the text was taken (ISO); dates the distribution block. */
  generatedAt: string
}

const DEFAULT_ENACTING = 'The General Assembly,'
/** Where the distribution block starts: about two thirds across the page. */
const DISTRIBUTION_INDENT = 5670

export async function cleanDocx(reading: ResolutionReading, meta: CleanDocxMeta): Promise<Buffer> {
  const enacting = reading.enacting.trim() || DEFAULT_ENACTING
  const { symbol } = reading.heading
  return packDocument({
    title: reading.title || symbol || 'Draft resolution',
    symbol,
    description: [symbol, 'clean text'].filter(Boolean).join(' — '),
    children: [
      ...headingBlock(reading, enacting, meta),
      ...titleBlock(reading.title, enacting),
      ...reading.paragraphs.map(bodyParagraph),
      closingRule(),
    ],
  })
}

/** Symbol, organ, distribution block, session, agenda item and sponsors. */
function headingBlock(reading: ResolutionReading, enacting: string, meta: CleanDocxMeta): Paragraph[] {
  const { symbol, session, agendaItem, sponsors } = reading.heading
  const organ = organName(enacting)
  const lines: Paragraph[] = []
  if (symbol) lines.push(symbolLine(symbol))
  if (organ) {
    lines.push(new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: organ, bold: true, size: 32 })] }))
  }
  const distribution = [`Distr.: ${isLimited(symbol) ? 'Limited' : 'General'}`, unDate(meta.generatedAt), 'Original: English']
  distribution.forEach((text, i) => {
    lines.push(
      new Paragraph({
        indent: { left: DISTRIBUTION_INDENT },
        spacing: { before: i === 2 ? 240 : 0, after: i === 2 ? 360 : 0 },
        children: [new TextRun(text)],
      }),
    )
  })
  if (session) lines.push(new Paragraph({ children: [new TextRun(session)] }))
  if (agendaItem) lines.push(new Paragraph({ children: [new TextRun(agendaItemLine(agendaItem))] }))
  if (sponsors) {
    lines.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: sponsors, italics: true })] }))
  }
  return lines
}

function titleBlock(title: string, enacting: string): Paragraph[] {
  return [
    new Paragraph({
      indent: { left: BODY_INDENT, right: BODY_INDENT },
      spacing: { before: 360, after: 240 },
      keepNext: true,
      children: [new TextRun({ text: title, bold: true })],
    }),
    new Paragraph({
      indent: { left: BODY_INDENT, firstLine: 567 },
      spacing: { after: 120 },
      keepNext: true,
      children: [new TextRun({ text: enacting, italics: true })],
    }),
  ]
}

function bodyParagraph(p: ResolutionParagraph): Paragraph {
  return new Paragraph({
    ...bodyLayout(p),
    children: [...numberRuns(cleanNumber(p)), ...openingRuns(p)],
  })
}

/** "The General Assembly," → "General Assembly"; "" when the line does not name an organ that way. */
function organName(enacting: string): string {
  return /^The (.+?),?$/.exec(enacting.trim())?.[1]?.trim() ?? ''
}

/** L-documents (drafts) are of limited distribution; everything else general. */
function isLimited(symbol: string): boolean {
  return /\/L\.\d/.test(symbol)
}

/** "70 (b)" → "Agenda item 70 (b)"; a line that already says so is kept as it is. */
function agendaItemLine(agendaItem: string): string {
  return /^agenda items?\b/i.test(agendaItem.trim()) ? agendaItem : `Agenda item ${agendaItem}`
}
