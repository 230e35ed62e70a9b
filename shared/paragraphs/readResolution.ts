import { clampLevel } from '../schema/resolutionSchema'
import { childOfType, type DocJson, textOf } from './docJson'
import { numberParagraphs, type NumberingInput } from './numbering'
import type { HeadingFields, Paragraph, ParagraphStatus } from './types'

export interface ResolutionReading {
  heading: HeadingFields
  title: string
  enacting: string
  paragraphs: Paragraph[]
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
  return {
    heading: {
      symbol: textOf(childOfType(heading, 'symbol')),
      session: textOf(childOfType(heading, 'session')),
      agendaItem: textOf(childOfType(heading, 'agendaItem')),
      sponsors: textOf(childOfType(heading, 'sponsors')),
    },
    title: textOf(childOfType(doc, 'title')),
    enacting: textOf(childOfType(doc, 'enacting')),
    paragraphs: raw.map((node, i) => ({
      id: String(node.attrs?.id ?? ''),
      kind: numbers[i].kind,
      number: numbers[i].number,
      text: textOf(node),
      status: statuses.get(String(node.attrs?.id ?? '')) ?? 'draft',
    })),
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
