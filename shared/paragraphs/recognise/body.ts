/**
 * The body of a pasted resolution, after the enacting formula: lines are joined into paragraphs
 * across wraps, page breaks and footnote blocks; page furniture is dropped; footnote bodies are
 * taken out and their markers found; the closing meeting line is kept as the adoption line.
 */
import { openingKind } from '../openingWords'
import type { DroppedLine, Footnote, Language } from '../types'
import { findMarker, footnoteStart, readFootnoteBlock } from './footnotes'
import { type FurnitureContext, furnitureReason } from './furniture'
import { ENDS_CLAUSE, ENDS_OP, ENDS_PP, LANGUAGE_RULES, LOWER_CASE_OPENINGS, openingKindIn } from './languages'
import { isBareMarker, readMarker } from './markers'

export interface BodyContext extends FurnitureContext {
  language: Language
}

export interface Block {
  text: string
  footnotes: Footnote[]
}

export interface BodyReading {
  blocks: Block[]
  adoption: string
  dropped: DroppedLine[]
  warnings: string[]
}

/** A footnote body found in the text, and the block being read when it was found. */
interface FoundFootnote {
  number: number
  text: string
  atBlock: number
}

type Gap = 'none' | 'blank' | 'page'

const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}，。；：、]$/u
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}，。；：、]/u
const ENDS_NOTE = /[.)]$/
/** An English meeting line closes texts in any language (a web copy keeps it untranslated). */
const ENGLISH_MEETING = LANGUAGE_RULES.en.meeting
const VOTE_NOTE = /^\[(?:Adopted|Adoptée?|Aprobad[ao]|Принята|未经表决|اعتمد)[^\]]*\]?$/u

/** Joins a wrapped line to the text before it: no space after a line-end hyphen or between CJK characters. */
export function joinLine(before: string, line: string): string {
  if (before === '') return line
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + line
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(line)) return before + line
  if (CJK_END.test(before) && CJK_START.test(line)) return before + line
  return `${before} ${line}`
}

