import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { EXPORT_CONTENT_TYPES, type ExportFormat, exportQuery, type ExportView } from '../../shared/api/export'
import { LIVE } from '../../shared/api/versions'
import { compileText } from '../../shared/amendments/compile'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution, type ResolutionReading } from '../../shared/paragraphs/readResolution'
import { authorize } from '../access/authorize'
import { refuse } from '../access/enforce'
import { currentParagraphs } from '../amendments/amendmentCommands'
import { renderCompilationHtml } from '../amendments/compilationHtml'
import { versionNode } from '../collab/restoreVersion'
import { renderAkn } from '../export/akn'
import { renderCleanHtml, withPrintButton } from '../export/cleanHtml'
import { cleanDocx, compilationDocx, redlineDocx } from '../export/docx'
import { exportFileName } from '../export/fileName'
import type { StoredVersion } from '../store/types'
import { renderRedlineHtml } from '../versions/redlineHtml'
import { compare, type VersionDeps } from '../versions/versionCommands'
import { validate } from './validate'

/**
 * `GET /api/documents/:id/export?format=docx|pdf|akn&view=clean|compilation|redline&version=<vid>&against=<vid>`
 * (query: shared/api/export.ts). Anyone who may read the resolution may export it.
 *
 *   - `clean`: the text of `version` (default: the live text) as .docx, PDF or Akoma Ntoso 3.0;
 *   - `compilation`: the live text with its pending proposals (no version: proposals are pending
 *     against the live text only), as .docx or PDF;
 *   - `redline`: the changes from `against` (default: the newest named version) to `version`
 *     (default: the live text), as .docx with Word tracked changes or as PDF.
 *
 * The compilation and the redline are computed exactly as `…/compilation` and `…/compare` compute
 * them (compileText, compare); nothing is recomputed here.
 *
 * **PDF is made by the browser, not by the server.** `format=pdf` answers with the view's
 * printable A4 HTML page (the shared print stylesheet: serif, A4 margins, marks that survive
 * black-and-white printing), with a visible "Print or save as PDF" button that is hidden in print;
 * the browser's print dialog ("Save as PDF") or a headless browser's PDF printer (the e2e test uses
 * Chromium's `page.pdf()`) turns it into the PDF. It is therefore served `inline` as text/html,
 * under the .pdf file name the PDF should get, and its title is that name, which browsers offer
 * when saving. The .docx and Akoma Ntoso files are served as attachments.
 *
 * File names come from the symbol and, when a version is exported, its label
 * ("A-C.3-74-L.31-Rev.1.docx"; "…-compilation.pdf", "…-redline.docx"; Akoma Ntoso "….akn.xml").
 * Errors are `4xx { error }`: a bad query 400, an unknown version 404.
 */
