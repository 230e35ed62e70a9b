/**
 * The compilation text as a standalone, printable HTML document: what a facilitator circulates
 * and a delegation prints or saves as PDF to send home. It must read like a UN document on paper,
 * so additions and deletions are marked typographically (never only by colour, never hidden),
 * and every piece of text that came from a user is escaped — delegations type the notes.
 */
import {
  describeTotals,
  PROPOSAL_KIND_LABELS,
  orphanNotice,
  type Compilation,
  type CompilationFilter,
  type CompiledComment,
  type CompiledParagraph,
  type CompiledProposal,
  type CompiledThread,
} from '../../shared/amendments/compile'
import { escapeHtml, footnoteMarker, PRINT_STYLE, printedNumber, renderRedline, subDepth } from '../print/printPage'
import { attributionWords } from '../../shared/amendments/decisions'
import { type NumberedFootnote, PARAGRAPH_STATUS_LABELS, PARAGRAPH_STATUSES, type ParagraphStatus } from '../../shared/paragraphs/types'
import { isNote, paragraphPieces } from '../export/textPieces'

export interface CompilationHtmlMeta {
  title: string
  symbol: string
  generatedAt: string
  filter: CompilationFilter
  /** Every State that may be filtered on, for the filter form. */
  states: string[]
  /** The compilation carries open comment threads (`?comments=1`): keeps the choice in the form. */
  comments?: boolean
  /** A file (an export) has no use for the filter form, which submits to the live page. */
  withoutFilterForm?: boolean
  /** The current text's footnotes by paragraph id: their markers are printed where they stand. */
  footnotes?: ReadonlyMap<string, readonly NumberedFootnote[]>
}

export function renderCompilationHtml(c: Compilation, meta: CompilationHtmlMeta): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${meta.symbol} — Compilation text`)}</title>
<style>${STYLE}</style>
</head>
<body>
${renderHeader(c, meta)}
${meta.withoutFilterForm ? '' : renderFilterForm(meta)}
<main>
${c.paragraphs.map((p) => renderParagraph(p, meta.footnotes?.get(p.id) ?? [])).join('\n')}
</main>
</body>
</html>
`
}

function renderHeader(c: Compilation, meta: CompilationHtmlMeta): string {
  const { totals } = c
  const summary = describeTotals(totals)
  const filterLine = describeFilter(meta.filter)
  return `<header>
<p class="symbol">${escapeHtml(meta.symbol)}</p>
<h1>${escapeHtml(meta.title)}</h1>
<p class="subtitle">Compilation text as of ${escapeHtml(meta.generatedAt)}</p>
<p class="totals">${escapeHtml(summary)}</p>
${filterLine ? `<p class="filtered">${escapeHtml(filterLine)}</p>` : ''}
</header>`
}


/** The form is hidden in print, so a printed filtered compilation must still say it is filtered. */
function describeFilter(filter: CompilationFilter): string {
  const parts = [
    filter.state ? `proposals made or supported by ${filter.state}` : '',
    filter.status ? `paragraphs ${PARAGRAPH_STATUS_LABELS[filter.status].toLowerCase()}` : '',
    filter.contestedOnly ? 'contested paragraphs only' : '',
  ].filter(Boolean)
  return parts.length ? `Showing ${parts.join('; ')}.` : ''
}