export function readBody(lines: string[], context: BodyContext): BodyReading {
  const { language } = context
  const rules = LANGUAGE_RULES[language]
  const texts: string[] = []
  const dropped: DroppedLine[] = []
  const found: FoundFootnote[] = []
  const adoption: string[] = []
  let current = ''
  let gap: Gap = 'none'
  let openFootnote: FoundFootnote | null = null
  let sinceLastFootnote = ''
  let numbered = false
  let operative = false
  let ended = false
  /** Past the line "Annex" after the paragraphs: the rest is not the resolution's own text. */
  let inAnnex = false
  /** A "*" note on the heading being read, until its sentence ends. */
  let headingNote: string | null = null
  /** The lines after a footnote rule, until the page ends: read as one block of footnotes. */
  let footnoteBlock: string[] | null = null

  const closeFootnoteBlock = () => {
    if (!footnoteBlock) return
    for (const { number, text } of readFootnoteBlock(footnoteBlock, joinLine)) {
      if (number === found.length + 1) found.push({ number, text, atBlock: lastBlock() })
    }
    footnoteBlock = null
  }

  const flush = () => {
    if (current !== '') texts.push(current)
    current = ''
  }
  const lastBlock = () => texts.length - (current === '' ? 1 : 0)

  const startsParagraph = (line: string): boolean => {
    if (readMarker(line, language)) return true
    const before = withoutTrailingMarker(current)
    if (gap === 'blank' && ENDS_CLAUSE.test(before)) return true
    // A wrapped line may start with "including" or "calling": openings are capitalised (where the script has case).
    const opening = /^\p{Ll}/u.test(line) && !LOWER_CASE_OPENINGS.has(language) ? null : openingKindIn(line, language, openingKind)
    if (operative) return !numbered && ENDS_OP.test(before) && opening === 'op'
    if (ENDS_PP.test(before) && opening === 'pp') return true
    if (ENDS_CLAUSE.test(before) && opening === 'op') return true
    // A PP that quotes a question ends with "?": the next capitalised line is a new paragraph.
    return /[;.؛。；?][”"’»]?$/u.test(before) && (/^\p{Lu}/u.test(line) || (LOWER_CASE_OPENINGS.has(language) && opening !== null))
  }

  /** Whether a page footer or header follows within a few lines: the notes run on to it. */
  const furnitureAhead = (index: number): boolean =>
    lines.slice(index + 1, index + 13).some((next) => {
      const reason = furnitureReason(next, context)
      return reason === 'page-furniture' || reason === 'running-header'
    })

  const sections = sectionHeadingLines(lines, context)
  lines.forEach((line, index) => readLine(line, index))

  function readLine(line: string, index: number): void {
    if (line === '') {
      openFootnote = null
      if (gap === 'none') gap = 'blank'
      return
    }
    if (inAnnex || (!ended && (current !== '' || texts.length > 0) && ANNEX.test(line))) {
      if (!inAnnex) flush()
      inAnnex = true
      dropped.push({ text: line, reason: 'annex', after: lastBlock() })
      return
    }
    const reason = furnitureReason(line, context)
    if (footnoteBlock && /^\d{1,3}$/.test(line)) {
      // Some extractions put each footnote's number alone on its line, apart from its text.
      footnoteBlock.push(line)
      return
    }
    if (reason) {
      dropped.push({ text: line, reason, after: lastBlock() })
      openFootnote = null
      gap = 'page'
      // The footer (job number, page number, barcode) may stand among the notes, even before their
      // texts; the next page's header ends them.
      if (reason === 'footnote-separator') footnoteBlock = footnoteBlock ?? []
      else if (reason === 'running-header') closeFootnoteBlock()
      return
    }
    if (headingNote !== null && !ENDS_NOTE.test(headingNote)) {
      headingNote = joinLine(headingNote, line)
      dropped.push({ text: line, reason: 'heading-note', after: lastBlock() })
      return
    }
    headingNote = null
    // "* On behalf of the States members of …": the note on a sponsor's asterisk, not part of the text.
    if (!footnoteBlock && /^\*{1,3}\s+\S/.test(line)) {
      headingNote = line
      dropped.push({ text: line, reason: 'heading-note', after: lastBlock() })
      gap = 'page'
      return
    }
    // At the foot of a page the footer closes the notes: a note that opens like a paragraph
    // ("Financing for Sustainable Development Report …") does not.
    const endsNotes = endsFootnoteBlock(footnoteBlock ?? [], line, language) && !furnitureAhead(index)
    if (footnoteBlock && !readMarker(line, language) && !endsNotes) {
      footnoteBlock.push(line)
      return
    }
    closeFootnoteBlock()
    const expected = found.length + 1
    // "1 - Requests …" is an Arabic text's OP 1, not footnote 1.
    const body = readMarker(line, language) ? null : footnoteStart(line, expected)
    if (body && (gap === 'page' || ended || findMarker(sinceLastFootnote, expected) !== null)) {
      openFootnote = { number: expected, text: body.text, atBlock: lastBlock() }
      found.push(openFootnote)
      sinceLastFootnote = ''
      gap = 'page'
      return
    }
    if (openFootnote && continuesFootnote(openFootnote.text, line, language)) {
      openFootnote.text = joinLine(openFootnote.text, line)
      return
    }
    openFootnote = null
    if (ended) {
      if (VOTE_NOTE.test(line) || (adoption.length === 1 && rules.date.test(line))) adoption.push(line)
      else dropped.push({ text: line, reason: 'after-adoption', after: lastBlock() })
      return
    }
    const meeting = meetingLine(line, language)
    if (meeting) {
      flush()
      adoption.push(...meeting)
      ended = true
      return
    }
    if (sections.has(index)) {
      // A heading inside the text ("II", "Funding of operational activities"): it ends the paragraph before it.
      flush()
      dropped.push({ text: line, reason: 'section-heading', after: lastBlock() })
      gap = 'page'
      return
    }
    const marker = readMarker(line, language)
    if (marker?.kind === 'number' || (marker?.kind === 'label' && marker.label === 'op')) numbered = operative = true
    if (current === '' || isBareMarker(current, language)) {
      current = current === '' ? line : `${current} ${line}`
    } else if (startsParagraph(line)) {
      flush()
      if (!operative && openingKindIn(line, language, openingKind) === 'op' && !ENDS_PP.test(line)) operative = true
      current = line
    } else {
      current = joinLine(current, line)
    }
    sinceLastFootnote = joinLine(sinceLastFootnote, line)
    gap = 'none'
  }
  flush()
  closeFootnoteBlock()
  // A date alone after the last OP is the adoption date of a text whose meeting line was cut off.
  while (texts.length > 0 && rules.date.test(texts[texts.length - 1])) adoption.unshift(texts.pop()!)

  const warnings: string[] = []
  const blocks = placeFootnotes(texts, found, language, warnings)
  return { blocks, adoption: adoption.join(', '), dropped, warnings }
}

/** "Annex", "Annex II", "Annexe", "Anexo", "Приложение", "附件", "المرفق": a heading alone on its line. */
const ANNEX = /^(?:Annex(?:es)?|Annexe|Anexo|Приложение|附件|المرفق)(?: (?:[IVX]+|\d{1,2}))?$/u

const ROMAN_NUMERAL = /^(?:X{0,2})(?:IX|IV|V?I{0,3})\.?$/
const ROMAN_WITH_TITLE = /^(?:X{0,2})(?:IX|IV|V?I{0,3})\.\s+\p{Lu}/u

/**
 * The lines of section headings inside the text: a Roman numeral alone on its line ("II") and the
 * title under it, or both on one line ("II. Funding of operational activities"), followed by a
 * numbered paragraph. Long resolutions (the quadrennial review, omnibus texts) group their OPs so.
 * A title never ends a clause: a line ending in a comma or semicolon is a paragraph's.
 */
function sectionHeadingLines(lines: string[], context: BodyContext): Set<number> {
  const headings = new Set<number>()
  const isTitle = (title: number[]) =>
    title.every((i, n) => (n === 0 ? /^\p{Lu}/u : /^\p{L}/u).test(lines[i]!) && !/[;:]$/.test(lines[i]!) && !readMarker(lines[i]!, context.language)) &&
    !/,$/.test(lines[title.at(-1) ?? -1] ?? '')
  const content = lines.flatMap((line, index) => (line === '' || furnitureReason(line, context) ? [] : [index]))
  content.forEach((index, at) => {
    const line = lines[index]!
    const numeral = ROMAN_NUMERAL.test(line) && /[IVX]/.test(line)
    if (!numeral && !ROMAN_WITH_TITLE.test(line)) return
    // The title: one or two lines, then a numbered paragraph.
    for (let titleLines = numeral ? 1 : 0; titleLines <= (numeral ? 2 : 1); titleLines++) {
      const title = content.slice(at + 1, at + 1 + titleLines)
      const next = content[at + 1 + titleLines]
      if (next === undefined || !isTitle(title)) return
      if (readMarker(lines[next]!, context.language)?.kind === 'number') {
        for (const i of [index, ...title]) headings.add(i)
        return
      }
    }
  })
  return headings
}

/** "50th plenary meeting", alone or with its date on the same line (a web copy); null for any other line. */
function meetingLine(line: string, language: Language): string[] | null {
  const rules = LANGUAGE_RULES[language]
  if (rules.meeting.test(line) || ENGLISH_MEETING.test(line)) return [line]
  for (let cut = line.indexOf(' '); cut > 0; cut = line.indexOf(' ', cut + 1)) {
    const meeting = line.slice(0, cut).replace(/,$/, '')
    const date = line.slice(cut + 1)
    if ((rules.meeting.test(meeting) || ENGLISH_MEETING.test(meeting)) && rules.date.test(date)) return [meeting, date]
  }
  return null
}

/** Without a page header after the notes: a line opening a paragraph once every number has its text. */
function endsFootnoteBlock(block: string[], line: string, language: Language): boolean {
  const numbers = block.filter((entry) => /^\d{1,3}$/.test(entry)).length
  const texts = block.length - numbers
  return texts >= numbers && /[.)]$/.test(block[block.length - 1] ?? '') && openingKindIn(line, language, openingKind) !== null
}

