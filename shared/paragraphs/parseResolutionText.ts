/**
 * Recognises a resolution pasted as plain text (from a UN PDF, a web page or Word), in any of the
 * six official languages: the heading, the title, the enacting formula, the preambular and
 * operative paragraphs with their footnotes, and the adoption line; and says what it dropped and
 * where its reading is doubtful, for the preview shown before anything is created.
 */
import { readSponsors } from '../people/sponsors'
import { openingKind } from './openingWords'
import { type Block, readBody } from './recognise/body'
import { isRunTogether, separateRunTogether } from './recognise/flattened'
import { readHeading } from './recognise/heading'
import { enactingLanguage, ENDS_PP, guessLanguage, openingKindIn } from './recognise/languages'
import { isRoman, nextLetter, nextRoman, readMarker } from './recognise/markers'
import { type DraftParagraph, type DroppedLine, emptyHeading, type Language, type OpLevel, type ResolutionDraft, type TextReading } from './types'

const DEFAULT_ENACTING = 'The General Assembly,'

export function parseResolutionText(text: string): ResolutionDraft {
  return readPastedText(text).draft
}

export function readPastedText(text: string): TextReading {
  const { lines, found, separated } = linesToRead(normaliseLines(text))
  const enactingIndex = found?.index ?? -1
  const language = found?.language ?? guessLanguage(text)
  const enacting = enactingIndex >= 0 ? lines[enactingIndex] : DEFAULT_ENACTING
  const { heading, title } =
    enactingIndex >= 0 ? readHeading(lines.slice(0, enactingIndex), language, enacting) : { heading: emptyHeading(), title: '' }
  // Without an enacting formula the index is -1, so the body is every line.
  const body = readBody(lines.slice(enactingIndex + 1), { language, symbol: heading.symbol, title })
  const warnings: string[] = []
  const paragraphs = classify(body.blocks, language, warnings)
  if (separated) {
    warnings.push('The text came run together, without its line breaks: its heading could not be read, and its paragraphs were found from the punctuation. Check them here before creating the resolution.')
  }
  if (enactingIndex < 0 && text.trim()) {
    warnings.unshift('No enacting formula (such as “The General Assembly,”) was found: the whole text was read as paragraphs, and there is no heading or title.')
  }
  const count = (reasons: DroppedLine['reason'][]) => body.dropped.filter((line) => reasons.includes(line.reason)).length
  const furniture = count(['page-furniture', 'footnote-separator', 'running-header', 'heading-note'])
  if (furniture > 0) warnings.push(`${furniture} ${furniture === 1 ? 'line was' : 'lines were'} dropped as page furniture (page numbers, job numbers, running headers).`)
  const sections = body.dropped.filter((line) => line.reason === 'section-heading' && /^[IVX]+\b/.test(line.text)).length
  if (sections > 0) {
    warnings.push(
      `${sections} section ${sections === 1 ? 'heading' : 'headings'} (I, II …) ${sections === 1 ? 'was' : 'were'} left out: Penholder does not keep headings inside the text yet, so exports will not show them. The paragraphs under them are all here, numbered on.`,
    )
  }
  const annex = count(['annex'])
  if (annex > 0) {
    warnings.push(
      `The annex (${annex} ${annex === 1 ? 'line' : 'lines'}) was left out: Penholder does not hold annexes yet. To negotiate it, paste it as a text of its own.`,
    )
  }
  const afterAdoption = count(['after-adoption'])
  if (afterAdoption > 0) warnings.push(`${afterAdoption} ${afterAdoption === 1 ? 'line' : 'lines'} after the adoption line (an annex, a vote) ${afterAdoption === 1 ? 'was' : 'were'} left out.`)
  const sponsors = readSponsors(heading.sponsors)
  if (language === 'en' && sponsors.unmatched.length > 0) {
    warnings.push(`Sponsors not recognised as States: ${sponsors.unmatched.join(', ')}.`)
  }
  return {
    draft: { heading, title, enacting, paragraphs, language, adoption: body.adoption },
    dropped: body.dropped,
    warnings: [...warnings, ...body.warnings],
  }
}

/** The text's lines, with those of a run-together text guessed back when it has no enacting formula as it is. */
function linesToRead(lines: string[]): { lines: string[]; found: ReturnType<typeof findEnacting>; separated: boolean } {
  const found = findEnacting(lines)
  if (found || !isRunTogether(lines)) return { lines, found, separated: false }
  const separated = separateRunTogether(lines)
  const again = findEnacting(separated)
  return again ? { lines: separated, found: again, separated: true } : { lines, found, separated: false }
}

/**
 * The enacting formula: "The General Assembly,". A one-paragraph draft may print it without its
 * comma ("The General Assembly" over "Adopts the Political Declaration …"): then it counts only
 * when a paragraph's opening words follow it.
 */
function findEnacting(lines: string[]): { index: number; language: Language } | null {
  const index = lines.findIndex((line) => enactingLanguage(line) !== null)
  if (index >= 0) return { index, language: enactingLanguage(lines[index]!)! }
  for (let at = 0; at < lines.length - 1; at++) {
    const language = enactingLanguage(`${lines[at]},`)
    const next = lines.slice(at + 1).find((line) => line !== '')
    if (language && next && openingKindIn(next, language, openingKind) !== null) return { index: at, language }
  }
  return null
}

function normaliseLines(text: string): string[] {
  return text
    .split(/\r\n?|[\n\f\v\u2028\u2029]/)
    .map((line) => line.replace(/[\u200b\u200e\u200f\ufeff]/g, '').replace(/\s+/g, ' ').trim())
    .map(joinBrokenHyphens)
    // "Annex No. 11 , document": an extraction's space before a comma, which no language writes.
    .map((line) => line.replace(/(\S) +,(?=\s|$)/g, '$1,'))
}

