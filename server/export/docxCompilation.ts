/**
 * The compilation text as a Word document: the draft with, under each paragraph, every pending
 * proposal. Like the printable page, it marks changes typographically so that they survive
 * printing and forwarding: additions bold and underlined, deletions struck through. These are
 * plain formatting, not tracked changes: a compilation sets competing proposals side by side, and
 * "Accept all" over it would make no sense.
 *
 *   A/C.3/74/L.31                                                     (bold, right)
 *   Title                                                             (bold)
 *   Compilation text as of 23 November 2026, 10:00 UTC                (italic)
 *   30 paragraphs · 12 pending proposals · 3 contested · from 5 States
 *   Proposed additions are shown in bold and underlined, deletions struck through.
 *
 *       4.   Urges all States …;  [Under negotiation] [Contested]      (no mark for a draft)
 *              │ Amend to read — Proposed by Brazil, joined by Chile and Peru; objected to by Kenya
 *              │ Urges all States to ensure ~~fully~~ **__the safety__** …
 *              │ Justification, in italics
 *       OP 4 bis (Mexico)                                             (bold)
 *       **__The new paragraph's text__**
 *              │ Insert a new paragraph — Proposed by Mexico
 */
import { BorderStyle, Paragraph, TextRun, type IParagraphOptions } from 'docx'
import {
  describeTotals,
  PROPOSAL_KIND_LABELS,
  orphanNotice,
  type Compilation,
  type CompiledComment,
  type CompiledParagraph,
  type CompiledProposal,
  type CompiledThread,
} from '../../shared/amendments/compile'
import { attributionWords } from '../../shared/amendments/decisions'
import type { DiffSegment } from '../../shared/diff/wordDiff'
import { PARAGRAPH_STATUS_LABELS } from '../../shared/paragraphs/types'
import { printedNumber } from '../print/printPage'
import {
  bodyLayout,
  lineRuns,
  numberRuns,
  packDocument,
  PARAGRAPH_AFTER,
  SMALL_SIZE,
  splitAtOpening,
  symbolLine,
  unDateTime,
} from './docxShared'
import { BODY_INDENT } from './bodyIndents'
import { italicLength } from './textPieces'

export interface CompilationDocxMeta {
  title: string
  symbol: string
  generatedAt: string
}

/** Proposals and comments stand in a ruled block set in under the paragraph they concern. */
const BLOCK_INDENT = BODY_INDENT + 1134
const BLOCK_RULE = { left: { style: BorderStyle.SINGLE, size: 12, color: '555555', space: 8 } }
const THREAD_RULE = { left: { style: BorderStyle.DOTTED, size: 12, color: '555555', space: 8 } }

export async function compilationDocx(compilation: Compilation, meta: CompilationDocxMeta): Promise<Buffer> {
  return packDocument({
    title: `${meta.title || meta.symbol || 'Draft resolution'} — compilation text`,
    symbol: meta.symbol,
    description: [meta.symbol, 'compilation text'].filter(Boolean).join(' — '),
    children: [
      ...header(compilation, meta),
      ...compilation.paragraphs.flatMap(compiledParagraph),
    ],
  })
}

function header(c: Compilation, meta: CompilationDocxMeta): Paragraph[] {
  const { totals } = c
  const summary = describeTotals(totals)
  return [
    ...(meta.symbol ? [symbolLine(meta.symbol)] : []),
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: meta.title, bold: true, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: `Compilation text as of ${unDateTime(meta.generatedAt)}`, italics: true })] }),
    new Paragraph({ children: [new TextRun({ text: summary, size: SMALL_SIZE })] }),
    new Paragraph({
      spacing: { after: 360 },
      children: [
        new TextRun({ text: 'Proposed additions are shown ', size: SMALL_SIZE }),
        new TextRun({ text: 'in bold and underlined', size: SMALL_SIZE, ...INSERTED }),
        new TextRun({ text: ', deletions ', size: SMALL_SIZE }),
        new TextRun({ text: 'struck through', size: SMALL_SIZE, ...DELETED }),
        new TextRun({ text: '.', size: SMALL_SIZE }),
      ],
    }),
  ]
}


const INSERTED = { bold: true, underline: {} } as const
const DELETED = { strike: true } as const

function compiledParagraph(p: CompiledParagraph): Paragraph[] {
  return [
    paragraphLine(p),
    ...p.proposals.flatMap(proposalBlock),
    ...(p.comments ?? []).flatMap(threadBlock),
    ...p.insertions.flatMap(insertionBlock),
  ]
}

