/**
 * What the three .docx exports (clean text, compilation text, redline) share: the page, the font,
 * the UN paragraph layout (indents and tab stops per kind of paragraph), paragraph numbers as
 * literal text, italic opening words, and the page-number footer.
 *
 * Numbers are written as text ("4.", "(b)"), not as Word list numbering: a reader of the file
 * (mammoth, the import) then gets "4." back, and the exported numbers are exactly the ones the
 * negotiators cite. A tab separates the number from the text.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx'
import type { ParagraphKind } from '../../shared/paragraphs/types'
import { bodyIndents } from './bodyIndents'

export const FONT = 'Times New Roman'
/** Half-points: 12 pt. */
export const BODY_SIZE = 24
export const SMALL_SIZE = 20

// Twips (1/1440 inch; 567 ≈ 1 cm). A4 with the print stylesheet's margins (2.5 / 2 / 2.5 / 2.5 cm).
const PAGE_WIDTH = 11906
const PAGE_HEIGHT = 16838
const MARGIN = { top: 1418, right: 1134, bottom: 1418, left: 1418, header: 709, footer: 709 }

/** Space after each body paragraph (6 pt). */
export const PARAGRAPH_AFTER = 120

export interface Numbered {
  kind: ParagraphKind
  number: string
}

/** The indents and tab stops of one paragraph, by its kind and depth (see bodyIndents.ts). */
export function bodyLayout(p: Numbered): Pick<IParagraphOptions, 'indent' | 'tabStops' | 'alignment' | 'spacing'> {
  const { start, firstStart, label, end } = bodyIndents(p)
  const base = { alignment: AlignmentType.JUSTIFIED, spacing: { after: PARAGRAPH_AFTER } } as const
  if (p.kind === 'sub') {
    return { ...base, indent: { left: start, hanging: start - label, right: end }, tabStops: [{ type: TabStopType.LEFT, position: start }] }
  }
  return { ...base, indent: { left: start, firstLine: label - start, right: end }, tabStops: [{ type: TabStopType.LEFT, position: firstStart }] }
}

/** The number and the tab after it, as run children; nothing when there is no number. */
export function numberChildren(number: string): (string | Tab)[] {
  return number ? [number, new Tab()] : []
}

/** The number and its tab as a plain run; no run at all when there is no number. */
export function numberRuns(number: string, options: IRunOptions = {}): TextRun[] {
  return number ? [new TextRun({ ...options, children: numberChildren(number) })] : []
}

/** One piece of a paragraph's text; `italics` only when it falls in the italic opening. */
export interface TextPiece {
  text: string
  italics?: true
}

/** Cuts `text`, which starts at `offset` of a paragraph whose first `italic` characters are italic. */
export function splitAtOpening(text: string, offset: number, italic: number): TextPiece[] {
  const cut = Math.min(Math.max(italic - offset, 0), text.length)
  const pieces: TextPiece[] = []
  if (cut > 0) pieces.push({ text: text.slice(0, cut), italics: true })
  if (cut < text.length) pieces.push({ text: text.slice(cut) })
  return pieces
}

/** Text with line breaks as separate runs joined by breaks (Word's Shift+Enter). */
export function lineRuns(text: string, options: IRunOptions = {}): TextRun[] {
  return text.split(/\r\n?|\n/).map((line, i) => new TextRun({ ...options, text: line, break: i === 0 ? undefined : 1 }))
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]

/** "2024-11-12T09:30:00Z" → "12 November 2024" (UTC), as UN documents date themselves; other text as given. */
function unDate(iso: string): string {
  const date = new Date(iso)
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(date.getTime())) return iso
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** "2024-11-12T09:30:00Z" → "12 November 2024, 09:30 UTC"; other text as given. */
export function unDateTime(iso: string): string {
  const day = unDate(iso)
  if (day === iso) return iso
  const date = new Date(iso)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${day}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`
}

/** The symbol at the top right, bold, as on the first page of a UN document. */
export function symbolLine(symbol: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { after: 120 },
    children: [new TextRun({ text: symbol, bold: true, size: 28 })],
  })
}

/** The short centred rule that ends a UN document. */
export function closingRule(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 480 },
    children: [new TextRun('__________')],
  })
}

/** A centred page number at the foot of every page; the symbol at the top right from page 2 on. */
function pageFrame(symbol: string): Pick<ISectionOptions, 'headers' | 'footers' | 'properties'> {
  const pageNumber = (): Footer =>
    new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
    })
  return {
    properties: {
      titlePage: true,
      page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: MARGIN },
    },
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: symbol, bold: true })] })],
      }),
    },
    footers: { first: pageNumber(), default: pageNumber() },
  }
}

export interface DocumentShell {
  /** The document's title in its properties (File › Info). */
  title: string
  symbol: string
  description: string
  children: Paragraph[]
  /** Writes w:trackRevisions, so further edits in Word are tracked too (the redline). */
  trackRevisions?: boolean
}

/** Times New Roman 12 pt on A4, page numbers in the footer; packed to a Buffer. */
export async function packDocument(shell: DocumentShell): Promise<Buffer> {
  const doc = new Document({
    creator: 'Penholder',
    lastModifiedBy: 'Penholder',
    title: shell.title,
    description: shell.description,
    features: shell.trackRevisions ? { trackRevisions: true } : undefined,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 240 } } },
      },
    },
    sections: [{ ...pageFrame(shell.symbol), children: shell.children }],
  })
  return Packer.toBuffer(doc)
}
