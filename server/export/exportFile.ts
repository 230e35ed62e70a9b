import { LIVE } from '../../shared/api/versions'
import type { ExportQuery } from '../../shared/api/export'
import { compileText } from '../../shared/amendments/compile'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { footnotesById, readResolution, type ResolutionReading } from '../../shared/paragraphs/readResolution'
import { refuse } from '../access/enforce'
import { currentParagraphs } from '../amendments/amendmentCommands'
import { renderCompilationHtml } from '../amendments/compilationHtml'
import { versionNode } from '../collab/restoreVersion'
import type { StoredVersion } from '../store/types'
import { renderRedlineHtml } from '../versions/redlineHtml'
import { compare, type VersionDeps } from '../versions/versionCommands'
import { renderAkn } from './akn'
import { renderCleanHtml } from './cleanHtml'
import { exportFileName } from './fileName'
import { renderInWorker } from './renderInWorker'

/**
 * What `GET …/export` sends, for each view and format: the file and the name it is offered
 * under. The compilation and the redline are computed exactly as `…/compilation` and `…/compare`
 * compute them (compileText, compare); nothing is recomputed here.
 *
 * The Word and PDF files are made on a worker thread (renderInWorker.ts) from that plain data, so
 * the room keeps relaying keystrokes meanwhile; Akoma Ntoso and the printable pages are strings
 * made in a few milliseconds, here.
 */
export interface ExportFile {
  /** The file name offered to the person ("A-C.3-74-L.31-Rev.1.docx"). */
  name: string
  /** The file; for `html`, the printable page (without its print button yet). */
  body: string | Buffer
}

export async function exportFile(deps: VersionDeps, documentId: string, query: ExportQuery): Promise<ExportFile> {
  const view = query.view ?? 'clean'
  const generatedAt = new Date().toISOString()
  const document = deps.store.getDocument(documentId)!
  if (view === 'clean') {
    const version = versionOrRefuse(deps, documentId, query.version, 'version')
    const reading = version ? versionReading(version) : readResolution(deps.rooms.read(documentId), deps.store.paragraphStatuses(documentId))
    const name = (ext: string) => exportFileName(reading.heading.symbol, version?.label, 'clean', ext)
    if (query.format === 'akn') {
      return { name: name('akn.xml'), body: renderAkn(reading, { documentId, versionId: version?.id, generatedAt }) }
    }
    if (query.format === 'docx' || query.format === 'pdf') {
      return { name: name(query.format), body: await renderInWorker({ kind: 'clean', format: query.format, reading }) }
    }
    return { name: name('html'), body: renderCleanHtml(reading, { documentId, versionId: version?.id, versionLabel: version?.label }) }
  }

  if (view === 'compilation') {
    const paragraphs = currentParagraphs(deps, documentId)
    const amendments = deps.store.listAmendments(documentId)
    const name = exportFileName(document.symbol, null, 'compilation', query.format)
    const meta = { title: document.title, symbol: document.symbol, generatedAt, footnotes: footnotesById(paragraphs) }
    if (query.format === 'docx' || query.format === 'pdf') {
      return { name, body: await renderInWorker({ kind: 'compilation', format: query.format, paragraphs, amendments, meta }) }
    }
    const compilation = compileText(paragraphs, amendments)
    return { name, body: renderCompilationHtml(compilation, { ...meta, filter: {}, states: [], withoutFilterForm: true }) }
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
  const newerText = newer ? versionReading(newer) : readResolution(deps.rooms.read(documentId), deps.store.paragraphStatuses(documentId))
  const meta = {
    title: document.title,
    symbol: document.symbol,
    fromLabel: comparison.from.label,
    toLabel: comparison.to.label,
    generatedAt,
    footnotes: footnotesById(newerText.paragraphs),
  }
  if (query.format === 'docx') {
    // Word names an author and a date on every tracked change: whoever named the newer
    // version, when; for the live text, Penholder, now.
    const tracked = { author: newer?.author ?? 'Penholder', date: newer?.createdAt ?? generatedAt }
    return { name, body: await renderInWorker({ kind: 'redline', format: 'docx', redline: comparison.redline, meta: { ...meta, ...tracked } }) }
  }
  if (query.format === 'pdf') return { name, body: await renderInWorker({ kind: 'redline', format: 'pdf', redline: comparison.redline, meta }) }
  return { name, body: renderRedlineHtml(comparison.redline, meta) }
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
  // Versions stored before footnotes were read keep theirs in the stored state only.
  const footnotes = footnotesById(reading.paragraphs)
  return { ...reading, paragraphs: version.paragraphs.map((p) => ({ ...p, footnotes: p.footnotes ?? footnotes.get(p.id) ?? [] })) }
}