export function exportRoutes(deps: VersionDeps) {
  const read = authorize(deps.store, 'document.read')
  return new Hono().get('/export', read, validate('query', exportQuery), async (c) => {
    const documentId = c.req.param('id')!
    const query = c.req.valid('query')
    const view: ExportView = query.view ?? 'clean'
    const generatedAt = new Date().toISOString()
    const document = deps.store.getDocument(documentId)!

    const file = await (async (): Promise<ExportFile> => {
      if (view === 'clean') {
        const version = versionOrRefuse(deps, documentId, query.version, 'version')
        const reading = version ? versionReading(version) : readResolution(deps.rooms.read(documentId), deps.store.paragraphStatuses(documentId))
        const name = (ext: string) => exportFileName(reading.heading.symbol, version?.label, 'clean', ext)
        if (query.format === 'akn') {
          return { name: name('akn.xml'), body: renderAkn(reading, { documentId, versionId: version?.id, generatedAt }) }
        }
        if (query.format === 'docx') return { name: name('docx'), body: await cleanDocx(reading, { generatedAt }) }
        const html = renderCleanHtml(reading, { documentId, versionId: version?.id, versionLabel: version?.label, generatedAt })
        return { name: name('pdf'), body: html }
      }

      if (view === 'compilation') {
        const compilation = compileText(currentParagraphs(deps, documentId), deps.store.listAmendments(documentId))
        const name = exportFileName(document.symbol, null, 'compilation', query.format)
        if (query.format === 'docx') {
          return { name, body: await compilationDocx(compilation, { title: document.title, symbol: document.symbol, generatedAt }) }
        }
        const html = renderCompilationHtml(compilation, { title: document.title, symbol: document.symbol, generatedAt, filter: {}, states: [] })
        return { name, body: withoutFilterForm(html) }
      }

      // The redline: its own messages name this route's parameters (`against`, `version`).
      const against =
        query.against ??
        deps.store.listVersions(documentId, { kind: 'named', limit: 1 })?.versions[0]?.id ??
        refuse(404, 'against: this resolution has no named version yet; choose a version to compare with')
      versionOrRefuse(deps, documentId, against, 'against')
      const newer = versionOrRefuse(deps, documentId, query.version, 'version')
      const comparison = compare(deps, documentId, { from: against, to: newer?.id ?? LIVE })
      const name = exportFileName(document.symbol, newer?.label, 'redline', query.format)
      const meta = {
        title: document.title,
        symbol: document.symbol,
        fromLabel: comparison.from.label,
        toLabel: comparison.to.label,
        generatedAt,
      }
      if (query.format === 'docx') {
        // Word names an author and a date on every tracked change: whoever named the newer
        // version, when; for the live text, Penholder, now.
        const tracked = { author: newer?.author ?? 'Penholder', date: newer?.createdAt ?? generatedAt }
        return { name, body: await redlineDocx(comparison.redline, { ...meta, ...tracked }) }
      }
      return { name, body: renderRedlineHtml(comparison.redline, meta) }
    })()

    return send(query.format, file)
  })
}

interface ExportFile {
  /** The file name offered to the person ("A-C.3-74-L.31-Rev.1.docx"). */
  name: string
  /** The file; for PDF, the printable HTML page (without its print button yet). */
  body: string | Buffer
}

/** The printable page's one script: the print button's `onclick`, allowed by its hash alone. */
const PRINT_HANDLER_HASH = createHash('sha256').update('window.print()').digest('base64')
const PRINTABLE_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'unsafe-hashes' 'sha256-${PRINT_HANDLER_HASH}'`,
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ')

function send(format: ExportFormat, file: ExportFile): Response {
  const headers: Record<string, string> = {
    'content-type': EXPORT_CONTENT_TYPES[format],
    'content-disposition': `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.name}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  }
  if (format === 'pdf') {
    headers['content-security-policy'] = PRINTABLE_PAGE_POLICY
    const page = withPrintButton(String(file.body), file.name.replace(/\.pdf$/, ''))
    return new Response(page, { headers })
  }
  return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), { headers })
}

/** The version `id` names, null for the live text (absent or "live"); 404 for anything else. */
function versionOrRefuse(deps: VersionDeps, documentId: string, id: string | undefined, name: 'version' | 'against'): StoredVersion | null {
  if (id === undefined || id === LIVE) return null
  const version = deps.store.getVersion(id)
  if (!version || version.documentId !== documentId) return refuse(404, `${name}: no version of this resolution has this id`)
  return version
}

/**
 * A version read as the live text is read: heading, title and enacting line from its stored
 * state; the paragraphs with the numbering and statuses the version recorded.
 */
function versionReading(version: StoredVersion): ResolutionReading {
  const statuses = new Map(version.paragraphs.map((p) => [p.id, p.status]))
  const reading = readResolution(versionNode(version.state).toJSON() as DocJson, statuses)
  return { ...reading, paragraphs: version.paragraphs }
}

/**
 * The compilation page carries a filter form that submits to `…/compilation`'s own query; an
 * export is the whole compilation, so the form (never printed anyway) is left out.
 */
function withoutFilterForm(html: string): string {
  return html.replace(/<form class="filters no-print"[\s\S]*?<\/form>\n?/, '')
}
