/**
 * The clean text as a standalone, printable A4 page laid out as the UN lays out a draft
 * resolution: the masthead with the symbol and the distribution block, session, agenda item and
 * sponsors line, the title, "*The General Assembly*,", the preambular paragraphs unnumbered (as
 * printed) with their opening words in italics, the operative paragraphs numbered "1." with their
 * verbs in italics, and sub-paragraphs indented under them. The browser prints it, or saves it as
 * PDF; every piece of text that came from a user is escaped.
 */
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import { openingLength } from '../../shared/paragraphs/openingWords'
import type { Paragraph } from '../../shared/paragraphs/types'
import { escapeHtml, PRINT_STYLE, printedNumber, subDepth } from '../print/printPage'

export interface CleanHtmlMeta {
  documentId: string
  /** The version printed; absent for the live text. */
  versionId?: string
  /** The version's name ("Rev.1"), printed in the distribution block. */
  versionLabel?: string
  /** ISO 8601 date-time; its date is the document's date. */
  generatedAt: string
}

const DEFAULT_ENACTING = 'The General Assembly,'

/** "2019-11-05T…" → "5 November 2019", as UN documents date themselves. */
export function unDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

export function renderCleanHtml(reading: ResolutionReading, meta: CleanHtmlMeta): string {
  const { heading } = reading
  const symbol = heading.symbol.trim()
  const title = reading.title.trim()
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml([symbol, title].filter(Boolean).join(' — ') || 'Draft resolution')}</title>
<style>${STYLE}</style>
</head>
<body data-document="${escapeHtml(meta.documentId)}"${meta.versionId ? ` data-version="${escapeHtml(meta.versionId)}"` : ''}>
<header class="masthead">
<div class="masthead-row"><p class="organisation">United Nations</p><p class="symbol">${escapeHtml(symbol)}</p></div>
<div class="masthead-row"><p class="organ">General Assembly</p><div class="distribution">
<p>Distr.: Limited</p>
<p class="date">${escapeHtml(unDate(meta.generatedAt))}</p>
<p>Original: English</p>${meta.versionLabel ? `\n<p class="version">${escapeHtml(meta.versionLabel)}</p>` : ''}
</div></div>
</header>
<div class="heading">
${line('session', heading.session)}${line('agenda-item', heading.agendaItem)}${line('sponsors', heading.sponsors)}</div>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="enacting">${enactingLine(reading.enacting)}</p>
${reading.paragraphs.map(renderParagraph).join('\n')}
</main>
</body>
</html>
`
}

const line = (name: string, text: string): string => (text.trim() ? `<p class="${name}">${escapeHtml(text.trim())}</p>\n` : '')

/** "*The General Assembly*,": the organ in italics, its comma upright. */
function enactingLine(enacting: string): string {
  const text = enacting.trim() || DEFAULT_ENACTING
  const match = /^(.*?)([,:;.]?)$/s.exec(text)!
  return `<i>${escapeHtml(match[1])}</i>${escapeHtml(match[2])}`
}

/** The opening words in italics; sub-paragraphs have none. */
function italicOpening(p: Paragraph): string {
  const cut = p.kind === 'sub' ? 0 : openingLength(p.text, p.kind)
  if (cut <= 0) return escapeHtml(p.text)
  return `<i>${escapeHtml(p.text.slice(0, cut))}</i>${escapeHtml(p.text.slice(cut))}`
}

function renderParagraph(p: Paragraph): string {
  const id = escapeHtml(`p-${p.id}`)
  // Preambular paragraphs are not numbered in print; their first line is indented.
  if (p.kind === 'pp') return `<p class="paragraph kind-pp" id="${id}">${italicOpening(p)}</p>`
  // An operative paragraph's number stands at that indent, and its text runs on under it.
  if (p.kind === 'op') {
    const number = printedNumber(p)
    return `<p class="paragraph kind-op" id="${id}">${number ? `<span class="number">${escapeHtml(number)}</span>` : ''}<span class="text">${italicOpening(p)}</span></p>`
  }
  // A sub-paragraph hangs its "(a)" in front of its text.
  return `<div class="paragraph kind-sub depth-${subDepth(p)}" id="${id}"><div class="para-line"><span class="number">${escapeHtml(printedNumber(p))}</span><span class="text">${italicOpening(p)}</span></div></div>`
}

const STYLE = `${PRINT_STYLE}
@page { @bottom-center { content: counter(page); font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 10pt; } }
.masthead { border-bottom: 2px solid #000; margin-bottom: 0.8em; }
.masthead-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 2em; border-bottom: 1px solid #000; padding: 0.2em 0; }
.masthead-row:last-child { border-bottom: none; }
.masthead p { margin: 0; }
.organisation, .organ { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-weight: bold; }
.organisation { font-size: 11pt; }
.organ { font-size: 16pt; }
.masthead .symbol { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 14pt; }
.distribution { font-size: 10pt; min-width: 11em; }
.heading p { margin: 0; }
.sponsors { margin-top: 0.8em !important; font-weight: bold; }
h1 { font-size: 12pt; margin: 1.2em 0 1em 2.5em; }
.enacting { margin: 0 0 1em 2.5em; }
p.paragraph.kind-pp, p.paragraph.kind-op { text-indent: 2.5em; text-align: justify; margin: 0 0 0.8em 2.5em; }
p.paragraph.kind-op .number { display: inline-block; min-width: 2.5em; text-indent: 0; }
.paragraph.kind-sub { margin: 0 0 0.8em 7.5em; }
.paragraph.kind-sub.depth-2 { margin-left: 10em; }
.paragraph.kind-sub .para-line { gap: 0; }
.paragraph.kind-sub .number { min-width: 2.5em; }
`

export const PRINT_BUTTON_LABEL = 'Print or save as PDF'

const PRINT_BAR = `<style>
.print-bar { font-family: system-ui, sans-serif; font-size: 10pt; display: flex; flex-wrap: wrap; gap: 0.8em; align-items: center; padding: 0.6em; margin-bottom: 1.5em; border: 1px solid #ccc; background: #f7f7f7; }
.print-bar button { font: inherit; font-weight: 600; padding: 0.35em 0.9em; cursor: pointer; }
@media print { .print-bar { display: none !important; } }
</style>
<div class="print-bar" role="region" aria-label="Print">
<button type="button" onclick="window.print()">${PRINT_BUTTON_LABEL}</button>
<span>To get a PDF, choose “Save as PDF” as the printer. This bar is not printed.</span>
</div>`

/**
 * Adds the visible "Print or save as PDF" button (hidden in print) to a printable page, and
 * names the page `fileStem`: browsers offer the title as the name of the PDF they save.
 */
export function withPrintButton(html: string, fileStem: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(fileStem)}</title>`)
    .replace(/<body([^>]*)>/, (body) => `${body}\n${PRINT_BAR}`)
}
