/**
 * Recognises a resolution pasted as plain text (from a PDF, Word or a web page): the heading
 * block, the title, the enacting line and the preambular and operative paragraphs.
 */
import { openingKind } from './openingWords'
import { type DraftParagraph, emptyHeading, type HeadingFields, type OpLevel, type ResolutionDraft, type TextReading } from './types'

const DEFAULT_ENACTING = 'The General Assembly,'

const ORGAN_WORDS = new Set(['Assembly', 'Council', 'Commission', 'Conference', 'Board', 'Committee'])
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'on', 'for'])

const SYMBOL = /\b[A-Z]{1,6}(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*){2,}(?: \(\d{4}\))?/
const SESSION = /^(?:[A-Za-z]+(?:-[A-Za-z]+)?|\d+(?:st|nd|rd|th))(?: (?:emergency special|special|resumed))? session\b/i
const AGENDA_ITEM = /^agenda items?\b/i
const SPONSORS = /draft resolution/i
/** Printed in the footer of every page, e.g. "19-20123 (E)". */
const JOB_NUMBER = /^\d{2}-\d{4,6}\b/
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'
const DATE_LINE = new RegExp(`^[\\d\\s,–—-]*(?:(?:${MONTHS})[\\d\\s,–—-]*)+$`, 'i')
const HEADING_NOISE = [
  /^United Nations\b/i,
  /\bDistr\.?:/i,
  /^Original:/i,
  /^Resolution adopted by\b/i,
  /^Adopted by\b/i,
  /^Resolution \d+ \(\d{4}\)$/i,
  JOB_NUMBER,
  /^(?:[A-Z][a-z]+ ){1,3}(?:and [A-Z][a-z]+ )?(?:Assembly|Council|Committee|Commission|Conference|Board)$/,
  DATE_LINE,
]
const ADOPTED_NUMBER = /^(\d{1,4})\/(\d{1,4})\.\s*/
const ADOPTED_SYMBOL_PREFIXES: [organ: string, prefix: string][] = [
  ['Human Rights Council', 'A/HRC/RES/'],
  ['Economic and Social Council', 'E/RES/'],
  ['General Assembly', 'A/RES/'],
]

/** "12." or "12)"; a negotiation draft's "PP3" / "OP12"; "(b)" or "(ii)". */
const MARKER = /^(?:(\d{1,3})[.)]|(PP|OP) ?\d{1,3}[.):]?|\(([a-z]{1,5})\))(?: |$)/
const MEETING_LINE = /^\d+(?:st|nd|rd|th) (?:plenary )?meeting\b/i
const BODY_NOISE = [/^[_\-–—=\s]+$/, /^\d{1,3}\/\d{1,3}$/, JOB_NUMBER]
const ROMANS = 'i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx'.split(' ')

export function readPastedText(text: string): TextReading {
  return { draft: parseResolutionText(text), dropped: [], warnings: [] }
}

export function parseResolutionText(text: string): ResolutionDraft {
  const lines = normaliseLines(text)
  const enactingIndex = lines.findIndex(isEnactingLine)
  // Without an enacting line the index is -1, so the body is every line.
  const paragraphs = classify(splitParagraphs(lines.slice(enactingIndex + 1)))
  const rest = { language: 'en' as const, adoption: '' }
  if (enactingIndex < 0) return { heading: emptyHeading(), title: '', enacting: DEFAULT_ENACTING, paragraphs, ...rest }
  const enacting = lines[enactingIndex]
  return { ...parseHeading(lines.slice(0, enactingIndex), enacting), enacting, paragraphs, ...rest }
}

function normaliseLines(text: string): string[] {
  return text
    .split(/\r\n?|[\n\f\v\u2028\u2029]/)
    .map((line) => line.replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim())
}

/** "The General Assembly,", "The Conference of the Parties,": a capitalised organ name between "The " and ",". */
export function isEnactingLine(line: string): boolean {
  if (!line.startsWith('The ') || !line.endsWith(',')) return false
  const words = line.slice(4, -1).trim().split(' ')
  return (
    words.length <= 10 &&
    words.some((word) => ORGAN_WORDS.has(word)) &&
    words.every((word) => /^\p{Lu}/u.test(word) || NAME_CONNECTORS.has(word))
  )
}

// ---- heading ----

/** Heading lines are fields, noise or title candidates; the title is the last unbroken run of candidates. */
function parseHeading(lines: string[], enacting: string): { heading: HeadingFields; title: string } {
  const heading = emptyHeading()
  const runs: string[][] = [[]]
  for (const line of lines) {
    const run = runs[runs.length - 1]
    const isBlankOrNote = line === '' || isReportNote(line)
    if (!isBlankOrNote && !claimField(line, heading, run) && !HEADING_NOISE.some((noise) => noise.test(line))) run.push(line)
    else if (run.length > 0) runs.push([])
  }
  const titleLines = runs.filter((run) => run.length > 0).pop() ?? []
  return { heading, title: stripAdoptedNumber(titleLines.join(' '), heading, enacting) }
}

/** "[on the report of the Third Committee (A/74/399/Add.2)]" names another document's symbol. */
function isReportNote(line: string): boolean {
  return line.startsWith('[') || line.endsWith(']')
}

/** Records the line in `heading` if it is a heading field; `run` gives back a wrapped sponsors list. */
function claimField(line: string, heading: HeadingFields, run: string[]): boolean {
  const symbol = findSymbol(line)
  if (symbol) {
    heading.symbol ||= symbol
  } else if (SESSION.test(line)) {
    heading.session ||= line
  } else if (AGENDA_ITEM.test(line)) {
    heading.agendaItem ||= line
  } else if (SPONSORS.test(line)) {
    heading.sponsors = [...takeWrappedSponsors(run), line].join(' ')
  } else {
    return false
  }
  return true
}

