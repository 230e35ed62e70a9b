/**
 * The redline between two versions as a Word document with real tracked changes: the tabling file.
 * Every change is a `w:ins` or `w:del` run attributed to `meta.author` and dated `meta.date`, so
 * Word's Review pane lists them, "Accept all" gives the newer text and "Reject all" the older one.
 *
 * - An unchanged paragraph is plain text.
 * - A changed paragraph keeps its unchanged words plain; each inserted or deleted stretch of the
 *   word diff is a tracked insertion or deletion.
 * - An added paragraph is inserted whole, its paragraph mark included; a deleted paragraph is
 *   deleted whole, mark included, where it stood in the older text. Nothing is dropped.
 * - Numbers are literal text, those of the newer version (a deleted paragraph keeps the number it
 *   had, inside the deletion). A renumbering is therefore not itself a tracked change, as with
 *   Word's own list numbering: "Reject all" gives the older wording with the newer numbers.
 * - A moved paragraph stands, once, where the newer version has it; its wording changes are tracked.
 *
 * The layout is the clean text's (UN indents, italic opening words, PPs unnumbered).
 */
import { DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { DiffSegment } from '../../shared/diff/wordDiff'
import type { ParagraphChange, ParagraphSide, VersionRedline } from '../../shared/versions/types'
import {
  bodyLayout,
  closingRule,
  numberChildren,
  numberRuns,
  packDocument,
  SMALL_SIZE,
  splitAtOpening,
  symbolLine,
} from './docxShared'
import { cleanNumber } from '../print/printPage'
import { italicLength } from './textPieces'

export interface RedlineDocxMeta {
  title: string
  symbol: string
  /** The older version's name: "Rev.1", "Zero draft" … */
  fromLabel: string
  /** The newer version's name. */
  toLabel: string
  /** Whom Word names as the author of every change. */
  author: string
  /** When Word says the changes were made (ISO 8601). */
  date: string
}

/** "2024-11-20T10:00:00.123Z" → "2024-11-20T10:00:00Z", as Word writes w:date; other text as given. */
function wordDate(date: string): string {
  const time = Date.parse(date)
  return Number.isNaN(time) ? date : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Hands out revision ids: each w:ins and w:del needs its own within the document. */
class Revisions {
  private next = 1
  private readonly date: string
  constructor(
    private readonly author: string,
    date: string,
  ) {
    this.date = wordDate(date)
  }
  mark(): { id: number; author: string; date: string } {
    return { id: this.next++, author: this.author, date: this.date }
  }
}

export async function redlineDocx(redline: VersionRedline, meta: RedlineDocxMeta): Promise<Buffer> {
  const revisions = new Revisions(meta.author || 'Penholder', meta.date)
  return packDocument({
    title: `${meta.title || meta.symbol || 'Draft resolution'} — changes from ${meta.fromLabel} to ${meta.toLabel}`,
    symbol: meta.symbol,
    description: [meta.symbol, `changes from ${meta.fromLabel} to ${meta.toLabel}`].filter(Boolean).join(' — '),
    trackRevisions: true,
    children: [
      ...header(redline, meta),
      ...redline.paragraphs.flatMap((change) => changeParagraph(change, revisions)),
      closingRule(),
    ],
  })
}

function header(redline: VersionRedline, meta: RedlineDocxMeta): Paragraph[] {
  return [
    ...(meta.symbol ? [symbolLine(meta.symbol)] : []),
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: meta.title, bold: true, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: `Changes from ${meta.fromLabel} to ${meta.toLabel}`, italics: true })] }),
    new Paragraph({ children: [new TextRun({ text: redline.summary, size: SMALL_SIZE })] }),
    new Paragraph({
      spacing: { after: 360 },
      children: [
        new TextRun({
          text: `Changes are tracked: accepting all of them gives ${meta.toLabel}. Paragraph numbers are those of ${meta.toLabel}.`,
          size: SMALL_SIZE,
        }),
      ],
    }),
  ]
}

function changeParagraph(change: ParagraphChange, revisions: Revisions): Paragraph[] {
  if (change.change === 'added' && change.after) return [addedParagraph(change.after, revisions)]
  if (change.change === 'deleted' && change.before) return [deletedParagraph(change.before, revisions)]
  if (!change.after) return []
  if (change.change === 'unchanged' || !change.before) return [plainParagraph(change.after)]
  return [changedParagraph(change.before, change.after, change.segments, revisions)]
}

function plainParagraph(side: ParagraphSide): Paragraph {
  return new Paragraph({
    ...bodyLayout(side),
    children: [
      ...numberRuns(cleanNumber(side)),
      ...splitAtOpening(side.text, 0, italicLength(side)).map((piece) => new TextRun(piece)),
    ],
  })
}

/** Number and text inside one insertion (or deletion), the opening words still italic. */
function wholeRuns(side: ParagraphSide, revisions: Revisions, tracked: typeof InsertedTextRun | typeof DeletedTextRun): ParagraphChild[] {
  const number = cleanNumber(side)
  const runs: ParagraphChild[] = number ? [new tracked({ ...revisions.mark(), children: numberChildren(number) })] : []
  for (const piece of splitAtOpening(side.text, 0, italicLength(side))) {
    runs.push(new tracked({ ...revisions.mark(), ...piece }))
  }
  return runs
}

function addedParagraph(side: ParagraphSide, revisions: Revisions): Paragraph {
  return new Paragraph({
    ...bodyLayout(side),
    run: { insertion: revisions.mark() },
    children: wholeRuns(side, revisions, InsertedTextRun),
  })
}

/** Numbered as it was: the number goes with the paragraph. */
function deletedParagraph(side: ParagraphSide, revisions: Revisions): Paragraph {
  return new Paragraph({
    ...bodyLayout(side),
    run: { deletion: revisions.mark() },
    children: wholeRuns(side, revisions, DeletedTextRun),
  })
}

/**
 * Walks the word diff with a cursor in each text: unchanged and inserted words are at offsets of
 * the newer text, deleted words of the older one, and each side's opening words stay italic.
 */
function changedParagraph(before: ParagraphSide, after: ParagraphSide, segments: readonly DiffSegment[], revisions: Revisions): Paragraph {
  const italicAfter = italicLength(after)
  const italicBefore = italicLength(before)
  let inAfter = 0
  let inBefore = 0
  const runs: ParagraphChild[] = [...numberRuns(cleanNumber(after))]
  for (const segment of segments) {
    if (segment.op === 'delete') {
      for (const piece of splitAtOpening(segment.text, inBefore, italicBefore)) {
        runs.push(new DeletedTextRun({ ...revisions.mark(), ...piece }))
      }
      inBefore += segment.text.length
      continue
    }
    const pieces = splitAtOpening(segment.text, inAfter, italicAfter)
    for (const piece of pieces) runs.push(segment.op === 'insert' ? new InsertedTextRun({ ...revisions.mark(), ...piece }) : new TextRun(piece))
    inAfter += segment.text.length
    if (segment.op === 'equal') inBefore += segment.text.length
  }
  return new Paragraph({ ...bodyLayout(after), children: runs })
}
