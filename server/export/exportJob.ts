import { compileText } from '../../shared/amendments/compile'
import type { Amendment } from '../../shared/amendments/types'
import type { Paragraph } from '../../shared/paragraphs/types'
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { VersionRedline } from '../../shared/versions/types'
import { cleanDocx, type CompilationDocxMeta, compilationDocx, type RedlineDocxMeta, redlineDocx } from './docx'
import { cleanPdf } from './pdfClean'
import { compilationPdf, type CompilationPdfMeta } from './pdfCompilation'
import { redlinePdf, type RedlinePdfMeta } from './pdfRedline'

/**
 * One Word or PDF file to make, as plain data: what the worker thread receives (see
 * renderInWorker.ts). Everything in it survives the structured clone (the footnotes are a Map).
 *
 * The compilation is compiled on the worker too, from the paragraphs and the proposals, with the
 * same `compileText` as `GET …/compilation`: with thousands of proposals it is itself work.
 */
export type ExportJob =
  | { kind: 'clean'; format: 'docx' | 'pdf'; reading: ResolutionReading }
  | { kind: 'compilation'; format: 'docx'; paragraphs: Paragraph[]; amendments: Amendment[]; meta: CompilationDocxMeta }
  | { kind: 'compilation'; format: 'pdf'; paragraphs: Paragraph[]; amendments: Amendment[]; meta: CompilationPdfMeta }
  | { kind: 'redline'; format: 'docx'; redline: VersionRedline; meta: RedlineDocxMeta }
  | { kind: 'redline'; format: 'pdf'; redline: VersionRedline; meta: RedlinePdfMeta }

/** Makes the file. Runs on the export worker; the main thread only sends the job and sends the file on. */
export function renderExportJob(job: ExportJob): Promise<Buffer> {
  switch (job.kind) {
    case 'clean':
      return job.format === 'docx' ? cleanDocx(job.reading) : cleanPdf(job.reading)
    case 'compilation': {
      const compilation = compileText(job.paragraphs, job.amendments)
      return job.format === 'docx' ? compilationDocx(compilation, job.meta) : compilationPdf(compilation, job.meta)
    }
    case 'redline':
      return job.format === 'docx' ? redlineDocx(job.redline, job.meta) : redlinePdf(job.redline, job.meta)
  }
}
