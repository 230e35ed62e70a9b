import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { readPastedText } from '../../shared/paragraphs/parseResolutionText'
import { readResolution, type ResolutionReading } from '../../shared/paragraphs/readResolution'
import { draftFromDocx } from '../import/docxImport'
import { cleanDocx } from './docx'
import { readingOf, thirtySpecs, type Spec } from './docxTestKit'

/** A .docx imported as the import route does it, then read as the server reads a stored resolution. */
async function importAndRead(buffer: Buffer): Promise<ResolutionReading> {
  let n = 0
  const draft = await draftFromDocx(new Uint8Array(buffer), { fileName: 'export.docx' })
  return readResolution(draftToDocJson(draft, () => `p${++n}`))
}

const paragraphJson = (reading: ResolutionReading) => reading.paragraphs.map(({ kind, number, text }) => ({ kind, number, text }))

describe('clean .docx round trip: export → import → export → import', () => {
  it('gives identical paragraph JSON (kind, number, text) both times, equal to what was exported', async () => {
    const original = readingOf(thirtySpecs())
    const first = await importAndRead(await cleanDocx(original))
    const second = await importAndRead(await cleanDocx(first))
    expect(paragraphJson(first)).toEqual(paragraphJson(original))
    expect(paragraphJson(second)).toEqual(paragraphJson(first))
    expect(second.paragraphs).toHaveLength(30)
  })

  it('keeps the title, the enacting line and the heading fields the recogniser knows', async () => {
    const original = readingOf(thirtySpecs())
    const first = await importAndRead(await cleanDocx(original))
    const second = await importAndRead(await cleanDocx(first))
    expect(first.title).toBe(original.title)
    expect(first.enacting).toBe(original.enacting)
    // The organ is printed from the enacting line, and read back as the heading's organ.
    expect(first.heading).toEqual({ ...original.heading, agendaItem: 'Agenda item 70 (b)', organ: 'General Assembly' })
    expect({ heading: second.heading, title: second.title, enacting: second.enacting }).toEqual({
      heading: first.heading,
      title: first.title,
      enacting: first.enacting,
    })
  })

  it('round-trips a lone, unnumbered OP and text with quotes, ampersands and angle brackets', async () => {
    const specs: Spec[] = [
      { id: 'a', kind: 'pp', opening: 'Recalling', rest: ' the "Rio" & <Paris> declarations,' },
      { id: 'b', kind: 'op', opening: 'Decides', rest: ' to remain seized of the matter.' },
    ]
    const original = readingOf(specs)
    const first = await importAndRead(await cleanDocx(original))
    expect(paragraphJson(first)).toEqual(paragraphJson(original))
    expect(first.paragraphs[1].number).toBe('')
  })
})

describe('pasted real text → .docx → import', () => {
  // A real Third Committee draft as a PDF extraction gives it: footnotes, sponsors, page furniture.
  const pasted = readFileSync(join(import.meta.dirname, '../../shared/paragraphs/corpus/en-ga-a-c3-80-l26-pdf.txt'), 'utf8')

  it('gives back the same paragraphs, footnotes, heading and title', async () => {
    let n = 0
    const original = readResolution(draftToDocJson(readPastedText(pasted).draft, () => `p${++n}`))
    expect(original.paragraphs.flatMap((p) => p.footnotes ?? []).length).toBeGreaterThan(3)
    const back = await importAndRead(await cleanDocx(original))
    const withNotes = (reading: ResolutionReading) =>
      reading.paragraphs.map(({ kind, number, text, footnotes }) => ({ kind, number, text, footnotes }))
    expect(withNotes(back)).toEqual(withNotes(original))
    expect(back.title).toBe(original.title)
    expect(back.heading).toEqual(original.heading)
  })
})
