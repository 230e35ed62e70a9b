/**
 * Footnotes in pasted text. A PDF copy puts each footnote's body at the foot of its page ("1 United
 * Nations, Treaty Series, vol. 2187, No. 38544."), in the middle of the paragraph that runs on to
 * the next page, and leaves its marker glued to the word it follows ("Nations1", "2024,1"). A web
 * copy puts the bodies at the end. Footnotes are numbered 1, 2, 3 … through the document, which is
 * what tells a footnote body from a line that merely starts with a number.
 */

/** "1 United Nations …", "[1] United Nations …", "[^1]: United Nations …" (Markdown), "¹ United Nations …". Not "1. Decides …". */
const BODY_START = /^(?:\[\^?(\d{1,3})\]:?|(\d{1,3})(?![.)\d/-])|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?=\S)/

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

export function fromSuperscript(digits: string): number {
  return Number([...digits].map((digit) => SUPERSCRIPTS.indexOf(digit)).join(''))
}

/** The number and body text if `line` starts footnote `expected`. */
export function footnoteStart(line: string, expected: number): { text: string } | null {
  const match = BODY_START.exec(line)
  if (!match) return null
  const number = match[1] ?? match[2] ? Number(match[1] ?? match[2]) : fromSuperscript(match[3])
  if (number !== expected) return null
  const text = line.slice(match[0].length).trim()
  // A body reads as a note: a source, a symbol, "See …", "Ibid." — never a lower-case word run on.
  return text && !/^\p{Ll}/u.test(text) ? { text } : null
}

/** Words a number follows as a reference, never as a footnote marker: "article 1", "resolution 2". */
const NUMBER_WORDS = new Set(
  'article articles paragraph paragraphs para paras resolution resolutions decision decisions protocol vol no nos chapter annex section goal goals target targets rule rules principle principles item items page pages part parts and or to of from at in on by with between than for'.split(' '),
)

/**
 * Where footnote `number`'s marker stands in `text` from `from` on: the digits glued to a letter,
 * a closing bracket or punctuation ("Nations1", "(III)2", "2024,1", "Agenda”3", "primero[1]"), a
 * superscript, or — as some PDF extractions give them — set apart by a space ("Effects 1 and",
 * "version, 5 the") after anything but a word that takes a number ("article 1").
 */
export function findMarker(text: string, number: number, from = 0): { at: number; length: number } | null {
  const digits = String(number)
  const superscript = [...digits].map((digit) => SUPERSCRIPTS[Number(digit)]).join('')
  const glued = new RegExp(`(?<=[\\p{L}\\p{M}.,;:،؛)\\]”"’'»])(?:\\[${digits}\\]|${digits})(?![\\d/])`, 'gu')
  const spaced = new RegExp(`(?<=([\\p{L}\\p{M}]*)(\\.?[,;:)”"’»]?) )${digits}(?=\\s+\\p{Ll}|\\s*$|[,.;:]\\s)`, 'gu')
  const candidates: { at: number; length: number }[] = []
  glued.lastIndex = from
  const gluedMatch = glued.exec(text)
  if (gluedMatch) candidates.push({ at: gluedMatch.index, length: gluedMatch[0].length })
  const superAt = superscript ? text.indexOf(superscript, from) : -1
  if (superAt >= 0) candidates.push({ at: superAt, length: superscript.length })
  spaced.lastIndex = from
  for (let match = spaced.exec(text); match; match = spaced.exec(text)) {
    // "Protocol 2" is a reference; "Protocol, 2" ends a clause with a marker.
    const word = match[2].replace('.', '') === '' ? match[1].toLowerCase() : ''
    // After a short number ("paragraphs 1 2") it is a list; after a year ("31 May 1997 2 and") a marker.
    if (NUMBER_WORDS.has(word) || /(?:^|\D)\d{1,3}\s$/.test(text.slice(0, match.index))) continue
    // The space before the marker goes with it: "Effects 1 and" reads "Effects and".
    candidates.push({ at: match.index - 1, length: match[0].length + 1 })
    break
  }
  if (candidates.length === 0) return null
  return candidates.reduce((first, candidate) => (candidate.at < first.at ? candidate : first))
}

/**
 * The block of footnotes at the foot of a page, after the rule: numbers and bodies as the
 * extraction gave them — "1 Body", or "1" on its own line with the body below, sometimes out of
 * order ("2" left at the end). Bodies without a number take the numbers left over, in order;
 * "*" notes belong to the heading and are left out.
 */
export function readFootnoteBlock(lines: string[], joinLine: (a: string, b: string) => string): { number: number; text: string }[] {
  type Entry = { number: number | null | '*'; text: string }
  const entries: Entry[] = []
  const pending: number[] = []
  let last: Entry | null = null
  for (const line of lines) {
    const alone = /^(\d{1,3})$/.exec(line)
    if (alone) {
      pending.push(Number(alone[1]))
      last = null
      continue
    }
    const inline = /^(?:\[\^?(\d{1,3})\]:?|(\d{1,3}))\s+(?=\S)(?![.)])/.exec(line)
    if (last && !/[.)\]]$/.test(last.text) && !inline && !line.startsWith('*')) {
      last.text = joinLine(last.text, line)
      continue
    }
    const number: Entry['number'] = line.startsWith('*') ? '*' : inline ? Number(inline[1] ?? inline[2]) : (pending.shift() ?? null)
    last = { number, text: (inline ? line.slice(inline[0].length) : line.replace(/^\*+\s*/, '')).trim() }
    entries.push(last)
  }
  return entries
    .map((entry) => (entry.number === null ? { ...entry, number: pending.shift() ?? null } : entry))
    .filter((entry): entry is { number: number; text: string } => typeof entry.number === 'number')
    .sort((a, b) => a.number - b.number)
}
