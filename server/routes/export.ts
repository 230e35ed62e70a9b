import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { EXPORT_CONTENT_TYPES, type ExportFormat, exportQuery } from '../../shared/api/export'
import { authorize } from '../access/authorize'
import type { ExportFile } from '../export/exportFile'
import { checkExportRate } from '../limits/exportRate'
import type { VersionDeps } from '../versions/versionCommands'
import { validate } from './validate'

/**
 * `GET /api/documents/:id/export?format=docx|pdf|akn|html&view=clean|compilation|redline&version=<vid>&against=<vid>`
 * (query: shared/api/export.ts). Anyone who may read the resolution may export it.
 *
 *   - `clean`: the text of `version` (default: the live text) as .docx, PDF, Akoma Ntoso 3.0 or
 *     the printable page;
 *   - `compilation`: the live text with its pending proposals (no version: proposals are pending
 *     against the live text only), as .docx, PDF or the printable page;
 *   - `redline`: the changes from `against` (default: the newest named version) to `version`
 *     (default: the live text), as .docx with Word tracked changes, PDF or the printable page.
 *
 * `format=pdf` is a PDF made on the server (pdfkit, fonts embedded; see server/export/pdfComposer.ts),
 * served `inline` so that a link opened in a new tab shows it, under the file name it is saved as.
 * `format=html` is the view's printable A4 page (the shared print stylesheet), with a visible
 * "Print or save as PDF" button that is hidden in print; its title is the file's name, which
 * browsers offer when saving. The .docx and Akoma Ntoso files are served as attachments.
 *
 * File names come from the symbol and, when a version is exported, its label
 * ("A-C.3-74-L.31-Rev.1.docx"; "…-compilation.pdf", "…-redline.docx"; Akoma Ntoso "….akn.xml").
 * The .docx and PDF files are made on a worker thread (server/export/renderInWorker.ts), and one
 * person may export `exportsPerMinute` of them a minute (20 by default; server/limits/): past it,
 * 429. Errors are `4xx { error }`: a bad query 400, an unknown version 404, too many files 429;
 * 503 when the export workers are busy with a long queue, or a file took too long to make.
 */
// The export code (Akoma Ntoso, the printable pages, the pool of export workers) is loaded by the
// first export, not with the server.
const exporting = () => Promise.all([import('../export/exportFile'), import('../export/cleanHtml')])

export function exportRoutes(deps: VersionDeps) {
  const read = authorize(deps.store, 'document.read')
  return new Hono().get('/export', read, validate('query', exportQuery), async (c) => {
    const query = c.req.valid('query')
    if (query.format === 'docx' || query.format === 'pdf') checkExportRate(deps.store, c.var.access)
    const [{ exportFile }, { withPrintButton }] = await exporting()
    return send(query.format, await exportFile(deps, c.req.param('id')!, query), withPrintButton)
  })
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

function send(format: ExportFormat, file: ExportFile, withPrintButton: (page: string, title: string) => string): Response {
  const headers: Record<string, string> = {
    'content-type': EXPORT_CONTENT_TYPES[format],
    'content-disposition': `${format === 'pdf' || format === 'html' ? 'inline' : 'attachment'}; filename="${file.name}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  }
  if (format === 'html') {
    headers['content-security-policy'] = PRINTABLE_PAGE_POLICY
    const page = withPrintButton(String(file.body), file.name.replace(/\.html$/, ''))
    return new Response(page, { headers })
  }
  return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), { headers })
}

