/**
 * Which heading lines a printed resolution carries, in what order and with what labels: the one
 * model behind every export (Word, the printable page, Akoma Ntoso, PDF), so they cannot drift.
 *
 *   United Nations                                   A/C.3/79/L.41/Rev.1   ← masthead row 1
 *   General Assembly                                 Distr.: Limited       ← masthead row 2
 *                                                    5 November 2024
 *                                                    Original: English
 *   Seventy-ninth session                                                  ← lines
 *   Third Committee
 *   Agenda item 71 (b)
 *   Promotion and protection of human rights: …
 *   Albania, Andorra …: revised draft resolution
 *   Resolution adopted by the General Assembly on 17 December 2024
 *   [on the report of the Third Committee (A/79/457/Add.2)]
 *   79/170. Title                                                          ← title
 *
 * Only what the text has is printed: a live draft without a date prints no date and one without
 * an original language no "Original:". Nothing is invented. The masthead words are in the
 * document's language; the distribution block stays in English in Russian, Chinese and Arabic
 * documents, as the UN prints them.
 */
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import { type HeadingField, type Language, textDirection } from '../../shared/paragraphs/types'

interface MastheadWords {
  unitedNations: string
  distribution: (value: string) => string
  original: (value: string) => string
  /** What the enacting line says before the organ's name ("The" in "The General Assembly,"). */
  enactingArticle: RegExp
}

const ENGLISH_BLOCK = { distribution: (v: string) => `Distr.: ${v}`, original: (v: string) => `Original: ${v}` }

const MASTHEAD_WORDS: Record<Language, MastheadWords> = {
  en: { unitedNations: 'United Nations', ...ENGLISH_BLOCK, enactingArticle: /^the\s+/i },
  fr: {
    unitedNations: 'Nations Unies',
    distribution: (v) => `Distr. : ${v}`,
    original: (v) => `Original : ${v}`,
    enactingArticle: /^(l[’']\s*|la\s+|le\s+)/i,
  },
  es: {
    unitedNations: 'Naciones Unidas',
    distribution: (v) => `Distr. ${v}`,
    original: (v) => `Original: ${v}`,
    enactingArticle: /^(la\s+|el\s+)/i,
  },
  ru: { unitedNations: 'Организация Объединенных Наций', ...ENGLISH_BLOCK, enactingArticle: /^$/ },
  zh: { unitedNations: '联合国', ...ENGLISH_BLOCK, enactingArticle: /^$/ },
  ar: { unitedNations: 'الأمم المتحدة', ...ENGLISH_BLOCK, enactingArticle: /^إن\s+/ },
}

/** The enacting formula when a text has none. */
const DEFAULT_ENACTING = 'The General Assembly,'

/** The heading lines under the masthead, in printed order. */
const HEADING_LINES = ['session', 'committee', 'agendaItem', 'agendaTitle', 'sponsors', 'adoptedBy', 'report'] as const
export type HeadingLineField = (typeof HEADING_LINES)[number] & HeadingField

/** The UN sets these in bold; the others upright. */
const BOLD_LINES: ReadonlySet<HeadingLineField> = new Set(['agendaTitle', 'sponsors', 'adoptedBy'])

export interface HeadingLine {
  field: HeadingLineField
  text: string
  bold: boolean
}

export interface Masthead {
  language: Language
  direction: 'ltr' | 'rtl'
  /** "United Nations", in the document's language. */
  unitedNations: string
  /** "General Assembly"; '' when neither the heading nor the enacting line names one. */
  organ: string
  symbol: string
  /** "Distr.: Limited", "5 November 2024", "Original: English": only the lines the text has. */
  distribution: string[]
  lines: HeadingLine[]
  /** "79/170. Title" for an adopted resolution, the title alone for a draft. */
  title: string
  enacting: string
  /** "50th plenary meeting, 17 December 2024", printed after the last OP; '' for a draft. */
  adoption: string
}

export function masthead(reading: ResolutionReading): Masthead {
  const heading = reading.heading
  const words = MASTHEAD_WORDS[reading.language]
  const field = (name: HeadingField): string => heading[name].trim()
  const enacting = reading.enacting.trim() || DEFAULT_ENACTING
  const title = reading.title.trim()
  const number = field('resolutionNumber')
  return {
    language: reading.language,
    direction: textDirection(reading.language),
    unitedNations: words.unitedNations,
    organ: field('organ') || organOf(enacting, words.enactingArticle),
    symbol: field('symbol'),
    distribution: [
      field('distribution') && words.distribution(field('distribution')),
      field('date'),
      field('originalLanguage') && words.original(field('originalLanguage')),
    ].filter(Boolean),
    lines: HEADING_LINES.map((name) => ({ field: name, text: lineText(name, field(name), reading.language), bold: BOLD_LINES.has(name) })).filter(
      (line) => line.text,
    ),
    title: number ? `${number.replace(/\.$/, '')}. ${title}` : title,
    enacting,
    adoption: reading.adoption.trim(),
  }
}

/** "The Human Rights Council," → "Human Rights Council": the organ the text speaks as. */
export function organOf(enacting: string, article: RegExp = MASTHEAD_WORDS.en.enactingArticle): string {
  return enacting
    .trim()
    .replace(/[,:;，،]$/, '')
    .replace(article, '')
    .trim()
}

/** Texts written before the agenda line was kept as printed hold "70 (b)" alone. */
function lineText(field: HeadingLineField, text: string, language: Language): string {
  if (field === 'agendaItem' && language === 'en' && /^\d/.test(text)) return `Agenda item ${text}`
  return text
}
