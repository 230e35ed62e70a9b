import { strFromU8, unzipSync } from 'fflate'
import { HTTPException } from 'hono/http-exception'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanDocx } from './docx'
import type { ExportJob } from './exportJob'
import { thirtyParagraphReading } from './exportFixtures'
import { ExportWorkers } from './renderInWorker'

const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!)

const pools: ExportWorkers[] = []
const pool = (options: ConstructorParameters<typeof ExportWorkers>[0]) => {
  const made = new ExportWorkers(options)
  pools.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

const job = (): ExportJob => ({ kind: 'clean', format: 'docx', reading: thirtyParagraphReading() })

describe('making Word and PDF files on a worker thread', () => {
  it('makes the same file as the main thread does', async () => {
    const file = await pool({}).render(job())
    expect(documentXml(file)).toBe(documentXml(await cleanDocx(thirtyParagraphReading())))
  })

  it('makes one file after another on the same worker, and PDFs too', async () => {
    const workers = pool({})
    const [docx, pdf] = await Promise.all([workers.render(job()), workers.render({ kind: 'clean', format: 'pdf', reading: thirtyParagraphReading() })])
    expect(strFromU8(docx.subarray(0, 2))).toBe('PK')
    expect(strFromU8(pdf.subarray(0, 5))).toBe('%PDF-')
  })

  it('refuses with 503 when more jobs wait than the queue holds', async () => {
    const workers = pool({ size: 1, maxQueued: 1 })
    const outcomes = await Promise.allSettled([workers.render(job()), workers.render(job()), workers.render(job())])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected'])
    const refusal = (outcomes[2] as PromiseRejectedResult).reason as HTTPException
    expect(refusal).toBeInstanceOf(HTTPException)
    expect([refusal.status, refusal.message]).toEqual([503, 'The server is busy making other files; try again in a moment.'])
  })

  it('stops a file that takes longer than the limit, with 503', async () => {
    const workers = pool({ timeLimitMs: 1 })
    const refusal = (await workers.render(job()).catch((e: unknown) => e)) as HTTPException
    expect(refusal).toBeInstanceOf(HTTPException)
    expect(refusal.status).toBe(503)
    expect(refusal.message).toMatch(/^Making this file took longer than .* and was stopped/)
  })

  it('fails the job, not the server, when the worker runs out of memory', async () => {
    const workers = pool({ memoryLimitMb: 1 })
    const failure = (await workers.render(job()).catch((e: unknown) => e)) as Error
    expect(failure).toBeInstanceOf(Error)
    expect(failure.message).toBe('The export worker stopped before the file was made')
  })
})
