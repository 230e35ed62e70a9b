/**
 * Runs in a worker thread (see readInWorker.ts): reads one .docx and posts back the draft or the
 * refusal. A hostile file can then cost this thread its time or memory, never the server's.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { DocxImportError, draftFromDocx, unreadable } from './docxImport'

const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName?: string }
try {
  parentPort!.postMessage({ ok: true, draft: await draftFromDocx(bytes, { fileName }) })
} catch (error) {
  const refusal = error instanceof DocxImportError ? error : new DocxImportError(unreadable(fileName))
  parentPort!.postMessage({ ok: false, message: refusal.message, status: refusal.status })
}
