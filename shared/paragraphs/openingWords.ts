/**
 * The opening words of a paragraph that UN style sets in italics: "*Recalling further* its
 * resolution …", "*Calls upon* all States …". The paste recogniser uses the same reading to tell a
 * preambular paragraph (participle or adjective) from an operative one (verb).
 *
 * An opening is: leading adverbs ("Also", "Strongly", "Once again"), a head word (a participle,
 * an adjective or a third-person verb), a fixed complement of that head ("upon", "in mind",
 * "note"), trailing adverbs ("also"), and a feeling ("with appreciation", "deep concern").
 */

import type { Language } from './types'

export type OpeningKind = 'pp' | 'op'

interface Word {
  lower: string
  /** Offset just past the word, so the italic run never swallows the following space. */
  end: number
}

/** Only this many words are read, which keeps the cost independent of the paragraph's length. */
const MAX_WORDS = 8
const WORD = /\s*([\p{L}\p{M}'’-]+)/uy

const LEADING_ADVERBS = new Set(['also', 'further', 'again', 'likewise', 'moreover'])
const TRAILING_ADVERBS = new Set(['also', 'further', 'again'])
/** "further" is an adjective in "Calls for further efforts"; as an adverb a function word follows. */
const AFTER_ADVERBIAL_FURTHER = new Set(['the', 'its', 'their', 'that', 'all', 'a', 'an', 'to', 'with', 'in'])

const PP_ADJECTIVES = new Set([
  'mindful', 'convinced', 'concerned', 'aware', 'alarmed', 'guided', 'determined', 'cognizant',
  'conscious', 'encouraged', 'disturbed', 'appalled', 'desirous', 'committed', 'persuaded',
  'resolved', 'shocked', 'saddened', 'heartened', 'inspired', 'outraged', 'troubled', 'pleased',
])

/** Head word → the fixed phrases that complete it; "*" takes any one word ("Having considered"). */
const COMPLEMENT_TABLE: [heads: string[], phrases: string[]][] = [
  [['calls', 'calling'], ['upon', 'on', 'for']],
  [['bearing', 'bears', 'keeping'], ['in mind']],
  [['takes', 'taking'], ['note', 'into account', 'into consideration']],
  [['looks', 'looking'], ['forward']],
  [['pays', 'paying'], ['tribute']],
  [['guided'], ['by']],
  [['having'], ['*']],
]
const COMPLEMENTS = new Map<string, string[][]>()
for (const [heads, phrases] of COMPLEMENT_TABLE) {
  for (const head of heads) COMPLEMENTS.set(head, phrases.map((phrase) => phrase.split(' ')))
}

const EXPRESSING = new Set(['expresses', 'expressing'])
const POSSESSIVES = new Set(['its', 'their'])
const INTENSITIES = new Set(['deep', 'grave', 'serious', 'great', 'profound', 'sincere', 'full', 'particular'])
const FEELINGS = new Set(['concern', 'appreciation', 'satisfaction', 'interest', 'regret', 'alarm', 'gratitude'])

/**
 * The languages whose UN texts set a paragraph's opening words in italics. Here rather than with
 * the paste recogniser's rules per language: the editor needs this, and not the recogniser.
 */
const ITALIC_OPENINGS: ReadonlySet<Language> = new Set(['en', 'fr', 'es', 'ru'])

/**
 * Characters from the start of `text` to set in italics; the first word when nothing is
 * recognised. Chinese and Arabic UN texts set no opening in italics; in French, Spanish and
 * Russian the opening is the first word, with an adverb before it ("Profondément préoccupée").
 */
export function openingLength(text: string, kind: OpeningKind, language: Language = 'en'): number {
  if (!ITALIC_OPENINGS.has(language)) return 0
  if (language !== 'en') return /^\s*(?:(?:\p{L}+ment|\p{L}+mente|Вновь|Глубоко|Также)\s+)?[\p{L}\p{M}'’-]+/u.exec(text)?.[0].length ?? 0
  const words = leadingWords(text)
  const opening = scanOpening(words)
  if (opening && opening.kind === kind) return opening.end
  return words.length > 0 ? words[0].end : firstChunkLength(text)
}

/** Whether the paragraph opens like a PP ("Recalling", "Deeply concerned") or an OP ("Urges"). */
export function openingKind(text: string): OpeningKind | null {
  return scanOpening(leadingWords(text))?.kind ?? null
}

function scanOpening(words: Word[]): { kind: OpeningKind; end: number } | null {
  let i = skipAdverbs(words, 0, isLeadingAdverb)
  const head = words[i]
  const kind = head ? headKind(head.lower) : null
  if (!head || !kind) return null
  i = matchComplement(words, i + 1, head.lower)
  i = skipAdverbs(words, i, isTrailingAdverb)
  i = matchFeeling(words, i, EXPRESSING.has(head.lower))
  return { kind, end: words[i - 1].end }
}

function leadingWords(text: string): Word[] {
  const words: Word[] = []
  WORD.lastIndex = 0
  while (words.length < MAX_WORDS) {
    const match = WORD.exec(text)
    if (!match) break
    words.push({ lower: match[1].toLowerCase(), end: WORD.lastIndex })
  }
  return words
}

function headKind(word: string): OpeningKind | null {
  if (PP_ADJECTIVES.has(word) || (word.length >= 5 && word.endsWith('ing'))) return 'pp'
  const looksLikeVerb = word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)
  return looksLikeVerb ? 'op' : null
}

function isLeadingAdverb(word: string): boolean {
  return LEADING_ADVERBS.has(word) || (word.length >= 4 && word.endsWith('ly'))
}

function isTrailingAdverb(word: string, next: string | undefined): boolean {
  if (word === 'further') return next === undefined || AFTER_ADVERBIAL_FURTHER.has(next)
  return TRAILING_ADVERBS.has(word)
}

function skipAdverbs(words: Word[], from: number, isAdverb: (word: string, next?: string) => boolean): number {
  let i = from
  while (i < words.length) {
    const next = words[i + 1]?.lower
    if (words[i].lower === 'once' && (next === 'again' || next === 'more')) i += 2
    else if (isAdverb(words[i].lower, next)) i += 1
    else break
  }
  return i
}

function matchComplement(words: Word[], from: number, head: string): number {
  for (const phrase of COMPLEMENTS.get(head) ?? []) {
    const fits = phrase.every((part, k) => words[from + k] && (part === '*' || words[from + k].lower === part))
    if (fits) return from + phrase.length
  }
  return from
}

/** "with (deep) appreciation" after any head; after "Expressing" the "with" is absent ("its deep concern"). */
function matchFeeling(words: Word[], from: number, afterExpressing: boolean): number {
  let i = from
  if (!afterExpressing && words[i]?.lower !== 'with') return from
  if (!afterExpressing) i += 1
  if (POSSESSIVES.has(words[i]?.lower ?? '')) i += 1
  if (INTENSITIES.has(words[i]?.lower ?? '')) i += 1
  return FEELINGS.has(words[i]?.lower ?? '') ? i + 1 : from
}

function firstChunkLength(text: string): number {
  return /^\s*\S+/.exec(text)?.[0].length ?? 0
}
