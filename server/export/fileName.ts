/**
 * The name an exported file is offered under: built from the document's symbol and revision, as
 * delegations file them ("A-C.3-74-L.31-Rev.1.docx"). A symbol's slashes become hyphens and
 * anything that is not a plain letter, digit, dot or hyphen is dropped, so the name is safe in a
 * Content-Disposition header and on every file system.
 */

export type ExportView = 'clean' | 'compilation' | 'redline'

/** No file name needs more than this; a pathological symbol or revision label is cut short. */
const MAX_STEM = 120

/** "A/C.3/74/L.31" → "A-C.3-74-L.31"; "Rev. 1" → "Rev.-1"; "" → "". */
function safePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s/\\]+/g, '-')
    .replace(/[^A-Za-z0-9.-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
}

/**
 * `exportFileName('A/C.3/74/L.31', 'Rev.1', 'clean', 'docx')` → "A-C.3-74-L.31-Rev.1.docx".
 * The clean text carries no view suffix; the other views add theirs ("…-compilation.docx",
 * "…-redline.pdf"). Without a symbol the stem is "resolution". A revision the symbol already ends
 * with ("A/C.3/74/L.31/Rev.1" + "Rev.1") is not repeated.
 */
export function exportFileName(symbol: string, revision: string | null | undefined, view: ExportView, ext: string): string {
  const base = safePart(symbol) || 'resolution'
  const rev = safePart(revision ?? '')
  const withRevision = rev && !base.toLowerCase().endsWith(`-${rev.toLowerCase()}`) ? `${base}-${rev}` : base
  const named = withRevision.slice(0, MAX_STEM).replace(/[-.]+$/, '') || 'resolution'
  const stem = view === 'clean' ? named : `${named}-${view}`
  const extension = safePart(ext.replace(/^\.+/, '')).toLowerCase() || 'bin'
  return `${stem}.${extension}`
}
