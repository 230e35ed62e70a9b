import { HTTPException } from 'hono/http-exception'
import { Worker } from 'node:worker_threads'
import type { ExportJob } from './exportJob'
import type { ExportAnswer, ExportRequest } from './exportWorker'

/**
 * The Word and PDF files are made on worker threads, never on the thread that relays the room's
 * keystrokes: an observer exporting a large compilation in a loop once took typing from 5 to
 * 607 ms (issue 13). The main thread computes what the file shows (the reading, the compilation,
 * the redline: plain data), hands it over, and sends on the bytes that come back.
 *
 * A small pool: `size` workers (one by default, so that exports use at most one core of the
 * server's), each making one file at a time; further jobs wait in a short queue, and past it the
 * request is refused with 503 rather than queued without end. A worker starts on the first job,
 * and ends after `idleMs` without one, so an idle server holds no thread.
 *
 * Each job has a time limit and each worker a heap limit, as for reading Word files
 * (server/import/readInWorker.ts): a job past its time ends its worker (the next job gets a fresh
 * one) and answers 503; a worker that dies (its heap exhausted) fails its job, logged as a 500.
 */
export interface ExportWorkersOptions {
  /** How many files are made at the same time (default 1). */
  size?: number
  /** Most jobs waiting for a worker; more are refused with 503 (default 16). */
  maxQueued?: number
  /** Longest a file may take, start of its worker included (default 60 s). */
  timeLimitMs?: number
  /** Heap limit of each worker (default 1024 MB). */
  memoryLimitMb?: number
  /** A worker without a job for this long ends (default 30 s). */
  idleMs?: number
}

/**
 * The worker is TypeScript like the rest of the server. Node 20 does not pass the main thread's
 * `--import tsx` loader on to a worker's own entry file, so the worker registers tsx itself first.
 */
const WORKER_FILE = new URL('./exportWorker.ts', import.meta.url).href
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_FILE)}) })`

interface Task {
  id: number
  job: ExportJob
  resolve: (file: Buffer) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker | null
  task: Task | null
  timer: NodeJS.Timeout | null
}

export class ExportWorkers {
  private readonly slots: Slot[]
  private readonly queue: Task[] = []
  private nextId = 1
  private readonly maxQueued: number
  private readonly timeLimitMs: number
  private readonly memoryLimitMb: number
  private readonly idleMs: number

  constructor({ size = 1, maxQueued = 16, timeLimitMs = 60_000, memoryLimitMb = 1024, idleMs = 30_000 }: ExportWorkersOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, task: null, timer: null }))
    this.maxQueued = maxQueued
    this.timeLimitMs = timeLimitMs
    this.memoryLimitMb = memoryLimitMb
    this.idleMs = idleMs
  }

  /** Makes the file on a worker; the promise settles with the file or the refusal. */
  render(job: ExportJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, resolve, reject }
      const free = this.slots.find((slot) => slot.task === null)
      if (free) return this.run(free, task)
      if (this.queue.length >= this.maxQueued) {
        return reject(new HTTPException(503, { message: 'The server is busy making other files; try again in a moment.' }))
      }
      this.queue.push(task)
    })
  }

  /** Ends every worker; jobs still waiting or running are refused. */
  async close(): Promise<void> {
    const stopped = new HTTPException(503, { message: 'The server is stopping; the file was not made.' })
    for (const task of this.queue.splice(0)) task.reject(stopped)
    await Promise.all(
      this.slots.map((slot) => {
        const task = slot.task
        const worker = this.release(slot)
        task?.reject(stopped)
        return worker?.terminate()
      }),
    )
  }

  private run(slot: Slot, task: Task): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = task
    const worker = slot.worker ?? this.start(slot)
    // A busy worker keeps the process alive as a pending request would; an idle one never does.
    worker.ref()
    slot.timer = setTimeout(() => {
      this.release(slot)?.terminate()
      task.reject(new HTTPException(503, { message: `Making this file took longer than ${Math.max(1, Math.round(this.timeLimitMs / 1000))} s, and was stopped; try again in a moment.` }))
      this.next(slot)
    }, this.timeLimitMs)
    worker.postMessage({ id: task.id, job: task.job } satisfies ExportRequest)
  }

  private start(slot: Slot): Worker {
    const worker = new Worker(BOOT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } })
    slot.worker = worker
    worker.on('message', (answer: ExportAnswer) => {
      const task = slot.task
      if (slot.worker !== worker || task?.id !== answer.id) return
      if (slot.timer) clearTimeout(slot.timer)
      slot.task = null
      if (answer.ok) task.resolve(Buffer.from(answer.file.buffer, answer.file.byteOffset, answer.file.byteLength))
      else task.reject(new Error(`The export worker could not make the file: ${answer.message}`))
      this.next(slot)
    })
    // A crash or an exhausted heap ends the worker without an answer: its job fails, the next gets a fresh worker.
    const died = (reason: unknown) => {
      if (slot.worker !== worker) return
      const task = slot.task
      this.release(slot)
      task?.reject(new Error('The export worker stopped before the file was made', { cause: reason }))
      this.next(slot)
    }
    worker.on('error', died)
    worker.on('exit', (code) => died(`exit code ${code}`))
    return worker
  }

  /** Forgets the slot's worker and job; gives back the worker to end. */
  private release(slot: Slot): Worker | null {
    const worker = slot.worker
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.worker = null
    slot.task = null
    return worker
  }

  /** The next waiting job, or the idle countdown. */
  private next(slot: Slot): void {
    const task = this.queue.shift()
    if (task) return this.run(slot, task)
    const worker = slot.worker
    if (!worker) return
    worker.unref()
    slot.timer = setTimeout(() => {
      if (slot.task === null && slot.worker === worker) void this.release(slot)?.terminate()
    }, this.idleMs)
    slot.timer.unref()
  }
}

let shared: ExportWorkers | null = null

/**
 * The process's one pool: exports share the server's cores whatever resolution they are of.
 * Made on the first export, so importing this module starts nothing.
 */
export function renderInWorker(job: ExportJob): Promise<Buffer> {
  shared ??= new ExportWorkers()
  return shared.render(job)
}
