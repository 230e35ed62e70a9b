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

/**
 * The heading block as the UN prints it, one line each, in the order printed. Every field is the
 * text as printed ("Distr.: Limited" is `distribution: 'Limited'`); '' where the text has none, and
 * then no export prints it. The sponsors line keeps its wording ("Albania, Andorra …: revised draft
 * resolution"); `readSponsors` reads the States and the kind of document from it.
 */
export const HEADING_FIELDS = [
  'symbol',
  'distribution',
  'date',
  'originalLanguage',
  'organ',
  'session',
  'committee',
  'agendaItem',
  'agendaTitle',
  'sponsors',
  'adoptedBy',
  'report',
  'resolutionNumber',
] as const
export type HeadingField = (typeof HEADING_FIELDS)[number]
export type HeadingFields = Record<HeadingField, string>

export function emptyHeading(): HeadingFields {
  return Object.fromEntries(HEADING_FIELDS.map((field) => [field, ''])) as HeadingFields
}

/** The six official languages of the United Nations. */
export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const
export type Language = (typeof LANGUAGES)[number]
export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value)
export const textDirection = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr')

/**
 * A footnote: its marker stands at `offset` in the paragraph's text (just after the word or
 * punctuation it follows); the body is plain text. Numbers are derived from document order.
 */
export interface Footnote {
  offset: number
  text: string
}

/**
 * Words set in italics inside a paragraph's text, as [from, to) offsets (UTF-16 code units, as in
 * JavaScript strings). Only what a reader cannot infer: the opening words are italic by
 * presentation (see openingWords.ts), so they need no range.
 */
export type ItalicRange = [from: number, to: number]

/** One paragraph as it is written, before it has an id or a number. `italics` is optional: pasted text has none. */
export type DraftParagraph =
  | { kind: 'pp'; text: string; italics?: ItalicRange[]; footnotes?: Footnote[] }
  | { kind: 'op'; level: OpLevel; text: string; italics?: ItalicRange[]; footnotes?: Footnote[] }

/** A whole resolution as plain structured text: what the paste recogniser produces. */
export interface ResolutionDraft {
  heading: HeadingFields
  title: string
  /** "The General Assembly," or "The Human Rights Council," … */
  enacting: string
  paragraphs: DraftParagraph[]
  /** The language the text is written in; it sets the direction and the enacting formula's form. */
  language: Language
  /** The closing lines of an adopted text: "50th plenary meeting, 17 December 2024"; '' for a draft. */
  adoption: string
}

/** A line of the pasted text left out of the resolution, and why; `after` is the index of the paragraph it followed (-1: before the first). */
export interface DroppedLine {
  text: string
  reason: 'page-furniture' | 'footnote-separator' | 'running-header' | 'heading-note' | 'after-adoption' | 'section-heading' | 'annex'
  after: number
}

/**
 * What the recogniser made of a text, for the preview before anything is created: the draft, the
 * lines it dropped, and warnings where its reading is doubtful ("OP numbering jumps from 7 to 9").
 */
export interface TextReading {
  draft: ResolutionDraft
  dropped: DroppedLine[]
  warnings: string[]
}

/** The server's reading of one paragraph (GET /api/documents/:id/paragraphs). */
export interface Paragraph {
  id: string
  kind: ParagraphKind
  /** As displayed: "PP3", "5", "5 (b)", "5 (b) (ii)"; "" for a lone OP, which UN practice leaves unnumbered. */
  number: string
  /** The words, without footnote bodies. */
  text: string
  status: ParagraphStatus
  /** Footnotes in the paragraph, with their markers' offsets in `text` and their numbers in the document. */
  footnotes?: NumberedFootnote[]
}

export interface NumberedFootnote extends Footnote {
  number: number
}