/** The paragraph as it stands, numbered as negotiators cite it ("PP3", "4.", "(b)"), with its status. */
function paragraphLine(p: CompiledParagraph): Paragraph {
  // A draft is what every paragraph starts as: only a status beyond it is worth a mark.
  const flags = [...(p.status === 'draft' ? [] : [PARAGRAPH_STATUS_LABELS[p.status]]), ...(p.contested ? ['Contested'] : [])]
    .map((flag) => `[${flag}]`)
    .join(' ')
  const text = p.orphaned
    ? [new TextRun({ text: orphanNotice(p), italics: true })]
    : splitAtOpening(p.text, 0, italicLength(p)).map((piece) => new TextRun(piece))
  return new Paragraph({
    ...bodyLayout(p),
    keepNext: p.proposals.length + p.insertions.length + (p.comments?.length ?? 0) > 0,
    children: [
      ...numberRuns(printedNumber(p)),
      ...text,
      ...(flags ? [new TextRun({ text: `  ${flags}`, size: SMALL_SIZE, color: '444444' })] : []),
    ],
  })
}

/** A paragraph of a proposal's ruled block. */
function blockLine(children: TextRun[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    indent: { left: BLOCK_INDENT, right: BODY_INDENT },
    spacing: { after: 60 },
    border: BLOCK_RULE,
    ...options,
    children,
  })
}


function attributionLine(p: CompiledProposal): Paragraph {
  return blockLine(
    [new TextRun({ text: PROPOSAL_KIND_LABELS[p.kind], bold: true }), new TextRun(` — ${attributionWords(p)}`)],
    { keepNext: true },
  )
}

/** Insertions bold and underlined, deletions struck through, unchanged words plain. */
function redlineRuns(segments: readonly DiffSegment[]): TextRun[] {
  return segments.map((segment) => {
    if (segment.op === 'insert') return new TextRun({ text: segment.text, ...INSERTED })
    if (segment.op === 'delete') return new TextRun({ text: segment.text, ...DELETED })
    return new TextRun(segment.text)
  })
}

function olderTextNotice(p: CompiledProposal): Paragraph[] {
  if (p.drafting !== 'older-text') return []
  return [
    blockLine([new TextRun({ text: 'Drafted against an older text; the changes below are marked against it:', bold: true })], {
      keepNext: true,
    }),
    blockLine(lineRuns(p.originalBase ?? ''), { indent: { left: BLOCK_INDENT + 567, right: BODY_INDENT }, keepNext: true }),
  ]
}

function justification(p: CompiledProposal): Paragraph[] {
  return p.note.trim() ? [blockLine(lineRuns(p.note, { italics: true }))] : []
}

function proposalBlock(p: CompiledProposal): Paragraph[] {
  return [
    attributionLine(p),
    ...olderTextNotice(p),
    blockLine(redlineRuns(p.redline), { spacing: { after: p.note.trim() ? 60 : PARAGRAPH_AFTER } }),
    ...justification(p),
  ]
}

/** A proposed new paragraph stands where it would go, under its label ("OP 4 bis (Brazil)"). */
function insertionBlock(p: CompiledProposal): Paragraph[] {
  return [
    new Paragraph({
      indent: { left: BODY_INDENT },
      spacing: { before: 120, after: 60 },
      keepNext: true,
      children: [new TextRun({ text: p.label ?? PROPOSAL_KIND_LABELS[p.kind], bold: true })],
    }),
    new Paragraph({
      ...bodyLayout({ kind: 'pp', number: '' }),
      keepNext: true,
      children: redlineRuns(p.redline),
    }),
    attributionLine(p),
    ...justification(p),
  ]
}

function threadBlock(thread: CompiledThread): Paragraph[] {
  const [first, ...replies] = thread.comments
  if (!first) return []
  return [commentLine('Comment', first, thread.quote), ...replies.map((reply) => commentLine('Reply', reply, ''))]
}

function commentLine(kind: 'Comment' | 'Reply', comment: CompiledComment, quote: string): Paragraph {
  const on = quote ? ` on “${quote}”` : ''
  return new Paragraph({
    indent: { left: BLOCK_INDENT + (kind === 'Reply' ? 567 : 0), right: BODY_INDENT },
    spacing: { after: 60 },
    border: THREAD_RULE,
    children: [
      new TextRun({ text: `${kind} by ${comment.author}`, bold: true, size: SMALL_SIZE }),
      new TextRun({ text: `${on}: `, size: SMALL_SIZE }),
      ...lineRuns(comment.body, { size: SMALL_SIZE }),
      ...(comment.edited ? [new TextRun({ text: ' (edited)', italics: true, size: SMALL_SIZE })] : []),
    ],
  })
}
