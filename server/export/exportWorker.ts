/**
 * Runs in a worker thread (see renderInWorker.ts): makes the Word and PDF files, one job at a
 * time, and posts each file back. Building a large compilation takes a second or more of solid
 * work; here it costs this thread's time, never the room's.
 */
import { parentPort } from 'node:worker_threads'
import { type ExportJob, renderExportJob } from './exportJob'

export type ExportRequest = { id: number; job: ExportJob }
export type ExportAnswer = { id: number; ok: true; file: Uint8Array } | { id: number; ok: false; message: string }

parentPort!.on('message', async ({ id, job }: ExportRequest) => {
  try {
    // A copy of its own, so that its memory can be handed over rather than copied once more.
    const file = new Uint8Array(await renderExportJob(job))
    parentPort!.postMessage({ id, ok: true, file } satisfies ExportAnswer, [file.buffer])
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    parentPort!.postMessage({ id, ok: false, message } satisfies ExportAnswer)
  }
})
