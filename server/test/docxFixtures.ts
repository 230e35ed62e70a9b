/**
 * Word files for the import tests, built with the `docx` package as Word would write them: a zero
 * draft with its OPs numbered by hand or by Word's automatic numbering, and bad files (a zip bomb).
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { zipSync } from 'fflate'

type Run = TextRun | FootnoteReferenceRun
const plain = (text: string) => new TextRun(text)
const italic = (text: string) => new TextRun({ text, italics: true })

/** The operative part: [level, runs]; level 0 = OP, 1 = (a), 2 = (i). Typed markers are added for 'typed'. */
const OPERATIVE: Array<[0 | 1 | 2, string, Run[]]> = [
  [0, '1.', [italic('Calls upon'), plain(' all States:')]],
  [1, '(a)', [plain('To invest in water infrastructure, '), italic('inter alia'), plain(' in rural areas;')]],
  [1, '(b)', [plain('To share data:')]],
  [2, '(i)', [plain('On access;')]],
  [2, '(ii)', [plain('On quality;')]],
  [0, '2.', [italic('Requests'), plain(' the Secretary-General to report to it at its eighty-third session;')]],
  [0, '3.', [italic('Decides'), plain(' to remain seized of the matter.')]],
]

/** What zeroDraftDocx reads as, paragraph by paragraph: [kind, level, text, italic words]. */
export const ZERO_DRAFT_PARAGRAPHS: Array<[kind: 'pp' | 'op', level: number | null, text: string, italics: string[]]> = [
  ['pp', null, 'Recalling its resolution 64/292 of 28 July 2010,', []],
  ['pp', null, 'Reaffirming the Universal Declaration of Human Rights,', []],
  ['pp', null, 'Deeply concerned that ad hoc arrangements remain insufficient,', ['ad hoc']],
  ['op', 0, 'Calls upon all States:', []],
  ['op', 1, 'To invest in water infrastructure, inter alia in rural areas;', ['inter alia']],
  ['op', 1, 'To share data:', []],
  ['op', 2, 'On access;', []],
  ['op', 2, 'On quality;', []],
  ['op', 0, 'Requests the Secretary-General to report to it at its eighty-third session;', []],
  ['op', 0, 'Decides to remain seized of the matter.', []],
]

/** The zero draft's one footnote, referenced after PP2's closing comma. */
export const ZERO_DRAFT_FOOTNOTE = 'Resolution 217 A (III).'

export const ZERO_DRAFT_TITLE = 'Safe drinking water and sanitation'

/**
 * A zero draft as a facilitator's office writes it: the symbol block in a table, heading lines,
 * the title, "The General Assembly,", PPs with italic openings (one with a footnote, one with
 * italic words inside), then OPs and sub-paragraphs numbered by hand ('typed') or by Word ('word').
 */
export async function zeroDraftDocx({ numbering = 'typed' }: { numbering?: 'typed' | 'word' } = {}): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)], width: { size: 4500, type: WidthType.DXA } })
  const operative = OPERATIVE.map(([level, marker, runs]) =>
    numbering === 'word'
      ? new Paragraph({ numbering: { reference: 'operative', level }, children: runs })
      : new Paragraph({ children: [plain(`${marker}\t`), ...runs] }),
  )
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph(ZERO_DRAFT_FOOTNOTE)] } },
    numbering: {
      config: [
        {
          reference: 'operative',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Table({ rows: [new TableRow({ children: [cell('United Nations'), cell('A/C.3/81/L.12')] })] }),
          new Paragraph('General Assembly'),
          new Paragraph('Distr.: Limited'),
          new Paragraph('12 October 2026'),
          new Paragraph('Original: English'),
          new Paragraph(''),
          new Paragraph('Eighty-first session'),
          new Paragraph('Third Committee'),
          new Paragraph('Agenda item 68 (b)'),
          new Paragraph('Norway and Chile: draft resolution'),
          new Paragraph({ children: [new TextRun({ text: ZERO_DRAFT_TITLE, bold: true })] }),
          new Paragraph({ children: [italic('The General Assembly'), plain(',')] }),
          new Paragraph({ children: [italic('Recalling'), plain(' its resolution 64/292 of 28 July 2010,')] }),
          new Paragraph({
            children: [italic('Reaffirming'), plain(' the Universal Declaration of Human Rights,'), new FootnoteReferenceRun(1)],
          }),
          new Paragraph({
            children: [italic('Deeply concerned'), plain(' that '), italic('ad hoc'), plain(' arrangements remain insufficient,')],
          }),
          ...operative,
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}

/** A .docx of plain paragraphs, one per string. */
export async function docxOfLines(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }))
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'

/**
 * A zip laid out like a .docx whose word/document.xml inflates to `megabytes` MB of spaces
 * (60 MB compress to about 60 KB). With `lying`, its headers claim the part is 1 KB.
 */
export function zipBomb({ megabytes = 60, lying = false }: { megabytes?: number; lying?: boolean } = {}): Uint8Array {
  const zip = zipSync(
    {
      '[Content_Types].xml': new TextEncoder().encode(CONTENT_TYPES),
      'word/document.xml': new Uint8Array(megabytes * 1024 * 1024).fill(0x20),
    },
    { level: 9 },
  )
  if (lying) {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let at = 0; at + 46 <= zip.length; at += 1) {
      const signature = view.getUint32(at, true)
      // local file header: uncompressed size at +22; central directory header: at +24
      const sizeAt = signature === 0x04034b50 ? at + 22 : signature === 0x02014b50 ? at + 24 : -1
      if (sizeAt >= 0 && view.getUint32(sizeAt, true) === megabytes * 1024 * 1024) view.setUint32(sizeAt, 1024, true)
    }
  }
  return zip
}

/** The first bytes of a PNG, as a picture renamed to .docx starts. */
export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41,
  0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
])
