/**
 * The compilation text as a PDF: each paragraph as it stands, then every pending proposal under
 * it in a ruled block (what kind, by whom, joined or objected to by whom, the redline, the
 * justification), and proposed new paragraphs where they would go. Additions are bold and
 * underlined, deletions struck through, so the marks survive black-and-white printing.
 */
import {
  describeTotals,
  orphanNotice,
  PROPOSAL_KIND_LABELS,
  type Compilation,
  type CompiledParagraph,
  type CompiledProposal,
} from '../../shared/amendments/compile'
import { attributionWords } from '../../shared/amendments/decisions'
import type { DiffSegment } from '../../shared/diff/wordDiff'
import type { NumberedFootnote } from '../../shared/paragraphs/types'
import { PARAGRAPH_STATUS_LABELS } from '../../shared/paragraphs/types'
import { printedNumber } from '../print/printPage'
import { BODY_INDENT } from './bodyIndents'
import { unDateTime } from './docxShared'
import { noteSpan, paragraphBlock, piecesToSpans, pt } from './pdfClean'
import { type Block, composePdf, type Span } from './pdfComposer'
import { isNote, paragraphPieces, type RedlinePiece } from './textPieces'

export interface CompilationPdfMeta {
  title: string
  symbol: string
  generatedAt: string
  /** The footnotes of the current text, by paragraph id. */
  footnotes?: ReadonlyMap<string, NumberedFootnote[]>
}

/** Proposals stand in a ruled block set in under their paragraph. */
const PROPOSAL_START = pt(BODY_INDENT + 1134)

export function compilationPdf(c: Compilation, meta: CompilationPdfMeta): Promise<Buffer> {
  return composePdf({
    title: `${meta.title || meta.symbol || 'Draft resolution'} — compilation text`,
    language: 'en',
    direction: 'ltr',
    runningHead: meta.symbol,
    items: [...viewHeader(meta.symbol, meta.title, `Compilation text as of ${unDateTime(meta.generatedAt)}`, describeTotals(c.totals), 'Proposed additions are shown'), ...c.paragraphs.flatMap((p) => paragraphItems(p, meta.footnotes?.get(p.id) ?? []))],
  })
}

/** Symbol, title, what the view is, its summary and how changes are marked: shared with the redline. */
export function viewHeader(symbol: string, title: string, subtitle: string, summary: string, legend: string): Block[] {
  const small = 10
  return [
    ...(symbol ? [{ spans: [{ text: symbol, bold: true }], size: 14, align: 'end' as const }] : []),
    { spans: [{ text: title, bold: true }], size: 14, before: 12, after: 6 },
    { spans: [{ text: subtitle, italic: true }] },
    { spans: [{ text: summary }], size: small },
    {
      spans: [
        { text: `${legend} ` },
        { text: 'in bold and underlined', bold: true, underline: true },
        { text: ', deletions ' },
        { text: 'struck through', strike: true },
        { text: '.' },
      ],
      size: small,
      after: 18,
    },
  ]
}

/** Unchanged words plain, additions bold and underlined, deletions struck, footnote markers raised. */
export function redlineSpans(pieces: readonly RedlinePiece[]): Span[] {
  return pieces.map((piece) => {
    if (isNote(piece)) return noteSpan(piece.note)
    return markedSpan(piece)
  })
}

const markedSpan = (segment: DiffSegment): Span =>
  segment.op === 'insert' ? { text: segment.text, bold: true, underline: true } : segment.op === 'delete' ? { text: segment.text, strike: true } : { text: segment.text }

function paragraphItems(p: CompiledParagraph, footnotes: NumberedFootnote[]): Block[] {
  // A draft is what every paragraph starts as: only a status beyond it is worth a mark.
  const flags = [...(p.status === 'draft' ? [] : [PARAGRAPH_STATUS_LABELS[p.status]]), ...(p.contested ? ['Contested'] : [])]
  const text: Span[] = p.orphaned ? [{ text: orphanNotice(p), italic: true }] : piecesToSpans(paragraphPieces({ ...p, footnotes }))
  const line = paragraphBlock({ ...p, footnotes }, printedNumber(p), [...text, ...flags.map((flag) => ({ text: `  [${flag}]`, bold: true }))])
  return [
    { ...line, keepWithNext: p.proposals.length + p.insertions.length > 0 },
    ...p.proposals.flatMap(proposalBlocks),
    ...p.insertions.flatMap(insertionBlocks),
  ]
}

const proposalLine = (spans: Span[], extra: Partial<Block> = {}): Block => ({ spans, size: 11, start: PROPOSAL_START, end: pt(BODY_INDENT), ruleStart: true, ...extra })

/** The proposal's kind in bold, then who stands behind it (attributionWords). */
function attribution(p: CompiledProposal): Block {
  return proposalLine([{ text: PROPOSAL_KIND_LABELS[p.kind], bold: true }, { text: ` — ${attributionWords(p)}` }], { keepWithNext: true })
}

function proposalBlocks(p: CompiledProposal): Block[] {
  return [
    attribution(p),
    ...(p.drafting === 'older-text'
      ? [
          proposalLine([{ text: 'Drafted against an older text; the changes below are marked against it:', bold: true }], { keepWithNext: true }),
          proposalLine([{ text: p.originalBase ?? '' }], { start: PROPOSAL_START + 28 }),
        ]
      : []),
    proposalLine(p.redline.map(markedSpan), { align: 'justify' }),
    ...(p.note.trim() ? [proposalLine([{ text: p.note, italic: true }])] : []),
    { spans: [], after: 4 },
  ]
}

/** A proposed new paragraph stands where it would go, under its label ("OP 4 bis (Brazil)"). */
function insertionBlocks(p: CompiledProposal): Block[] {
  return [
    { spans: [{ text: p.label ?? PROPOSAL_KIND_LABELS[p.kind], bold: true }], start: pt(BODY_INDENT), before: 6, keepWithNext: true },
    { spans: p.redline.map(markedSpan), align: 'justify', start: pt(BODY_INDENT), end: pt(BODY_INDENT), firstStart: pt(BODY_INDENT * 2), keepWithNext: true },
    attribution(p),
    ...(p.note.trim() ? [proposalLine([{ text: p.note, italic: true }])] : []),
    { spans: [], after: 4 },
  ]
}
