import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { compileText } from '../../shared/amendments/compile'
import { compareVersions } from '../../shared/versions/compareVersions'
import { adoptedReading, arabicReading, thirtyParagraphReading } from './exportFixtures'
import { cleanPdf } from './pdfClean'
import { compilationPdf } from './pdfCompilation'
import { redlinePdf } from './pdfRedline'

/** The PDF's text page by page, whitespace collapsed, and the whole of it. */
async function read(pdf: Buffer): Promise<{ pages: string[]; all: string }> {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })
  const pages = text.map((page) => page.replace(/\s+/g, ' '))
  return { pages, all: pages.join(' ') }
}

/** Every needle found in order, each after the one before. */
function expectInOrder(haystack: string, needles: readonly string[]): void {
  let at = 0
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at)
    expect(found, `"${needle}" after position ${at}`).toBeGreaterThanOrEqual(0)
    at = found + needle.length
  }
}

const wordsOf = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('the clean text as PDF', () => {
  const reading = thirtyParagraphReading()

  it('holds the heading, every paragraph and the footnotes, in order, on numbered pages', async () => {
    const { pages, all } = await read(await cleanPdf(reading))
    expect(pages.length).toBeGreaterThan(1)
    expectInOrder(all, [
      'United Nations',
      'A/C.3/74/L.31/Rev.1',
      'General Assembly',
      'Distr.: Limited',
      '5 November 2019',
      'Original: English',
      'Seventy-fourth session',
      'Third Committee',
      'Agenda item 70 (b)',
      'Promotion and protection of human rights: human rights questions',
      'Norway, Ireland & Mexico: revised draft resolution',
      'Protecting human rights defenders <in the digital age>',
      'The General Assembly,',
    ])
    // Paragraph by paragraph; a footnote marker may stand between two words (its number is text too).
    const body = all.replace(/(\D)\d(?=[ ,;:])/g, '$1')
    expectInOrder(body, reading.paragraphs.map((p) => wordsOf(p.text).slice(0, 40)))
    expectInOrder(all, ['1.', 'Calls upon', '(a)', 'To refrain', '(i)', 'Access to independent courts;', '13.', 'Decides to remain seized'])
    expect(all).not.toContain('PP1')
  })

  it('sets each footnote at the foot of the page where its marker stands', async () => {
    const { pages } = await read(await cleanPdf(reading))
    const notes = reading.paragraphs.flatMap((p) => p.footnotes ?? [])
    expect(notes.map((n) => n.number)).toEqual([1, 2, 3, 4])
    for (const note of notes) {
      const page = pages.findIndex((text) => text.includes(note.text))
      expect(page, note.text).toBeGreaterThanOrEqual(0)
      const paragraph = reading.paragraphs.find((p) => p.footnotes?.includes(note))!
      expect(pages[page]).toContain(wordsOf(paragraph.text).slice(0, 30))
      // Below the text of its page: after the paragraph that refers to it.
      expect(pages[page].lastIndexOf(note.text)).toBeGreaterThan(pages[page].indexOf(wordsOf(paragraph.text).slice(0, 30)))
    }
    expectInOrder(pages.join(' '), notes.map((n) => n.text))
  })

  it('prints an adopted text with its number, the adoption record and the meeting line, and invents no date', async () => {
    const { all } = await read(await cleanPdf(adoptedReading()))
    expectInOrder(all, [
      'Resolution adopted by the General Assembly on 18 December 2019',
      '[on the report of the Third Committee (A/74/399/Add.2)]',
      '74/146. Protecting human rights defenders',
      'Decides to remain seized of the matter.',
      '50th plenary meeting, 18 December 2019',
    ])
    expect(all).not.toMatch(/Distr\.|Original:|revised draft resolution/)
  })

  it('sets an Arabic text with its Arabic words, masthead and footnote', async () => {
    const { all } = await read(await cleanPdf(arabicReading()))
    for (const word of ['الأمم', 'المتحدة', 'مجلس', 'الإنسان', 'يهيب', 'بجميع', 'الدول', 'المسألة', 'الوثيقة', 'A/HRC/55/L.12', '52/23']) {
      expect(all).toContain(word)
    }
  })
})

describe('the compilation and the redline as PDF', () => {
  const paragraphs = thirtyParagraphReading().paragraphs
  const target = paragraphs[10]

  it('sets each proposal under its paragraph, attributed, with its redline and justification', async () => {
    const compilation = compileText(paragraphs, [
      {
        id: 'a-1',
        documentId: 'r-1',
        paragraphId: target.id,
        kind: 'replace',
        newParagraphKind: null,
        state: 'Brazil',
        enteredBy: null,
        supporters: ['Chile'],
        objectors: ['Kenya'],
        text: target.text.replace('respect, protect', 'fully respect'),
        baseText: target.text,
        note: 'Stronger language',
        status: 'pending',
        createdAt: '2024-11-20T09:00:00.000Z',
        decidedAt: null,
      decision: null,
      reopensAgreed: false,
      },
    ])
    const footnotes = new Map(paragraphs.map((p) => [p.id, p.footnotes ?? []]))
    const { all } = await read(await compilationPdf(compilation, { title: 'Defenders', symbol: 'A/C.3/74/L.31', generatedAt: '2024-11-23T10:00:00Z', footnotes }))
    expectInOrder(all, [
      'A/C.3/74/L.31',
      'Compilation text as of 23 November 2024, 10:00 UTC',
      'Recalling the Charter',
      '1.',
      'Calls upon all States',
      'Proposed by Brazil, joined by Chile; objected to by Kenya',
      'Calls upon all States to',
      'Stronger language',
      'Decides to remain seized',
    ])
    expect(all).toContain('Resolution 217 A (III).')
  })

  it('marks the changes between two versions and keeps the newer text’s footnotes', async () => {
    const after = paragraphs.map((p, i) => (i === 10 ? { ...p, text: `${p.text.slice(0, -1)} online and offline;` } : p))
    const redline = compareVersions(paragraphs.slice(0, 29), after)
    const footnotes = new Map(after.map((p) => [p.id, p.footnotes ?? []]))
    const { all } = await read(await redlinePdf(redline, { title: 'Defenders', symbol: 'A/C.3/74/L.31', fromLabel: 'Rev.1', toLabel: 'Rev.2', footnotes }))
    expectInOrder(all, ['Changes from Rev.1 to Rev.2', redline.summary, 'online and offline;', 'Requests the Secretary-General', 'Decides to remain seized'])
    expect(all).toContain('See also the report of the High Commissioner.')
  })
})
