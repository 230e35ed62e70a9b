/**
 * The clean text as a standalone, printable A4 page laid out as the UN prints a resolution: the
 * masthead and heading lines of masthead.ts (only those the text has), the title, "*The General
 * Assembly*,", the preambular paragraphs unnumbered (as printed) with their opening words in
 * italics, the operative paragraphs numbered "1." with their verbs in italics, sub-paragraphs
 * indented under them, the adoption line, and the footnotes after the text, their markers raised
 * where they stand. An Arabic text is a right-to-left page. The browser prints it, or saves it as
 * PDF; every piece of text that came from a user is escaped.
 */
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { Language, NumberedFootnote, Paragraph } from '../../shared/paragraphs/types'
import { escapeHtml, footnoteMarker, PRINT_STYLE, printedNumber, subDepth } from '../print/printPage'
import { masthead, type Masthead } from './masthead'
import { isNote, paragraphPieces } from './textPieces'

export interface CleanHtmlMeta {
  documentId: string
  /** The version printed; absent for the live text. */
  versionId?: string
  /** The version's name ("Rev.1"), printed in the distribution block. */
  versionLabel?: string
}

export function renderCleanHtml(reading: ResolutionReading, meta: CleanHtmlMeta): string {
  const head = masthead(reading)
  const notes = reading.paragraphs.flatMap((p) => p.footnotes ?? [])
  return `<!DOCTYPE html>
<html lang="${head.language}" dir="${head.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml([head.symbol, head.title].filter(Boolean).join(' — ') || 'Draft resolution')}</title>
<style>${STYLE}</style>
</head>
<body data-document="${escapeHtml(meta.documentId)}"${meta.versionId ? ` data-version="${escapeHtml(meta.versionId)}"` : ''}>
${renderMasthead(head, meta.versionLabel)}
<main>
<h1>${escapeHtml(head.title)}</h1>
<p class="enacting">${enactingLine(head.enacting)}</p>
${reading.paragraphs.map((p) => renderParagraph(p, reading.language)).join('\n')}
${head.adoption ? `<p class="adoption">${escapeHtml(head.adoption)}</p>\n` : ''}</main>
${notes.length ? renderFootnotes(notes) : ''}</body>
</html>
`
}

function renderMasthead(head: Masthead, versionLabel: string | undefined): string {
  const distribution = [...head.distribution.map((text) => `<p>${escapeHtml(text)}</p>`), ...(versionLabel ? [`<p class="version">${escapeHtml(versionLabel)}</p>`] : [])]
  return `<header class="masthead">
<div class="masthead-row"><p class="organisation">${escapeHtml(head.unitedNations)}</p><p class="symbol">${escapeHtml(head.symbol)}</p></div>
<div class="masthead-row"><p class="organ">${escapeHtml(head.organ)}</p>${distribution.length ? `<div class="distribution">\n${distribution.join('\n')}\n</div>` : ''}</div>
</header>
<div class="heading">
${head.lines.map((line) => `<p class="${kebab(line.field)}">${escapeHtml(line.text)}</p>\n`).join('')}</div>`
}

const kebab = (field: string): string => field.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)

/** "*The General Assembly*,": the organ in italics, its comma upright. */
function enactingLine(enacting: string): string {
  const match = /^(.*?)([,:;，،.]?)$/s.exec(enacting)!
  return `<i>${escapeHtml(match[1])}</i>${escapeHtml(match[2])}`
}

/** The opening words in italics, a raised number linking to each footnote. */
function paragraphText(p: Paragraph, language: Language): string {
  return paragraphPieces(p, language)
    .map((piece) => {
      if (isNote(piece)) return footnoteMarker(piece.note)
      return piece.italics ? `<i>${escapeHtml(piece.text)}</i>` : escapeHtml(piece.text)
    })
    .join('')
}

function renderFootnotes(notes: readonly NumberedFootnote[]): string {
  return `<section class="footnotes">
<ol>
${notes.map((note) => `<li id="fn-${note.number}" value="${note.number}">${escapeHtml(note.text)}</li>`).join('\n')}
</ol>
</section>
`
}

function renderParagraph(p: Paragraph, language: Language): string {
  const id = escapeHtml(`p-${p.id}`)
  // Preambular paragraphs are not numbered in print; their first line is indented.
  if (p.kind === 'pp') return `<p class="paragraph kind-pp" id="${id}">${paragraphText(p, language)}</p>`
  // An operative paragraph's number stands at that indent, and its text runs on under it.
  if (p.kind === 'op') {
    const number = printedNumber(p)
    return `<p class="paragraph kind-op" id="${id}">${number ? `<span class="number">${escapeHtml(number)}</span>` : ''}<span class="text">${paragraphText(p, language)}</span></p>`
  }
  // A sub-paragraph hangs its "(a)" in front of its text.
  return `<div class="paragraph kind-sub depth-${subDepth(p)}" id="${id}"><div class="para-line"><span class="number">${escapeHtml(printedNumber(p))}</span><span class="text">${paragraphText(p, language)}</span></div></div>`
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
.agenda-title, .sponsors, .adopted-by { font-weight: bold; }
.sponsors, .adopted-by { margin-top: 0.8em !important; }
.adoption { text-align: end; margin-top: 2em; }
.footnotes { margin-top: 2em; font-size: 10pt; }
.footnotes::before { content: ''; display: block; width: 30%; border-top: 1px solid #000; margin-bottom: 0.3em; }
.footnotes ol { margin: 0; padding-inline-start: 1.5em; }
[dir="rtl"] .masthead-row, [dir="rtl"] .para-line { flex-direction: row; }
h1 { font-size: 12pt; margin-block: 1.2em 1em; margin-inline-start: 2.5em; }
.enacting { margin-block: 0 1em; margin-inline-start: 2.5em; }
p.paragraph.kind-pp, p.paragraph.kind-op { text-indent: 2.5em; text-align: justify; margin-block: 0 0.8em; margin-inline: 2.5em 0; }
p.paragraph.kind-op .number { display: inline-block; min-width: 2.5em; text-indent: 0; }
.paragraph.kind-sub { margin-block: 0 0.8em; margin-inline: 7.5em 0; }
.paragraph.kind-sub.depth-2 { margin-inline-start: 10em; }
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
