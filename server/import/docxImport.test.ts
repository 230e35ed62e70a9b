import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { parseResolutionText } from '../../shared/paragraphs/parseResolutionText'
import type { DraftParagraph } from '../../shared/paragraphs/types'
import { resolutionSchema } from '../../shared/schema/resolutionSchema'
import {
  docxOfLines,
  PNG_BYTES,
  ZERO_DRAFT_FOOTNOTE,
  ZERO_DRAFT_PARAGRAPHS,
  ZERO_DRAFT_TITLE,
  zeroDraftDocx,
  zipBomb,
} from '../test/docxFixtures'
import { DocxImportError, draftFromDocx, readDocx } from './docxImport'

/** [kind, level, text, italic words] as in ZERO_DRAFT_PARAGRAPHS. */
const shape = (paragraphs: DraftParagraph[]) =>
  paragraphs.map((p) => [
    p.kind,
    p.kind === 'op' ? p.level : null,
    p.text,
    (p.italics ?? []).map(([from, to]) => p.text.slice(from, to)),
  ])

async function refusal(bytes: Uint8Array, fileName?: string): Promise<DocxImportError> {
  const error = await draftFromDocx(bytes, { fileName }).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DocxImportError)
  return error as DocxImportError
}

describe('draftFromDocx', () => {
  it('reads a zero draft numbered by hand: heading, title, enacting line, PPs, OPs, sub-paragraphs, italics, footnote', async () => {
    const draft = await draftFromDocx(await zeroDraftDocx({ numbering: 'typed' }))
    // The recogniser reads more heading lines as it improves; these four it has always read.
    expect(draft.heading).toMatchObject({
      symbol: 'A/C.3/81/L.12',
      session: 'Eighty-first session',
      agendaItem: 'Agenda item 68 (b)',
      sponsors: 'Norway and Chile: draft resolution',
    })
    expect(draft.title).toBe(ZERO_DRAFT_TITLE)
    expect(draft.enacting).toBe('The General Assembly,')
    expect(shape(draft.paragraphs)).toEqual(ZERO_DRAFT_PARAGRAPHS)
    expect(draft.paragraphs[1].footnotes).toEqual([{ offset: draft.paragraphs[1].text.length, text: ZERO_DRAFT_FOOTNOTE }])
  })

  it('reads OPs and sub-paragraphs numbered by Word (a numbered list) by their list level', async () => {
    const typed = await draftFromDocx(await zeroDraftDocx({ numbering: 'typed' }))
    const word = await draftFromDocx(await zeroDraftDocx({ numbering: 'word' }))
    expect(shape(word.paragraphs)).toEqual(ZERO_DRAFT_PARAGRAPHS)
    expect(word).toEqual(typed)
  })

  it('keeps italics inside paragraphs as ranges, and leaves the opening words to the editor', async () => {
    const draft = await draftFromDocx(await zeroDraftDocx())
    const concerned = draft.paragraphs[2]
    expect(concerned.italics).toEqual([[22, 28]])
    expect(concerned.text.slice(22, 28)).toBe('ad hoc')
    // "Recalling", "Calls upon", "Requests" were italic in Word: the editor sets them so by itself.
    expect(draft.paragraphs[0].italics).toBeUndefined()
    expect(draft.paragraphs[3].italics).toBeUndefined()
  })

  it('makes Word footnotes the paragraph’s footnotes, at the offset of their reference, with no brackets in the text', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        footnotes: {
          1: { children: [new Paragraph({ children: [new TextRun('See '), new TextRun({ text: 'Official Records', italics: true })] })] },
          2: { children: [new Paragraph('A/HRC/55/1.')] },
        },
        sections: [
          {
            children: [
              new Paragraph('Human rights and water'),
              new Paragraph('The Human Rights Council,'),
              new Paragraph({
                children: [
                  new TextRun({ text: 'Noting', italics: true }),
                  new TextRun(' the report of the Special Rapporteur'),
                  new FootnoteReferenceRun(1),
                  new TextRun(' and the Council’s resolution,'),
                  new FootnoteReferenceRun(2),
                ],
              }),
              new Paragraph('1. Decides to continue its consideration of the matter.'),
            ],
          },
        ],
      }),
    )
    const draft = await draftFromDocx(bytes)
    expect(draft.enacting).toBe('The Human Rights Council,')
    const noting = 'Noting the report of the Special Rapporteur and the Council’s resolution,'
    expect(shape(draft.paragraphs)).toEqual([
      ['pp', null, noting, []],
      ['op', 0, 'Decides to continue its consideration of the matter.', []],
    ])
    expect(draft.paragraphs[0].footnotes).toEqual([
      { offset: 'Noting the report of the Special Rapporteur'.length, text: 'See Official Records' },
      { offset: noting.length, text: 'A/HRC/55/1.' },
    ])
    expect(draft.paragraphs[1].footnotes).toBeUndefined()
    // The editor puts each footnote where its reference stood.
    const preamble = draftToDocJson(draft).content![3].content![0].content!
    expect(preamble.map((node) => node.text ?? `[${node.type}: ${node.attrs?.text}]`)).toEqual([
      'Noting the report of the Special Rapporteur',
      '[footnote: See Official Records]',
      ' and the Council’s resolution,',
      '[footnote: A/HRC/55/1.]',
    ])
  })

  it('puts a reference typed after a space against the word before it, and leaves out notes on the heading', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        footnotes: { 1: { children: [new Paragraph('On the title.')] }, 2: { children: [new Paragraph('Resolution 64/292.')] } },
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('Water for all'), new FootnoteReferenceRun(1)] }),
              new Paragraph('The General Assembly,'),
              new Paragraph({ children: [new TextRun('Recalling its resolution '), new FootnoteReferenceRun(2), new TextRun('  of 2010,')] }),
              new Paragraph('1. Decides to remain seized of the matter.'),
            ],
          },
        ],
      }),
    )
    const draft = await draftFromDocx(bytes)
    expect(draft.title).toBe('Water for all')
    expect(draft.paragraphs[0]).toEqual({
      kind: 'pp',
      text: 'Recalling its resolution of 2010,',
      footnotes: [{ offset: 'Recalling its resolution'.length, text: 'Resolution 64/292.' }],
    })
  })

  it('gives the same draft as pasting the same lines (one recogniser)', async () => {
    const text = `United Nations A/C.3/74/L.31
Seventy-fourth session
Agenda item 70 (b)
Norway: draft resolution
Safety of negotiators
The General Assembly,
Recalling its earlier resolutions,
Deeply concerned by long nights,
1. Urges all facilitators to rest:
(a) At night;
(b) At weekends;
2. Decides to remain seized of the matter.`
    expect(await draftFromDocx(await docxOfLines(text.split('\n')))).toEqual(parseResolutionText(text))
  })

  it('gives a draft whose italics become italic marks the schema accepts', async () => {
    const json = draftToDocJson(await draftFromDocx(await zeroDraftDocx()))
    expect(() => resolutionSchema.nodeFromJSON(json).check()).not.toThrow()
    const operatives = json.content![4].content!
    expect(operatives[1].content).toEqual([
      { type: 'text', text: 'To invest in water infrastructure, ' },
      { type: 'text', text: 'inter alia', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' in rural areas;' },
    ])
  })

  it('reads table cells, line breaks and list levels from the Word file', async () => {
    const paragraphs = await readDocx(await zeroDraftDocx({ numbering: 'word' }))
    expect(paragraphs.slice(0, 2).map((p) => p.lines.map((line) => line.text))).toEqual([['United Nations'], ['A/C.3/81/L.12']])
    expect(paragraphs.slice(-7).map((p) => p.listLevel)).toEqual([0, 1, 1, 2, 2, 0, 0])
    expect(paragraphs.find((p) => p.lines[0].text.startsWith('Recalling'))?.listLevel).toBeNull()
  })
})