/** "…(Protocol V), 8" ends with a comma: a footnote marker after the last mark does not count. */
function withoutTrailingMarker(text: string): string {
  return text.replace(/([,;.:،؛，；。])\s?(?:\d{1,3}|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*)$/u, '$1')
}

/**
 * A footnote body runs on over its wrapped lines until something else starts: a paragraph's
 * number or letter, or, once the note has ended its sentence, a line that opens a paragraph.
 */
function continuesFootnote(text: string, line: string, language: Language): boolean {
  if (readMarker(line, language)) return false
  if (/[.)]$/.test(text) && /^\p{Lu}/u.test(line) && openingKindIn(line, language, openingKind) !== null) return false
  return true
}

/**
 * Takes each footnote's marker out of the text, in order, and records where it stood. The
 * paragraph's own number or letter is not part of its text, so markers are searched after it.
 */
function placeFootnotes(texts: string[], found: FoundFootnote[], language: Language, warnings: string[]): Block[] {
  const blocks: Block[] = texts.map((text) => ({ text, footnotes: [] }))
  let block = 0
  let from = 0
  for (const footnote of found) {
    let placed = false
    const last = Math.min(Math.max(footnote.atBlock, 0), blocks.length - 1)
    for (let i = block; i <= last && !placed; i++) {
      const start = i === block ? from : (readMarker(blocks[i].text, language)?.length ?? 0)
      const marker = findMarker(blocks[i].text, footnote.number, Math.max(start, readMarker(blocks[i].text, language)?.length ?? 0))
      if (!marker) continue
      const { text } = blocks[i]
      blocks[i].text = text.slice(0, marker.at) + text.slice(marker.at + marker.length)
      blocks[i].footnotes.push({ offset: marker.at, text: footnote.text })
      block = i
      from = marker.at
      placed = true
    }
    if (!placed && blocks.length > 0) {
      const target = blocks[Math.max(last, 0)]
      target.footnotes.push({ offset: target.text.length, text: footnote.text })
      warnings.push(`Footnote ${footnote.number} has no marker in the text; it was put at the end of the paragraph above it.`)
    }
  }
  return blocks
}
