/**
 * Test helpers for the .docx exports: a 30-paragraph resolution, and readers that look at a
 * produced file the way Word and the import do (mammoth for the text, the raw XML for revisions).
 * Used by tests only.
 */
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { numberParagraphs, type NumberingInput } from '../../shared/paragraphs/numbering'
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { OpLevel, Paragraph } from '../../shared/paragraphs/types'
import { emptyHeading } from '../../shared/paragraphs/types'

/** One paragraph as written: its italic opening words apart, so tests know what must be italic. */
export interface Spec {
  id: string
  kind: 'pp' | 'op'
  level?: OpLevel
  /** The words UN style sets in italics ('' for a sub-paragraph). */
  opening: string
  rest: string
}

const PP_OPENINGS = [
  'Recalling',
  'Reaffirming',
  'Deeply concerned',
  'Bearing in mind',
  'Stressing',
  'Noting with deep concern',
  'Noting with appreciation',
  'Welcoming',
]
const OP_OPENINGS = ['Urges', 'Calls upon', 'Requests', 'Strongly condemns', 'Encourages', 'Decides', 'Invites also']

/**
 * 8 PPs, then 22 OPs: 15 operative paragraphs, sub-paragraphs under OP 4 ((a)–(c), with (b) (i)
 * and (ii) under (b)) and under OP 8 ((a), (b)).
 */
const OP_LEVELS: OpLevel[] = [0, 0, 0, 0, 1, 1, 2, 2, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]

export function thirtySpecs(): Spec[] {
  const pps: Spec[] = PP_OPENINGS.map((opening, i) => ({
    id: `pp${i + 1}`,
    kind: 'pp',
    opening,
    rest: ` its resolution ${70 + i}/${100 + i} on the safety of journalists and the issue of impunity,`,
  }))
  let op = 0
  const ops: Spec[] = OP_LEVELS.map((level, i) => {
    if (level > 0) return { id: `op-s${i}`, kind: 'op', level, opening: '', rest: `to protect journalists and media workers in situation ${i};` }
    const opening = OP_OPENINGS[op++ % OP_OPENINGS.length]
    return { id: `op${i}`, kind: 'op', level, opening, rest: ` all States to ensure the safety of journalists, case ${i};` }
  })
  return [...pps, ...ops]
}

export const textOfSpec = (s: Spec): string => `${s.opening}${s.rest}`

/** Numbers the specs from their order, as the server does. */
export function paragraphsOf(specs: readonly Spec[]): Paragraph[] {
  const inputs = specs.map((s): NumberingInput => (s.kind === 'pp' ? { kind: 'pp' } : { kind: 'op', level: s.level ?? 0 }))
  const numbers = numberParagraphs(inputs)
  return specs.map((s, i) => ({ id: s.id, kind: numbers[i].kind, number: numbers[i].number, text: textOfSpec(s), status: 'draft' }))
}

export function readingOf(specs: readonly Spec[]): ResolutionReading {
  return {
    heading: { ...emptyHeading(),
      symbol: 'A/C.3/74/L.31',
      session: 'Seventy-fourth session',
      agendaItem: '70 (b)',
      sponsors: 'Austria, Brazil, Chile and Mexico: draft resolution',
    },
    language: 'en',
    adoption: '',
    title: 'The safety of journalists and the issue of impunity',
    enacting: 'The General Assembly,',
    paragraphs: paragraphsOf(specs),
  }
}

/** "1." for OP 1, "(b)" for OP 4 (b), "(ii)" for OP 4 (b) (ii), nothing for a PP: as printed. */
export function printed(p: Pick<Paragraph, 'kind' | 'number'>): string {
  if (p.kind === 'pp') return ''
  if (p.kind === 'sub') return /\([^)]*\)$/.exec(p.number)?.[0] ?? ''
  return p.number ? `${p.number}.` : ''
}

/** The line a reader gets for a paragraph: number, tab, text. */
export function printedLine(p: Pick<Paragraph, 'kind' | 'number' | 'text'>): string {
  const number = printed(p)
  return number ? `${number}\t${p.text}` : p.text
}

// ---- reading a .docx back ----

/** The text mammoth gets (it keeps insertions and drops deletions: Word's "Accept all"), one line per paragraph. */
export async function rawLines(buffer: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer })
  return value.split('\n').filter((line) => line.trim() !== '')
}

/** mammoth's HTML, as the inner HTML of each <p>, in order. */
export async function htmlParagraphs(buffer: Buffer): Promise<string[]> {
  const { value } = await mammoth.convertToHtml({ buffer })
  return [...value.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1])
}

export function documentXml(buffer: Buffer): string {
  const files = unzipSync(new Uint8Array(buffer))
  const xml = files['word/document.xml']
  if (!xml) throw new Error('no word/document.xml in the file')
  return strFromU8(xml)
}

export function settingsXml(buffer: Buffer): string {
  return strFromU8(unzipSync(new Uint8Array(buffer))['word/settings.xml'] ?? new Uint8Array())
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }
const unescapeXml = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e)

/** The body's paragraphs as XML strings (`<w:pPr>` is not a paragraph). */
export function paragraphXml(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => m[1])
}

/** The text of a paragraph's XML: w:t, w:delText and w:tab, in order. */
function textOfXml(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:delText(?:\s[^>]*)?>([\s\S]*?)<\/w:delText>|<w:tab\/>/g)]
    .map((m) => (m[0] === '<w:tab/>' ? '\t' : unescapeXml(m[1] ?? m[2] ?? '')))
    .join('')
}

/** Word's "Reject all": insertions gone (marks of inserted paragraphs included), deleted text back. */
export function rejectedLines(buffer: Buffer): string[] {
  return paragraphXml(documentXml(buffer))
    .map((p) => textOfXml(p.replace(/<w:ins\b[^>]*\/>/g, '').replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '')))
    .filter((line) => line.trim() !== '')
}

/** Word's "Accept all" read straight from the XML (deleted text gone), to cross-check mammoth. */
export function acceptedLinesFromXml(buffer: Buffer): string[] {
  return paragraphXml(documentXml(buffer))
    .map((p) => textOfXml(p.replace(/<w:del\b[^>]*\/>/g, '').replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '')))
    .filter((line) => line.trim() !== '')
}

/** The runs of a document as { properties, text }, to check formatting of given words. */
export function runsOf(xml: string): Array<{ props: string; text: string }> {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1])?.[1] ?? ''
    return { props, text: textOfXml(m[1]) }
  })
}
