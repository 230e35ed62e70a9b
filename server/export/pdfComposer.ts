/**
 * A small typesetter on pdfkit for the PDF exports: A4 pages, blocks of styled text broken into
 * justified lines, footnotes at the foot of the page on which their marker stands, a page number
 * on every page and the symbol at the top of every page after the first.
 *
 * pdfkit draws text; this module decides where. Each character is set in the first embedded face
 * that has it (pdfFonts.ts), so Latin, Cyrillic, Arabic and Chinese mix in one line. Right-to-left
 * text follows the Unicode bidirectional algorithm (bidi-js): a line's pieces are ordered by their
 * embedding levels (rule L2), fontkit shapes each Arabic piece and sets its glyphs right to left,
 * and the neutral characters of a right-to-left piece (brackets, spaces) are reversed and mirrored
 * here. Positions are "start" and "end" insets, mirrored for a right-to-left document, so the
 * layouts of the views are written once for both directions.
 */
import bidiFactory from 'bidi-js'
import PDFDocument from 'pdfkit'
import { faceFor, fontData, type FontFace } from './pdfFonts'

const PAGE_WIDTH = 595.28
const PAGE_HEIGHT = 841.89
/** 2.5 cm above, below and on the start side, 2 cm on the end side, as the print stylesheet. */
const MARGIN = { top: 70.9, bottom: 70.9, start: 70.9, end: 56.7 }
const BODY_SIZE = 12
const NOTE_SIZE = 10
const SUPERSCRIPT = 0.62

export interface Span {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  /** A footnote marker: the span's text is the number, set small and raised. */
  note?: number
}

export interface Footnote {
  number: number
  text: string
}

/** One paragraph of the page. Insets are in points from the start and end margins. */
export interface Block {
  spans: Span[]
  size?: number
  align?: 'start' | 'end' | 'center' | 'justify'
  start?: number
  end?: number
  /** Where the first line starts; `start` when absent. */
  firstStart?: number
  /** What stands in front of the first line ("4.", "(b)"), at this inset. */
  label?: { spans: Span[]; at: number }
  before?: number
  after?: number
  keepWithNext?: boolean
  /** The bodies of the footnotes whose markers are in `spans`. */
  notes?: Footnote[]
  /** A vertical rule on the start side, as beside a proposal. */
  ruleStart?: boolean
}

/** Blocks side by side (the masthead): one stack per column, a rule under the row. */
export interface Row {
  columns: Block[][]
  ruleBelow?: number
}

export interface PdfModel {
  title: string
  language: string
  direction: 'ltr' | 'rtl'
  /** At the top of every page after the first: the symbol. */
  runningHead: string
  items: (Block | Row)[]
}