function renderFilterForm(meta: CompilationHtmlMeta): string {
  const { filter } = meta
  // Keep the current choice selectable even if the State is not in the list any more.
  const states = filter.state && !meta.states.includes(filter.state) ? [...meta.states, filter.state] : meta.states
  const stateOptions = [option('', 'All States', !filter.state), ...states.map((s) => option(s, s, s === filter.state))]
  const statusOptions = [
    option('', 'All statuses', !filter.status),
    ...PARAGRAPH_STATUSES.map((s) => option(s, PARAGRAPH_STATUS_LABELS[s], s === filter.status)),
  ]
  return `<form class="filters no-print" method="GET">
<input type="hidden" name="format" value="html">
<label>State <select name="state">${stateOptions.join('')}</select></label>
<label>Status <select name="status">${statusOptions.join('')}</select></label>
<label><input type="checkbox" name="contested" value="1"${filter.contestedOnly ? ' checked' : ''}> Contested only</label>
<label><input type="checkbox" name="comments" value="1"${meta.comments ? ' checked' : ''}> Open comments</label>
<button type="submit">Apply</button>
</form>`
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`
}

function renderParagraph(p: CompiledParagraph, footnotes: readonly NumberedFootnote[]): string {
  const classes = ['paragraph', `kind-${p.kind}`, `depth-${subDepth(p)}`, p.contested ? 'contested' : '']
  const text = p.orphaned ? `<span class="orphaned">${orphanNotice(p)}</span>` : textWithMarkers(p.text, footnotes)
  return `<section class="${classes.filter(Boolean).join(' ')}" id="${escapeHtml(`p-${p.id}`)}">
<div class="para-line"><span class="number">${escapeHtml(printedNumber(p))}</span><span class="text">${text}</span> ${statusBadge(p.status)}${p.contested ? ' <span class="contested-flag">Contested</span>' : ''}</div>
${p.proposals.map(renderProposal).join('\n')}
${renderThreads(p.comments ?? [])}
${p.insertions.map(renderInsertion).join('\n')}
</section>`
}

function textWithMarkers(text: string, footnotes: readonly NumberedFootnote[]): string {
  return paragraphPieces({ kind: 'sub', text, footnotes })
    .map((piece) => (isNote(piece) ? footnoteMarker(piece.note) : escapeHtml(piece.text)))
    .join('')
}

function statusBadge(status: ParagraphStatus): string {
  return `<span class="badge status-${status}">${escapeHtml(PARAGRAPH_STATUS_LABELS[status])}</span>`
}

function renderProposal(p: CompiledProposal): string {
  return `<div class="proposal kind-${p.kind}" id="${escapeHtml(`a-${p.id}`)}">
<p class="attribution"><span class="proposal-kind">${PROPOSAL_KIND_LABELS[p.kind]}</span> — ${escapeHtml(attributionWords(p))}</p>
${olderTextNotice(p)}<p class="redline">${renderRedline(p.redline)}</p>
${justification(p)}</div>`
}

/** Insertions stand in the text where they would go, numbered by their label ("OP 4 bis (Brazil)"). */
function renderInsertion(p: CompiledProposal): string {
  return `<div class="insertion" id="${escapeHtml(`a-${p.id}`)}">
<div class="para-line"><span class="number">${escapeHtml(p.label ?? '')}</span><span class="text redline">${renderRedline(p.redline)}</span></div>
<div class="proposal kind-insert-after">
<p class="attribution"><span class="proposal-kind">${PROPOSAL_KIND_LABELS[p.kind]}</span> — ${escapeHtml(attributionWords(p))}</p>
${justification(p)}</div>
</div>`
}


function olderTextNotice(p: CompiledProposal): string {
  if (p.drafting !== 'older-text') return ''
  const base = p.originalBase ?? ''
  return `<p class="older-text">Drafted against an older text; the changes below are marked against it:</p>
<blockquote class="original-base">${escapeHtml(base)}</blockquote>
`
}

function justification(p: CompiledProposal): string {
  return p.note.trim() ? `<p class="note"><em>${escapeHtml(p.note)}</em></p>\n` : ''
}

/** Comments are plain text typed by anyone in the room: escaped, their line breaks kept. */
function renderThreads(threads: readonly CompiledThread[]): string {
  if (threads.length === 0) return ''
  return `<div class="comments">
${threads.map(renderThread).join('\n')}
</div>`
}

function renderThread(thread: CompiledThread): string {
  const [first, ...replies] = thread.comments
  if (!first) return ''
  const on = thread.quote ? ` on <q>${escapeHtml(thread.quote)}</q>` : ''
  return `<div class="thread" id="${escapeHtml(`c-${thread.id}`)}">
${renderComment('Comment', first, on)}
${replies.map((reply) => renderComment('Reply', reply, '')).join('\n')}
</div>`
}

function renderComment(kind: 'Comment' | 'Reply', comment: CompiledComment, on: string): string {
  const edited = comment.edited ? ' <span class="edited">(edited)</span>' : ''
  const body = escapeHtml(comment.body).replace(/\r?\n/g, '<br>')
  return `<p class="comment${kind === 'Reply' ? ' reply' : ''}"><span class="comment-by">${kind} by ${escapeHtml(comment.author)}</span>${on}: ${body}${edited}</p>`
}

/** Serif, A4, marks that survive black-and-white printing: bold+underline for additions, strike for deletions. */
const STYLE = `${PRINT_STYLE}
.totals, .filtered { margin: 0.3em 0 0; font-size: 10.5pt; }
.filters { font-family: system-ui, sans-serif; font-size: 10pt; display: flex; flex-wrap: wrap; gap: 0.8em; align-items: center; padding: 0.6em; border: 1px solid #ccc; margin-bottom: 1.5em; }
.badge, .contested-flag { font-family: system-ui, sans-serif; font-size: 8pt; padding: 0.05em 0.45em; border: 1px solid #888; border-radius: 0.6em; white-space: nowrap; align-self: flex-start; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.status-draft { background: #f2f2f2; }
.status-negotiating { background: #dde8f6; }
.status-agreed-ad-ref { background: #fff2a8; border-color: #c9a800; }
.status-agreed { background: #c9efc9; border-color: #2e8b2e; }
.contested-flag { border-style: dashed; }
.proposal { margin: 0.45em 0 0.45em 3.6em; padding-left: 0.8em; border-left: 2px solid #555; }
.insertion { margin: 0.6em 0 0 1.5em; }
.insertion .proposal { margin-top: 0.2em; }
.attribution { font-size: 10.5pt; margin: 0; }
.proposal-kind { font-weight: bold; }
.redline { margin: 0.2em 0; }
.note { margin: 0.2em 0; font-size: 10.5pt; }
.older-text { font-size: 10.5pt; font-weight: bold; margin: 0.2em 0; }
.original-base { margin: 0.2em 0 0.3em 1em; font-size: 10.5pt; }
.orphaned { font-style: italic; }
.comments { margin: 0.45em 0 0.45em 3.6em; font-size: 10.5pt; }
.thread { padding-left: 0.8em; border-left: 2px dotted #555; margin: 0.3em 0; }
.comment { margin: 0.15em 0; }
.comment.reply { margin-left: 1.5em; }
.comment-by { font-weight: bold; }
.edited { font-style: italic; }
@media print {
  .no-print { display: none !important; }
}
`