function findSymbol(line: string): string {
  const match = SYMBOL.exec(line)
  return match && /\d/.test(match[0]) ? match[0] : ''
}

/** A long sponsors list wraps; its earlier lines end with a comma or "and". */
function takeWrappedSponsors(run: string[]): string[] {
  let start = run.length
  while (start > 0 && /(?:,| and)$/.test(run[start - 1])) start -= 1
  return run.splice(start)
}

/** "74/146. Implementing …" → "Implementing …", inferring A/RES/74/146 when the heading had no symbol. */
function stripAdoptedNumber(title: string, heading: HeadingFields, enacting: string): string {
  const match = ADOPTED_NUMBER.exec(title)
  if (!match) return title
  const prefix = ADOPTED_SYMBOL_PREFIXES.find(([organ]) => enacting.includes(organ))?.[1]
  if (!heading.symbol && prefix) heading.symbol = `${prefix}${match[1]}/${match[2]}`
  return title.slice(match[0].length)
}

// ---- body ----

/** "1." alone on its line (PDF copies do that): the paragraph's words follow on the next line. */
function isBareMarker(block: string): boolean {
  return MARKER.test(block) && !block.includes(' ')
}

/**
 * A wrapped line starts a new paragraph after a terminator only if it looks like a paragraph start;
 * after a comma that means a recognised opening, since lists of names wrap after commas too.
 */
function startsParagraph(previous: string, line: string): boolean {
  if (MARKER.test(line)) return true
  if (/[;.:]$/.test(previous)) return /^\p{Lu}/u.test(line)
  return previous.endsWith(',') && /^\p{Lu}/u.test(line) && openingKind(line) !== null
}

function splitParagraphs(lines: string[]): string[] {
  const blocks: string[] = []
  let current = ''
  const flush = (): void => {
    if (current !== '') blocks.push(current)
    current = ''
  }
  for (const line of lines) {
    if (MEETING_LINE.test(line)) break
    if (isPageFurniture(line)) continue
    if (line === '') {
      if (!isBareMarker(current)) flush()
    } else if (current !== '' && !isBareMarker(current) && startsParagraph(current, line)) {
      flush()
      current = line
    } else {
      current = current === '' ? line : `${current} ${line}`
    }
  }
  flush()
  while (blocks.length > 0 && DATE_LINE.test(blocks[blocks.length - 1])) blocks.pop()
  return blocks
}

/** Page headers and footers of a PDF, and the rule above its footnotes. */
function isPageFurniture(line: string): boolean {
  return line !== '' && (BODY_NOISE.some((noise) => noise.test(line)) || findSymbol(line) === line)
}

interface SubState {
  /** Last marker at level 1 ("b") and level 2 ("ii") under the current operative paragraph. */
  l1: string | null
  l2: string | null
}

function classify(blocks: string[]): DraftParagraph[] {
  const paragraphs: DraftParagraph[] = []
  const subs: SubState = { l1: null, l2: null }
  let seenOp = false
  blocks.forEach((block, index) => {
    const marker = MARKER.exec(block)
    const text = marker ? block.slice(marker[0].length).trim() : block
    const [, number, label, sub]: (string | undefined)[] = marker ?? []
    if (text === '') return
    if (sub !== undefined) {
      const level = subLevel(sub, subs, MARKER.exec(blocks[index + 1] ?? '')?.[3] ?? null)
      subs.l2 = level === 2 ? sub : null
      if (level === 1) subs.l1 = sub
      seenOp = true
      paragraphs.push({ kind: 'op', level, text })
      return
    }
    subs.l1 = null
    subs.l2 = null
    const kind = label === 'PP' ? 'pp' : number !== undefined || label === 'OP' || seenOp ? 'op' : guessKind(text)
    seenOp ||= kind === 'op'
    paragraphs.push(kind === 'pp' ? { kind, text } : { kind, level: 0, text })
  })
  return paragraphs
}

/** An unnumbered paragraph before the first OP. */
function guessKind(text: string): 'pp' | 'op' {
  const opening = openingKind(text)
  if (opening === 'pp' || text.endsWith(',')) return 'pp'
  if (opening === 'op' || /[;.]$/.test(text)) return 'op'
  return 'pp'
}

/**
 * (a), (b) … are level 1 and (i), (ii) … under a letter are level 2. "(i)" after "(h)" is the
 * letter i unless "(ii)" follows it; roman numerals directly under an OP stay at level 1.
 */
function subLevel(marker: string, subs: SubState, nextMarker: string | null): Exclude<OpLevel, 0> {
  if (subs.l2 !== null && marker === nextRoman(subs.l2)) return 2
  if (subs.l1 === null) return 1
  const continuesLevel1 = marker === nextLetter(subs.l1) || (ROMANS.includes(subs.l1) && marker === nextRoman(subs.l1))
  if (continuesLevel1 && !(marker === 'i' && nextMarker === 'ii')) return 1
  return marker === 'i' ? 2 : 1
}

function nextLetter(letter: string): string {
  return letter.length === 1 ? String.fromCharCode(letter.charCodeAt(0) + 1) : ''
}

function nextRoman(roman: string): string {
  const index = ROMANS.indexOf(roman)
  return index >= 0 ? (ROMANS[index + 1] ?? '') : ''
}
