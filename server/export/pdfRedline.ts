/**
 * The redline between two versions as a PDF: every paragraph in the newer order with its word
 * changes marked (additions bold and underlined, deletions struck through), added paragraphs
 * underlined whole, deleted ones struck whole where they stood, and moves, renumberings and
 * status changes written out under the paragraph.
 */
import type { NumberedFootnote } from '../../shared/paragraphs/types'
import { changeNotes } from '../../shared/versions/compareVersions'
import type { ParagraphChange, VersionRedline } from '../../shared/versions/types'
import { printedNumber } from '../print/printPage'
import { viewHeader, redlineSpans } from './pdfCompilation'
import { paragraphBlock, pt } from './pdfClean'
import { type Block, composePdf } from './pdfComposer'
import { BODY_INDENT } from './bodyIndents'
import { redlineWithNotes } from './textPieces'

export interface RedlinePdfMeta {
  title: string
  symbol: string
  fromLabel: string
  toLabel: string
  /** The newer text's footnotes, by paragraph id. */
  footnotes?: ReadonlyMap<string, NumberedFootnote[]>
}

export function redlinePdf(redline: VersionRedline, meta: RedlinePdfMeta): Promise<Buffer> {
  const changes = `Changes from ${meta.fromLabel} to ${meta.toLabel}`
  return composePdf({
    title: `${meta.title || meta.symbol || 'Draft resolution'} — ${changes}`,
    language: 'en',
    direction: 'ltr',
    runningHead: meta.symbol,
    items: [
      ...viewHeader(meta.symbol, meta.title, changes, redline.summary, 'Additions are shown'),
      ...redline.paragraphs.flatMap((change) => changeBlocks(change, meta.footnotes?.get(change.id) ?? [])),
    ],
  })
}

function changeBlocks(change: ParagraphChange, footnotes: NumberedFootnote[]): Block[] {
  // A deleted paragraph is numbered as it was; every other one as it is now.
  const side = change.after ?? change.before
  if (!side) return []
  const notes = change.change === 'deleted' ? [] : footnotes
  const segments =
    change.change === 'deleted'
      ? [{ op: 'delete' as const, text: change.before?.text ?? '' }]
      : change.change === 'added'
        ? [{ op: 'insert' as const, text: change.after?.text ?? '' }]
        : change.segments
  const described = changeNotes(change).filter((note) => note.kind !== 'amended')
  return [
    paragraphBlock({ ...side, footnotes: notes }, printedNumber(side), redlineSpans(redlineWithNotes(segments, notes))),
    ...(described.length
      ? [{ spans: [{ text: described.map((note) => note.text).join('; '), italic: true }], size: 10, start: pt(BODY_INDENT * 2), after: 6 }]
      : []),
  ]
}
