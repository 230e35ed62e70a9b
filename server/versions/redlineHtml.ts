/**
 * The redline between two versions as a standalone, printable HTML document: the view a delegation
 * sends home. Like the compilation text it must read like a UN document on paper, so additions and
 * deletions are marked typographically (bold+underline, strike-through; never only by colour), the
 * moves, renumberings and status changes are written out in words, and every piece of text that
 * came from a user is escaped.
 */
import { changeNotes, type ChangeNote } from '../../shared/versions/compareVersions'
import type { ParagraphChange, VersionRedline } from '../../shared/versions/types'
import type { NumberedFootnote } from '../../shared/paragraphs/types'
import { redlineWithNotes } from '../export/textPieces'
import { escapeHtml, PRINT_STYLE, printedNumber, renderRedline, subDepth } from '../print/printPage'

export interface RedlineHtmlMeta {
  title: string
  symbol: string
  /** The older version's name: "Rev.1", "Zero draft", "Live text" … */
  fromLabel: string
  /** The newer version's name. */
  toLabel: string
  generatedAt: string
  /** The newer text's footnotes by paragraph id: their markers are printed where they stand. */
  footnotes?: ReadonlyMap<string, readonly NumberedFootnote[]>
}

export function renderRedlineHtml(redline: VersionRedline, meta: RedlineHtmlMeta): string {
  const changes = `Changes from ${meta.fromLabel} to ${meta.toLabel}`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${meta.symbol} — ${changes}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="symbol">${escapeHtml(meta.symbol)}</p>
<h1>${escapeHtml(meta.title)}</h1>
<p class="subtitle">${escapeHtml(changes)}</p>
<p class="generated">Generated ${escapeHtml(meta.generatedAt)}</p>
<p class="summary">${escapeHtml(redline.summary)}</p>
<p class="legend">Additions are shown <ins>in bold and underlined</ins>, deletions <del>struck through</del>.</p>
</header>
<main>
${redline.paragraphs.length ? redline.paragraphs.map((change) => renderParagraph(change, meta.footnotes?.get(change.id) ?? [])).join('\n') : '<p class="empty">Neither version has any paragraphs.</p>'}
</main>
</body>
</html>
`
}

function renderParagraph(change: ParagraphChange, footnotes: readonly NumberedFootnote[]): string {
  // A deleted paragraph is numbered as it was; every other one as it is now.
  const side = change.after ?? change.before
  if (!side) return ''
  const notes = changeNotes(change)
  const untouched = notes.length === 0
  const classes = [
    'paragraph',
    `change-${change.change}`,
    `kind-${side.kind}`,
    `depth-${subDepth(side)}`,
    ...notes.map((note) => `has-${note.kind}`),
    untouched ? 'untouched' : '',
  ]
  const badges = notes.filter((note) => note.kind !== 'amended').map(renderNote)
  return `<section class="${classes.filter(Boolean).join(' ')}" id="${escapeHtml(`p-${change.id}`)}">
<div class="para-line"><span class="number">${escapeHtml(printedNumber(side))}</span><span class="text">${renderText(change, footnotes)}</span></div>
${badges.length ? `<p class="notes">${badges.join(' ')}</p>\n` : ''}</section>`
}

/** A deleted paragraph is struck through whole, even if an empty text left no segment to strike. */
function renderText(change: ParagraphChange, footnotes: readonly NumberedFootnote[]): string {
  if (change.change === 'deleted') return `<del>${escapeHtml(change.before?.text ?? '')}</del>`
  if (change.change === 'added') return `<ins>${renderRedline(redlineWithNotes([{ op: 'equal', text: change.after?.text ?? '' }], footnotes))}</ins>`
  return renderRedline(redlineWithNotes(change.segments, footnotes))
}

function renderNote(note: ChangeNote): string {
  return `<span class="note note-${note.kind}">${escapeHtml(capitalise(note.text))}</span>`
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** Serif, A4, marks that survive black-and-white printing; the compilation text's look. */
const STYLE = `${PRINT_STYLE}
.generated, .legend { margin: 0.2em 0 0; font-size: 10.5pt; }
.summary { margin: 0.6em 0 0; padding: 0.4em 0.6em; border: 1px solid #000; font-weight: bold; }
.untouched { color: #555; }
.change-deleted .number { text-decoration: line-through; }
.notes { margin: 0.2em 0 0 3.6em; }
.note { display: inline-block; font-family: system-ui, sans-serif; font-size: 8pt; padding: 0.05em 0.45em; margin-right: 0.3em; border: 1px solid #888; border-radius: 0.6em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.note-added { border-style: solid; font-weight: bold; }
.note-deleted { border-style: dashed; }
.note-moved { background: #e8e0f4; border-color: #6a4c9c; }
.note-renumbered { background: #f2f2f2; }
.note-status { background: #fff2a8; border-color: #c9a800; }
.empty { font-style: italic; }
`