export async function composePdf(model: PdfModel): Promise<Buffer> {
  const fonts = await loadFonts(model)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: model.language,
    displayTitle: true,
    info: { Title: model.title, Creator: 'Penholder', Producer: 'Penholder' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  new Composer(doc, model, fonts).run()
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** Reads every face the text needs before any layout, so the layout itself stays synchronous. */
async function loadFonts(model: PdfModel): Promise<Map<string, Buffer>> {
  const wanted = new Map<string, FontFace>()
  const visit = (spans: readonly Span[]) => {
    for (const span of spans) {
      for (const ch of span.text) {
        const face = faceFor(ch.codePointAt(0)!, styleOf(span))
        wanted.set(face.file, face)
      }
    }
  }
  const visitBlock = (block: Block) => {
    visit(block.spans)
    visit(block.label?.spans ?? [])
    block.notes?.forEach((note) => visit(noteBlock(note).spans))
  }
  visit([{ text: `${model.runningHead}0123456789` }])
  for (const item of model.items) {
    if ('columns' in item) item.columns.flat().forEach(visitBlock)
    else visitBlock(item)
  }
  const entries = await Promise.all([...wanted.values()].map(async (face) => [face.file, await fontData(face)] as const))
  return new Map(entries)
}

const styleOf = (span: Span) => ({ bold: Boolean(span.bold), italic: Boolean(span.italic) })

/** A footnote as printed at the foot of the page: its number raised, hanging in front of the text. */
function noteBlock(note: Footnote): Block {
  return {
    spans: [{ text: note.text }],
    size: NOTE_SIZE,
    align: 'justify',
    start: 14,
    label: { spans: [{ text: String(note.number), note: note.number }], at: 0 },
  }
}

/** A run of characters with one style, face and embedding level: the unit pdfkit draws. */
interface Piece {
  /** In drawing order: reversed and mirrored here when it is right-to-left and not Arabic. */
  text: string
  span: Span
  face: FontFace
  size: number
  level: number
  width: number
}

interface Line {
  pieces: Piece[]
  start: number
  height: number
  last: boolean
  /** The footnotes whose markers stand on this line: they go to the foot of its page. */
  notes: Footnote[]
}

interface LaidBlock {
  block: Block
  lines: Line[]
  label: Piece[]
}

const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/
/** A break opportunity after every space, and around every Chinese character (keeping closing punctuation with it). */
const TOKEN = /[\u2E80-\u9FFF\uF900-\uFAFF][\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\uFF09\u300D\u300F\u300B\u3009\u3011]*\s*|[^\s\u2E80-\u9FFF\uF900-\uFAFF]+\s*|\s+/g

class Composer {
  private readonly bidi = bidiFactory()
  private readonly registered = new Set<string>()
  private y = MARGIN.top
  private page = 1
  private pageNotes: LaidBlock[] = []

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: PdfModel,
    private readonly fonts: ReadonlyMap<string, Buffer>,
  ) {}

  run(): void {
    this.model.items.forEach((item, i) => {
      if ('columns' in item) this.placeRow(item)
      else this.placeBlock(item, this.model.items[i + 1])
    })
    this.finishPage()
  }

  private get contentWidth(): number {
    return PAGE_WIDTH - MARGIN.start - MARGIN.end
  }

  /** The x of a stretch `width` wide whose start edge is `inset` from the start margin. */
  private x(inset: number, width: number): number {
    return this.model.direction === 'rtl' ? PAGE_WIDTH - MARGIN.start - inset - width : MARGIN.start + inset
  }

  private lineHeight(size: number): number {
    return size * (this.model.direction === 'rtl' ? 1.6 : 1.3)
  }

  private useFace(face: FontFace, size: number): PDFKit.PDFDocument {
    if (!this.registered.has(face.file)) {
      this.doc.registerFont(face.file, this.fonts.get(face.file)!)
      this.registered.add(face.file)
    }
    return this.doc.font(face.file).fontSize(size)
  }

  // ---- line breaking ----

  private layout(block: Block): LaidBlock {
    const size = block.size ?? BODY_SIZE
    const text = block.spans.map((span) => span.text).join('')
    const owner: Span[] = block.spans.flatMap((span) => Array.from({ length: span.text.length }, () => span))
    const { levels } = this.bidi.getEmbeddingLevels(text, this.model.direction)
    const pieces = (from: number, to: number) => this.pieces(text, owner, levels, from, to, size)
    const start = block.start ?? 0
    const label = block.label ? this.labelPieces(block.label.spans, size) : []
    const labelEnd = block.label ? block.label.at + widthOf(label) + size * 0.5 : 0
    const firstStart = Math.max(block.firstStart ?? start, labelEnd)
    const lines: Line[] = []
    let current: { from: number; to: number; width: number }[] = []
    const flush = (last: boolean) => {
      if (current.length === 0 && lines.length > 0) return
      // Piece by piece per word, so that justification can widen every space between words.
      const logical = current.flatMap((token, i) => pieces(token.from, i === current.length - 1 ? trimEnd(text, token.from, token.to) : token.to))
      const notes = logical.filter((p) => p.span.note !== undefined).map((p) => p.span.note!)
      lines.push({
        pieces: this.visualOrder(logical),
        start: lines.length === 0 ? firstStart : start,
        height: this.lineHeight(size),
        last,
        notes: (block.notes ?? []).filter((note) => notes.includes(note.number)),
      })
      current = []
    }
    for (const match of text.matchAll(TOKEN)) {
      const from = match.index
      const to = from + match[0].length
      const available = this.contentWidth - (lines.length === 0 ? firstStart : start) - (block.end ?? 0)
      const used = current.reduce((sum, token) => sum + token.width, 0)
      const ink = widthOf(pieces(from, trimEnd(text, from, to)))
      if (current.length && used + ink > available) flush(false)
      current.push({ from, to, width: widthOf(pieces(from, to)) })
    }
    flush(true)
    return { block, lines, label }
  }

  private labelPieces(spans: readonly Span[], size: number): Piece[] {
    const text = spans.map((span) => span.text).join('')
    const owner = spans.flatMap((span) => Array.from({ length: span.text.length }, () => span))
    const { levels } = this.bidi.getEmbeddingLevels(text, this.model.direction)
    return this.visualOrder(this.pieces(text, owner, levels, 0, text.length, size))
  }

  /** Characters from..to cut wherever the style, the face or the embedding level changes. */
  private pieces(text: string, owner: readonly Span[], levels: Uint8Array, from: number, to: number, size: number): Piece[] {
    const out: Piece[] = []
    let face: FontFace | undefined
    let i = from
    while (i < to) {
      const span = owner[i]
      const level = levels[i]
      const codePoint = text.codePointAt(i)!
      face = faceFor(codePoint, styleOf(span), face)
      let j = i + (codePoint > 0xffff ? 2 : 1)
      while (j < to && owner[j] === span && levels[j] === level) {
        const next = text.codePointAt(j)!
        if (faceFor(next, styleOf(span), face) !== face) break
        j += next > 0xffff ? 2 : 1
      }
      out.push(this.piece(text.slice(i, j), span, face, level, size))
      i = j
    }
    return out
  }

  private piece(logical: string, span: Span, face: FontFace, level: number, size: number): Piece {
    const pieceSize = span.note !== undefined ? size * SUPERSCRIPT : size
    const reversed = level % 2 === 1 && !RTL_SCRIPT.test(logical) ? Array.from(logical).reverse().join('') : logical
    // Brackets in right-to-left text are drawn mirrored: "(" reads as ")" from the right.
    const text = level % 2 === 1 ? Array.from(reversed, (ch) => this.bidi.getMirroredCharacter(ch) ?? ch).join('') : reversed
    return { text, span, face, size: pieceSize, level, width: this.useFace(face, pieceSize).widthOfString(text) }
  }

  /** Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above. */
  private visualOrder(pieces: Piece[]): Piece[] {
    const out = [...pieces]
    const levels = out.map((p) => p.level)
    const odd = levels.filter((level) => level % 2 === 1)
    if (odd.length === 0) return out
    for (let level = Math.max(...levels); level >= Math.min(...odd); level--) {
      let i = 0
      while (i < out.length) {
        if (out[i].level < level) {
          i++
          continue
        }
        let j = i
        while (j < out.length && out[j].level >= level) j++
        out.splice(i, j - i, ...out.slice(i, j).reverse())
        i = j
      }
    }
    return out
  }

  // ---- placing ----

  private placeBlock(block: Block, next: Block | Row | undefined): void {
    const laid = this.layout(block)
    if (this.y > MARGIN.top) this.y += block.before ?? 0
    const height = laid.lines.reduce((sum, line) => sum + line.height, 0)
    const following = next && !('columns' in next) ? this.lineHeight(next.size ?? BODY_SIZE) * 2 : 0
    if (block.keepWithNext && this.y + height + following > this.bottom([]) && this.y > MARGIN.top) this.newPage()
    laid.lines.forEach((line, i) => {
      const notes = line.notes.map((note) => this.layout(noteBlock(note)))
      if (this.y + line.height > this.bottom(notes) && this.y > MARGIN.top) this.newPage()
      // The number first, so that text extraction reads "1. Calls upon", as printed.
      if (i === 0) this.drawLabel(laid, this.y)
      this.drawLine(line, block, this.y)
      if (block.ruleStart) this.rule(this.x((block.start ?? 0) - 7, 0), this.y, this.x((block.start ?? 0) - 7, 0), this.y + line.height, 1)
      this.pageNotes.push(...notes)
      this.y += line.height
    })
    this.y += block.after ?? 0
  }

  private placeRow(row: Row): void {
    const top = this.y
    let bottom = top
    for (const column of row.columns) {
      this.y = top
      column.forEach((block) => {
        this.y += block.before ?? 0
        for (const line of this.layout(block).lines) {
          this.drawLine(line, block, this.y)
          this.y += line.height
        }
        this.y += block.after ?? 0
      })
      bottom = Math.max(bottom, this.y)
    }
    this.y = bottom + 2
    const left = this.x(0, this.contentWidth)
    if (row.ruleBelow) this.rule(left, this.y, left + this.contentWidth, this.y, row.ruleBelow)
    this.y += 6
  }

  /** Where the text must stop on this page: above the footnotes already on it and `more`. */
  private bottom(more: readonly LaidBlock[]): number {
    const lines = [...this.pageNotes, ...more].flatMap((note) => note.lines)
    return PAGE_HEIGHT - MARGIN.bottom - (lines.length ? 10 + lines.reduce((sum, line) => sum + line.height, 0) : 0)
  }

  private drawLabel(laid: LaidBlock, top: number): void {
    if (!laid.block.label || laid.label.length === 0) return
    this.drawPieces(laid.label, this.x(laid.block.label.at, widthOf(laid.label)), top, laid.lines[0].height, 0)
  }

  private drawLine(line: Line, block: Block, top: number): void {
    const available = this.contentWidth - line.start - (block.end ?? 0)
    const width = widthOf(line.pieces)
    const align = block.align ?? 'start'
    const gaps = line.pieces.slice(0, -1).filter((p, i) => /\s$/.test(p.text) || /^\s/.test(line.pieces[i + 1].text)).length
    const justify = align === 'justify' && !line.last && gaps > 0
    const gap = justify ? (available - width) / gaps : 0
    const offset = justify ? 0 : align === 'center' ? (available - width) / 2 : align === 'end' ? available - width : 0
    // The start edge of the text, from the start margin; then its x on the page.
    const left = this.x(line.start + offset, justify ? available : width)
    this.drawPieces(line.pieces, left, top, line.height, gap)
  }

  private drawPieces(pieces: readonly Piece[], left: number, top: number, height: number, gap: number): void {
    const size = Math.max(...pieces.map((p) => (p.span.note !== undefined ? p.size / SUPERSCRIPT : p.size)))
    const baseline = top + height / 2 + size * 0.32
    let x = left
    pieces.forEach((p, i) => {
      const raise = p.span.note !== undefined ? size * 0.38 : 0
      this.useFace(p.face, p.size).text(p.text, x, baseline - raise, { lineBreak: false, baseline: 'alphabetic' })
      if (p.span.underline) this.rule(x, baseline + 1.6, x + p.width, baseline + 1.6, 0.6)
      if (p.span.strike) this.rule(x, baseline - p.size * 0.28, x + p.width, baseline - p.size * 0.28, 0.6)
      const spaced = i < pieces.length - 1 && (/\s$/.test(p.text) || /^\s/.test(pieces[i + 1].text))
      x += p.width + (spaced ? gap : 0)
    })
  }

  private rule(x1: number, y1: number, x2: number, y2: number, width: number): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).stroke().restore()
  }

  private newPage(): void {
    this.finishPage()
    this.doc.addPage()
    this.page += 1
    this.y = MARGIN.top
  }

  /** The footnotes of the page at its foot under a short rule, the page number, the running head. */
  private finishPage(): void {
    if (this.pageNotes.length) {
      let y = this.bottom([]) + 4
      const ruleStart = this.x(0, this.contentWidth / 4)
      this.rule(ruleStart, y, ruleStart + this.contentWidth / 4, y, 0.5)
      y += 6
      for (const note of this.pageNotes) {
        this.drawLabel(note, y)
        for (const line of note.lines) {
          this.drawLine(line, note.block, y)
          y += line.height
        }
      }
    }
    this.pageNotes = []
    const number = this.labelPieces([{ text: String(this.page) }], NOTE_SIZE)
    this.drawPieces(number, (PAGE_WIDTH - widthOf(number)) / 2, PAGE_HEIGHT - MARGIN.bottom / 2 - 8, 16, 0)
    if (this.page > 1 && this.model.runningHead) {
      const head = this.labelPieces([{ text: this.model.runningHead, bold: true }], NOTE_SIZE)
      this.drawPieces(head, this.x(this.contentWidth - widthOf(head), widthOf(head)), MARGIN.top / 2 - 8, 16, 0)
    }
  }
}

const widthOf = (pieces: readonly Piece[]): number => pieces.reduce((sum, p) => sum + p.width, 0)

/** `to` moved back over trailing spaces: a line's last space is not printed. */
function trimEnd(text: string, from: number, to: number): number {
  let end = to
  while (end > from && /\s/.test(text[end - 1])) end--
  return end
}
