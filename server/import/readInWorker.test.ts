import { describe, expect, it } from 'vitest'
import { zeroDraftDocx } from '../test/docxFixtures'
import { DocxImportError } from './docxArchive'
import { draftFromDocx } from './docxImport'
import { draftFromDocxInWorker } from './readInWorker'

describe('reading a Word file on a worker thread', () => {
  it('gives the same draft as reading it on the main thread', async () => {
    const bytes = new Uint8Array(await zeroDraftDocx({ numbering: 'word' }))
    expect(await draftFromDocxInWorker(bytes, { fileName: 'zero-draft.docx' })).toEqual(await draftFromDocx(bytes, { fileName: 'zero-draft.docx' }))
  })

  it('passes the reader’s refusal on, with its status', async () => {
    const refusal = await draftFromDocxInWorker(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { fileName: 'photo.docx' }).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(DocxImportError)
    expect((refusal as DocxImportError).message).toMatch(/^“photo\.docx” is not a Word \(\.docx\) file/)
    expect((refusal as DocxImportError).status).toBe(400)
  })

  it('gives up on a file that takes longer than the limit, with a message saying what to do', async () => {
    const bytes = new Uint8Array(await zeroDraftDocx())
    const refusal = await draftFromDocxInWorker(bytes, { fileName: 'slow.docx', timeLimitMs: 1 }).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(DocxImportError)
    expect((refusal as DocxImportError).message).toMatch(/^“slow\.docx” took too long to read\. Save it again/)
  })
})
