import { z } from 'zod'
import { LIVE } from './versions'

/** `html` is the printable page of a view, for the browser's print dialog; `pdf` is a PDF file made on the server. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'akn', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_VIEWS = ['clean', 'compilation', 'redline'] as const
export type ExportView = (typeof EXPORT_VIEWS)[number]

/** Which views each format can give. Akoma Ntoso carries the text itself, nothing else. */
export const VIEWS_BY_FORMAT: Record<ExportFormat, readonly ExportView[]> = {
  docx: EXPORT_VIEWS,
  pdf: EXPORT_VIEWS,
  akn: ['clean'],
  html: EXPORT_VIEWS,
}

const versionId = (name: string) => z.string().min(1, `${name}: a version id or "${LIVE}"`).max(100, `${name}: not a version id`)

/**
 * `GET /api/documents/:id/export`:
 *   - `format`: docx | pdf | akn | html (required);
 *   - `view`: clean (default) | compilation | redline; akn is clean only;
 *   - `version`: the version to export (default: the live text; "live" says so explicitly). The
 *     compilation is of the live text and its pending proposals only: no version;
 *   - `against`: the redline only: the older side (default: the newest named version); the newer
 *     side is `version`.
 */
export const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS, { message: `format: one of ${EXPORT_FORMATS.join(', ')}` }),
    view: z.enum(EXPORT_VIEWS, { message: `view: one of ${EXPORT_VIEWS.join(', ')}` }).optional(),
    version: versionId('version').optional(),
    against: versionId('against').optional(),
  })
  .superRefine((query, ctx) => {
    const view = query.view ?? 'clean'
    if (!VIEWS_BY_FORMAT[query.format].includes(view)) {
      ctx.addIssue({
        code: 'custom',
        path: ['view'],
        message: `view: ${query.format} exports ${VIEWS_BY_FORMAT[query.format].join(' or ')} only`,
      })
    }
    if (view === 'compilation' && query.version !== undefined && query.version !== LIVE) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'version: the compilation text is always of the current text and its pending proposals',
      })
    }
    if (view !== 'redline' && query.against !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['against'], message: 'against: only for the redline view' })
    }
  })
export type ExportQuery = z.infer<typeof exportQuery>

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  akn: 'application/akn+xml',
  html: 'text/html; charset=UTF-8',
}

/** The address of an export, for links: `exportUrl('r-1', { format: 'pdf', view: 'compilation' })`. */
export function exportUrl(
  documentId: string,
  { format, view = 'clean', version, against }: { format: ExportFormat; view?: ExportView; version?: string; against?: string },
): string {
  const query = new URLSearchParams({ format, view })
  if (version && version !== LIVE) query.set('version', version)
  if (against) query.set('against', against)
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`
}
