/**
 * The domain vocabulary of a resolution, independent of the editor.
 *
 * A resolution is a heading block, a title, the enacting line ("The General Assembly,"), then
 * preambular paragraphs (PPs) and operative paragraphs (OPs). Sub-paragraphs are OPs with a
 * deeper `level`: level 1 is (a), (b) …, level 2 is (i), (ii) …
 */

export type ParagraphKind = 'pp' | 'op' | 'sub'

/** Where a paragraph stands in the negotiation: draft → under negotiation → agreed ad ref → agreed. */
export const PARAGRAPH_STATUSES = ['draft', 'negotiating', 'agreed-ad-ref', 'agreed'] as const
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number]

/** How the statuses read in badges, menus and exports. */
export const PARAGRAPH_STATUS_LABELS: Record<ParagraphStatus, string> = {
  draft: 'Draft',
  negotiating: 'Under negotiation',
  'agreed-ad-ref': 'Agreed ad ref',
  agreed: 'Agreed',
}

/** Agreed language is locked: nobody changes it, facilitators included, without first reopening it. */
export const isLocked = (status: ParagraphStatus): boolean => status === 'agreed-ad-ref' || status === 'agreed'

/** 0 = operative paragraph, 1 = sub-paragraph (a), 2 = sub-sub-paragraph (i). */
export type OpLevel = 0 | 1 | 2

export interface HeadingFields {
  symbol: string
  session: string
  agendaItem: string
  sponsors: string
}

/**
 * Words set in italics inside a paragraph's text, as [from, to) offsets (UTF-16 code units, as in
 * JavaScript strings). Only what a reader cannot infer: the opening words are italic by
 * presentation (see openingWords.ts), so they need no range.
 */
export type ItalicRange = [from: number, to: number]

/** One paragraph as it is written, before it has an id or a number. `italics` is optional: pasted text has none. */
export type DraftParagraph =
  | { kind: 'pp'; text: string; italics?: ItalicRange[] }
  | { kind: 'op'; level: OpLevel; text: string; italics?: ItalicRange[] }

/** A whole resolution as plain structured text: what the paste recogniser produces. */
export interface ResolutionDraft {
  heading: HeadingFields
  title: string
  /** "The General Assembly," or "The Human Rights Council," … */
  enacting: string
  paragraphs: DraftParagraph[]
}

/** The server's reading of one paragraph (GET /api/documents/:id/paragraphs). */
export interface Paragraph {
  id: string
  kind: ParagraphKind
  /** As displayed: "PP3", "5", "5 (b)", "5 (b) (ii)"; "" for a lone OP, which UN practice leaves unnumbered. */
  number: string
  text: string
  status: ParagraphStatus
}