/**
 * "post- conflict", "self- determination": a PDF extraction leaves a space after a hyphen that
 * ended a line (or before it). A suspended hyphen ("pre- and post-conflict") is followed by a
 * conjunction.
 */
function joinBrokenHyphens(line: string): string {
  return line
    .replace(/(\p{L})- (?!(?:and|or|et|ou|y|o|и|или)\b)(?=\p{Ll})/gu, '$1-')
    // "self -determination", "Non -Aligned": a hyphen never has a space before it and none after.
    .replace(/(\p{L}) -(?=\p{L})/gu, '$1-')
}

/** "The General Assembly,", "L'Assemblée générale,", "إن الجمعية العامة،" … */
export function isEnactingLine(line: string): boolean {
  return enactingLanguage(line) !== null
}

interface SubState {
  /** Last marker at level 1 ("b") and level 2 ("ii") under the current operative paragraph. */
  l1: string | null
  l2: string | null
}

/** Turns blocks into PPs, OPs and sub-paragraphs, and warns where the printed numbering is odd. */
function classify(blocks: Block[], language: Language, warnings: string[]): DraftParagraph[] {
  const paragraphs: DraftParagraph[] = []
  const subs: SubState = { l1: null, l2: null }
  let seenOp = false
  let lastNumber = 0
  let opCount = 0
  blocks.forEach((block, index) => {
    const marker = readMarker(block.text, language)
    const cut = marker?.length ?? 0
    const raw = block.text.slice(cut)
    const text = raw.trim()
    if (text === '') return
    const lead = raw.length - raw.trimStart().length
    const footnotes = block.footnotes.map((footnote) => ({
      ...footnote,
      offset: Math.min(text.length, Math.max(0, footnote.offset - cut - lead)),
    }))
    const extra = footnotes.length > 0 ? { footnotes } : {}
    // "(a)", "(b)" under a PP that ends with a colon: the schema has no preambular sub-paragraphs,
    // so each stays a PP and keeps its letter in its text, and the PPs after it stay PPs.
    if (marker?.kind === 'letter' && !seenOp && paragraphs[paragraphs.length - 1]?.kind === 'pp') {
      paragraphs.push({ kind: 'pp', text: block.text.trim(), ...(block.footnotes.length > 0 ? { footnotes: block.footnotes } : {}) })
      return
    }
    if (marker?.kind === 'letter') {
      const next = readMarker(blocks[index + 1]?.text ?? '', language)
      const level = subLevel(marker.value, subs, next?.kind === 'letter' ? next.value : null, language)
      if (level === 1 && subs.l1 !== null && marker.value !== nextLetter(subs.l1, language) && !isRoman(marker.value)) {
        warnings.push(`Sub-paragraph (${marker.value}) follows (${subs.l1}) in OP ${opCount}: check the lettering.`)
      }
      subs.l2 = level === 2 ? marker.value : null
      if (level === 1) subs.l1 = marker.value
      seenOp = true
      paragraphs.push({ kind: 'op', level, text, ...extra })
      return
    }
    subs.l1 = null
    subs.l2 = null
    if (marker?.kind === 'number') {
      if (lastNumber > 0 && marker.number !== lastNumber + 1) {
        warnings.push(
          marker.number === lastNumber
            ? `OP ${marker.number} is numbered twice.`
            : `OP numbering jumps from ${lastNumber} to ${marker.number}.`,
        )
      }
      lastNumber = marker.number
    }
    const labelled = marker?.kind === 'label' ? marker.label : null
    const kind = labelled ?? (marker?.kind === 'number' || seenOp ? 'op' : guessKind(text, language))
    if (kind === 'op' && seenOp && !marker && ENDS_PP.test(text) && openingKindIn(text, language, openingKind) === 'pp') {
      warnings.push(`The paragraph after OP ${opCount} reads like a preambular paragraph (“${firstWords(text)}”); it was kept as an OP.`)
    }
    seenOp ||= kind === 'op'
    if (kind === 'op') opCount += 1
    paragraphs.push(kind === 'pp' ? { kind, text, ...extra } : { kind, level: 0, text, ...extra })
  })
  return paragraphs
}

function firstWords(text: string): string {
  const words = text.split(' ')
  return words.length > 6 ? `${words.slice(0, 6).join(' ')} …` : text
}

/** An unnumbered paragraph before the first OP: by its opening, then by its last mark. */
function guessKind(text: string, language: Language): 'pp' | 'op' {
  const opening = openingKindIn(text, language, openingKind)
  if (opening === 'pp' || ENDS_PP.test(text)) return 'pp'
  if (opening === 'op' || /[;.؛；。]$/u.test(text)) return 'op'
  return 'pp'
}

/**
 * (a), (b) … are level 1 and (i), (ii) … under a letter are level 2. "(i)" after "(h)" is the
 * letter i unless "(ii)" follows it; roman numerals directly under an OP stay at level 1.
 */
function subLevel(marker: string, subs: SubState, nextMarker: string | null, language: Language): Exclude<OpLevel, 0> {
  if (subs.l2 !== null && marker === nextRoman(subs.l2)) return 2
  if (subs.l1 === null) return 1
  const continuesLevel1 = marker === nextLetter(subs.l1, language) || (isRoman(subs.l1) && marker === nextRoman(subs.l1))
  if (continuesLevel1 && !(marker === 'i' && nextMarker === 'ii')) return 1
  return marker === 'i' ? 2 : 1
}

