import { Worker } from 'node:worker_threads'
import type { ResolutionDraft } from '../../shared/paragraphs/types'
import { DocxImportError, fileLabel } from './docxArchive'
import { unreadable } from './docxImport'

/** Long enough for the largest file the limits let through (mammoth reads about 1 MB of XML a second). */
const TIME_LIMIT_MS = 20_000
/** A few times what the largest allowed file needs; past it the worker, not the server, runs out. */
const MEMORY_LIMIT_MB = 1024

/**
 * The worker is TypeScript like the rest of the server. Node 20 does not pass the main thread's
 * `--import tsx` loader on to a worker's own entry file, so the worker registers tsx itself first.
 */
const WORKER_FILE = new URL('./docxWorker.ts', import.meta.url).href
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_FILE)}) })`

type Answer = { ok: true; draft: ResolutionDraft } | { ok: false; message: string; status: 400 | 413 }

/**
 * `draftFromDocx` on a worker thread with a time and memory limit: mammoth is synchronous work on
 * whatever the file holds, and the server keeps serving the room meanwhile.
 */
export function draftFromDocxInWorker(
  bytes: Uint8Array,
  { fileName, timeLimitMs = TIME_LIMIT_MS }: { fileName?: string; timeLimitMs?: number } = {},
): Promise<ResolutionDraft> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { bytes, fileName },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      outcome()
    }
    const timer = setTimeout(
      () => settle(() => reject(new DocxImportError(`${fileLabel(fileName)} took too long to read. Save it again in Word as a .docx and retry, or paste the text.`))),
      timeLimitMs,
    )
    worker.once('message', (answer: Answer) =>
      settle(() => (answer.ok ? resolve(answer.draft) : reject(new DocxImportError(answer.message, answer.status)))),
    )
    // A crash or an exhausted memory limit ends the worker without an answer: the file is at fault.
    const unread = () => settle(() => reject(new DocxImportError(unreadable(fileName))))
    worker.once('error', unread)
    worker.once('exit', unread)
  })
}
