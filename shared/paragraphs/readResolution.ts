import { clampLevel } from '../schema/resolutionSchema'
import { childOfType, type DocJson, footnotesOf, textOf } from './docJson'
import { numberParagraphs, type NumberingInput } from './numbering'
import { HEADING_FIELDS, type HeadingFields, isLanguage, type Language, type NumberedFootnote, type Paragraph, type ParagraphStatus } from './types'

export interface ResolutionReading {
  heading: HeadingFields
  language: Language
  title: string
  enacting: string
  paragraphs: Paragraph[]
  /** The closing meeting line of an adopted text; '' for a draft. */
  adoption: string
}

/** What the resolutions list shows for one document. */
export interface ResolutionSummary {
  title: string
  symbol: string
  ppCount: number
  opCount: number
}

/**
 * Reads a resolution's document JSON into numbered paragraphs, in document order. Statuses live
 * beside the text (they are commands, not CRDT content); paragraphs without one are drafts.
 */
export function readResolution(doc: DocJson, statuses: ReadonlyMap<string, ParagraphStatus> = new Map()): ResolutionReading {
  const heading = childOfType(doc, 'heading')
  const raw = [
    ...(childOfType(doc, 'preamble')?.content ?? []),
    ...(childOfType(doc, 'operatives')?.content ?? []),
  ].filter((node) => node.type === 'pp' || node.type === 'op')
  const inputs: NumberingInput[] = raw.map((node) =>
    node.type === 'pp' ? { kind: 'pp' } : { kind: 'op', level: clampLevel(Number(node.attrs?.level ?? 0)) },
  )
  const numbers = numberParagraphs(inputs)
  const language = heading?.attrs?.language
  let footnoteNumber = 0
  return {
    heading: Object.fromEntries(HEADING_FIELDS.map((field) => [field, textOf(childOfType(heading, field))])) as HeadingFields,
    language: isLanguage(language) ? language : 'en',
    title: textOf(childOfType(doc, 'title')),
    enacting: textOf(childOfType(doc, 'enacting')),
    paragraphs: raw.map((node, i) => ({
      id: String(node.attrs?.id ?? ''),
      kind: numbers[i].kind,
      number: numbers[i].number,
      text: textOf(node),
      status: statuses.get(String(node.attrs?.id ?? '')) ?? 'draft',
      footnotes: footnotesOf(node).map((footnote) => ({ ...footnote, number: ++footnoteNumber })),
    })),
    adoption: textOf(childOfType(doc, 'adoption')),
  }
}

export function summarise(reading: ResolutionReading): ResolutionSummary {
  return {
    title: reading.title,
    symbol: reading.heading.symbol,
    ppCount: reading.paragraphs.filter((p) => p.kind === 'pp').length,
    opCount: reading.paragraphs.filter((p) => p.kind === 'op').length,
  }
}

/** Compilations and redlines carry only words: their footnote markers come from the paragraphs, by id. */
export function footnotesById(paragraphs: readonly Paragraph[]): Map<string, NumberedFootnote[]> {
  return new Map(paragraphs.map((p) => [p.id, p.footnotes ?? []]))
}