describe('draftFromDocx refuses, with a message saying what to do,', () => {
  it('an empty file', async () => {
    const error = await refusal(new Uint8Array(0), 'draft.docx')
    expect(error.status).toBe(400)
    expect(error.message).toBe('“draft.docx” is empty. Choose the Word (.docx) file of the draft.')
  })

  it('a picture renamed .docx, and a zip that is not a Word document', async () => {
    const png = await refusal(PNG_BYTES, 'photo.docx')
    expect(png.status).toBe(400)
    expect(png.message).toMatch(/^“photo\.docx” is not a Word \(\.docx\) file\. Save the draft from Word/)
    const notWord = await refusal(zipSync({ 'content.xml': strToU8('<office:document/>') }))
    expect(notWord.message).toMatch(/^The file is not a Word \(\.docx\) file/)
  })

  it('an old Word (.doc) file', async () => {
    const doc = new Uint8Array(512)
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect((await refusal(doc, 'old.doc')).message).toMatch(/is an old Word \(\.doc\) file.*save it as “Word Document \(\.docx\)”/)
  })

  it('a truncated file, and one whose document is not XML', async () => {
    const whole = await zeroDraftDocx()
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 100]) {
      const error = await refusal(whole.subarray(0, cut))
      expect(error.status).toBe(400)
      expect(error.message).toMatch(/^The file is damaged/)
    }
    const garbage = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document><<<') })
    expect((await refusal(garbage)).message).toMatch(/could not be read as a Word document/)
  })

  it('a zip bomb, from its declared sizes and, when those lie, from what it really inflates to', async () => {
    const honest = await refusal(zipBomb({ megabytes: 60 }), 'bomb.docx')
    expect(honest.status).toBe(413)
    expect(honest.message).toMatch(/^“bomb\.docx” was not read: it expands to more than 50 MB/)
    const lying = await refusal(zipBomb({ megabytes: 12, lying: true }))
    expect(lying.status).toBe(413)
    expect(lying.message).toMatch(/^The file was not read: its text and formatting take up more than 8 MB/)
  })

  it('a document without an enacting line, or with nothing after it', async () => {
    const noEnacting = await refusal(await docxOfLines(['Minutes of the meeting', 'We met.']))
    expect(noEnacting.status).toBe(400)
    expect(noEnacting.message).toMatch(/^No enacting line such as “The General Assembly,” was found in the file.*import the file again/)
    const nothingAfter = await refusal(await docxOfLines(['A title', 'The General Assembly,', '']))
    expect(nothingAfter.message).toMatch(/^No paragraphs were found after “The General Assembly,”/)
    expect((await refusal(await docxOfLines(['', '']))).message).toMatch(/has no text/)
  })
})
