/**
 * The word-level diff negotiators read (ARCHITECTURE §8: a diff over word tokens, then clean-up).
 * Delegates compare wording word by word, so a change is never shown as a few letters inside a
 * word: "Côte" → "Cote" is one replaced word, not a deleted "ô".
 *
 * How a redline should read, as checked against real amendments in corpus/pairs.json:
 * - words an edit keeps stay kept: "cybercrime, terrorism and online radicalization" → "cybercrime
 *   and terrorism" keeps "terrorism" rather than deleting and re-inserting it. So the alignment
 *   weighs tokens (a long word counts for more than "and", a space for almost nothing) and charges
 *   for every separate change, instead of counting all tokens alike;
 * - a word or a punctuation mark that merely happens to match inside a rewrite is not left
 *   standing between the pieces: "[-remains-]{+is+} a [-solid basis-]{+milestone in …+}" reads as
 *   one phrase replaced, "[-remains a solid basis-]{+is a milestone in …+}";
 * - an insertion or deletion starts and ends on a word or a punctuation mark, not a space.
 *
 * Pure TypeScript, no DOM and no Node APIs: the same diff is drawn in the browser and exported by
 * the server.
 */
import DiffMatchPatch from 'diff-match-patch'
import { alignTokens, type TokenRun } from './alignTokens'

export type DiffOp = 'equal' | 'insert' | 'delete'
export interface DiffSegment {
  op: DiffOp
  text: string
}

/**
 * One token: a word (letters, marks and digits, with internal hyphens or apostrophes, so
 * "Secretary-General" and "d'Ivoire" stay whole), a run of whitespace, or any other single code
 * point (punctuation). The last alternative matches anything, so tokens always cover the text.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\u2010\u2011-][\p{L}\p{M}\p{N}]+)*|\s+|[^]/gu
const WORD_START = /^[\p{L}\p{M}\p{N}]/u
const SPACE_START = /^\s/u

/** The tokens of `text`, in order; joined they give `text` back exactly. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

// diff-match-patch aligns only texts too long for alignTokens: a plain token diff with semantic
// clean-up, in bounded time, followed by the same clean-up passes as every other diff.
const dmp = new DiffMatchPatch()
// A second is diff-match-patch's default: far more than any paragraph needs, and a bound on
// pathological inputs (the result is then less minimal, never wrong).
dmp.Diff_Timeout = 1

/**
 * Tokens are diffed as one UTF-16 code unit each (like diff-match-patch's linesToChars). Codes
 * start above Latin-1 and skip the surrogate block: diff-match-patch 1.0.5 works on code units, so
 * surrogates would be safe, but keeping every code a valid character avoids any surprise.
 */
const FIRST_CODE = 0x100
const SURROGATES_START = 0xd800
const SURROGATES_SIZE = 0x800
const CAPACITY = 0x10000 - FIRST_CODE - SURROGATES_SIZE

function codeFor(index: number): number {
  const code = FIRST_CODE + index
  return code >= SURROGATES_START ? code + SURROGATES_SIZE : code
}

function indexFor(code: number): number {
  return (code >= SURROGATES_START + SURROGATES_SIZE ? code - SURROGATES_SIZE : code) - FIRST_CODE
}

/** A replacement (or a pure insertion/deletion when one side is empty), as tokens. */
interface Change {
  del: string[]
  ins: string[]
}

/**
 * A diff as alternating equal runs and changes: equals[i] comes before changes[i], and
 * equals.length === changes.length + 1 (the first and last equal runs may be empty).
 */
interface Regions {
  equals: string[][]
  changes: Change[]
}

/** Word-level diff: tokens are words (letters/digits incl. accented, with internal hyphens/apostrophes), runs of whitespace, and single punctuation characters. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }]
  const tokensA = wordTokens(before)
  const tokensB = wordTokens(after)
  const regions = regionsOf(alignTokens(tokensA, tokensB) ?? diffRuns(tokensA, tokensB))
  foldIncidentalMatches(regions)
  trimCommonEdges(regions)
  slidePureChanges(regions)
  const segments = toSegments(regions)
  // Every step above keeps both sides intact; this check makes the round trip a guarantee rather
  // than a belief, since a redline that loses words would mislead a negotiator.
  if (sideOf(segments, 'before') !== before || sideOf(segments, 'after') !== after) {
    return [
      ...(before ? [{ op: 'delete' as const, text: before }] : []),
      ...(after ? [{ op: 'insert' as const, text: after }] : []),
    ]
  }
  return segments
}

/** Runs diff-match-patch over token codes and reads the result back as runs of tokens. */
function diffRuns(tokensA: string[], tokensB: string[]): TokenRun[] {
  const table = new Map<string, number>()
  const vocabulary: string[] = []
  const encode = (tokens: string[]): string | null => {
    const chars: string[] = []
    for (const token of tokens) {
      let index = table.get(token)
      if (index === undefined) {
        index = vocabulary.length
        if (index >= CAPACITY) return null
        vocabulary.push(token)
        table.set(token, index)
      }
      chars.push(String.fromCharCode(codeFor(index)))
    }
    return chars.join('')
  }
  const charsA = encode(tokensA)
  const charsB = charsA === null ? null : encode(tokensB)

  if (charsA === null || charsB === null) {
    // More distinct tokens than code units: no paragraph gets here, but the diff must still be
    // correct, so fall back to a character diff (each code unit its own token).
    const diffs = dmp.diff_main(tokensA.join(''), tokensB.join(''), false)
    dmp.diff_cleanupSemantic(diffs)
    return runsOf(diffs, (text) => text.split(''))
  }
  const diffs = dmp.diff_main(charsA, charsB, false)
  dmp.diff_cleanupSemantic(diffs)
  // By code unit, not by code point: two adjacent codes must never be read as one character.
  return runsOf(diffs, (chars) => {
    const tokens: string[] = []
    for (let i = 0; i < chars.length; i++) tokens.push(vocabulary[indexFor(chars.charCodeAt(i))]!)
    return tokens
  })
}

function runsOf(diffs: DiffMatchPatch.Diff[], split: (text: string) => string[]): TokenRun[] {
  const opOf = (op: number): TokenRun['op'] =>
    op === DiffMatchPatch.DIFF_EQUAL ? 'equal' : op === DiffMatchPatch.DIFF_DELETE ? 'delete' : 'insert'
  return diffs.map(([op, text]) => ({ op: opOf(op), tokens: split(text) }))
}

function regionsOf(runs: readonly TokenRun[]): Regions {
  const equals: string[][] = [[]]
  const changes: Change[] = []
  let inChange = false
  for (const { op, tokens } of runs) {
    if (tokens.length === 0) continue
    if (op === 'equal') {
      if (inChange) equals.push([])
      inChange = false
      append(equals[equals.length - 1]!, tokens)
    } else {
      if (!inChange) changes.push({ del: [], ins: [] })
      inChange = true
      // Within a run, all deleted tokens read in order give the old text and all inserted the
      // new, whatever order the alignment interleaved them in.
      const change = changes[changes.length - 1]!
      append(op === 'delete' ? change.del : change.ins, tokens)
    }
  }
  if (inChange) equals.push([])
  return { equals, changes }
}

/**
 * A lone word or mark kept between two changes, one of them a replacement, is an accident of the
 * alignment when the changes around it are much longer: "[-remains-]{+is+} a [-solid basis-]
 * {+milestone in the common fight …+}" keeps an "a" nobody kept. Fold such a run into one change, as
 * a negotiator marks the phrase replaced. Two words or more are a kept phrase and stay. Beside a
 * pure insertion or deletion a kept word reads as the place the words went in ("accessible{+,
 * affordable+}, safe, [-low-carbon-]{+…+}"), so it takes a longer insertion to make it incidental.
 */
function foldIncidentalMatches(regions: Regions): void {
  const { equals, changes } = regions
  let i = 1
  while (i < changes.length) {
    const [left, right, kept] = [changes[i - 1]!, changes[i]!, equals[i]!]
    if (!isIncidental(kept, left, right)) {
      i++
      continue
    }
    changes.splice(i - 1, 2, { del: [...left.del, ...kept, ...right.del], ins: [...left.ins, ...kept, ...right.ins] })
    equals.splice(i, 1)
    // The merged change is longer, so the run before it may now be incidental too.
    i = Math.max(1, i - 1)
  }
}

function isIncidental(kept: readonly string[], left: Change, right: Change): boolean {
  if (!isReplacement(left) && !isReplacement(right)) return false
  if (kept.filter((token) => WORD_START.test(token)).length > 1) return false
  const length = visibleLength(kept)
  return [left, right].every((change) => length * (isReplacement(change) ? 2 : 3) <= changeLength(change))
}

const isReplacement = (change: Change): boolean => change.del.length > 0 && change.ins.length > 0
const changeLength = (change: Change): number => Math.max(visibleLength(change.del), visibleLength(change.ins))

function visibleLength(tokens: readonly string[]): number {
  let length = 0
  for (const token of tokens) if (!SPACE_START.test(token)) length += token.length
  return length
}

/**
 * A replacement whose two sides start or end with the same tokens shows those tokens as changed
 * when they are not ("calls upon " → "urges " would strike the space): move them into the
 * neighbouring equal runs.
 */
function trimCommonEdges(regions: Regions): void {
  const { equals, changes } = regions
  for (let i = 0; i < changes.length; i++) {
    const { del, ins } = changes[i]!
    if (del.length === 0 || ins.length === 0) continue
    let prefix = 0
    while (prefix < del.length && prefix < ins.length && del[prefix] === ins[prefix]) prefix++
    if (prefix > 0) {
      append(equals[i]!, del.splice(0, prefix))
      ins.splice(0, prefix)
    }
    let suffix = 0
    while (
      suffix < del.length &&
      suffix < ins.length &&
      del[del.length - 1 - suffix] === ins[ins.length - 1 - suffix]
    ) {
      suffix++
    }
    if (suffix > 0) {
      equals[i + 1] = del.splice(del.length - suffix).concat(equals[i + 1]!)
      ins.splice(ins.length - suffix)
    }
  }
  // A change whose sides were identical is no change at all: join its neighbours.
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]!
    if (change.del.length > 0 || change.ins.length > 0) continue
    equals.splice(i, 2, equals[i]!.concat(equals[i + 1]!))
    changes.splice(i, 1)
  }
}

/**
 * A pure insertion or deletion next to repeated tokens can sit in several places ("to ensure" →
 * "to fully ensure" is " fully" after "to" or "fully " before "ensure"). Pick the one that reads
 * best: the change should start and end on a word or punctuation rather than a space, and when
 * one edge has to be a space, prefer it leading (" fully", " and promptly" at the end of a
 * sentence) so the change ends on its last word. A clause set off by commas therefore takes its
 * opening comma ("Day{+, including … in 2026+}, and notes"), and a change keeps its brackets whole.
 */
function slidePureChanges(regions: Regions): void {
  const { equals, changes } = regions
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!
    const isInsert = change.del.length === 0
    const edit = isInsert ? change.ins : change.del
    if (edit.length === 0 || (change.del.length > 0 && change.ins.length > 0)) continue
    const prev = equals[i]!
    const next = equals[i + 1]!
    const seq = prev.concat(edit, next)
    const len = edit.length
    // Sliding must not empty an equal run between two changes, or the changes would merge.
    const minStart = i === 0 ? 0 : 1
    const maxStart = seq.length - len - (i === changes.length - 1 ? 0 : 1)
    let start = prev.length
    while (start - 1 >= minStart && seq[start - 1] === seq[start - 1 + len]) start--
    let best = start
    let bestScore = editScore(seq, start, len)
    for (let at = start; at + 1 <= maxStart && seq[at] === seq[at + len]; ) {
      at++
      const score = editScore(seq, at, len)
      if (score > bestScore) {
        best = at
        bestScore = score
      }
    }
    if (best === prev.length) continue
    equals[i] = seq.slice(0, best)
    equals[i + 1] = seq.slice(best + len)
    const moved = seq.slice(best, best + len)
    if (isInsert) change.ins = moved
    else change.del = moved
  }
}

function editScore(seq: string[], start: number, len: number): number {
  const first = seq[start]!
  const last = seq[start + len - 1]!
  const edges = (SPACE_START.test(last) ? 0 : 2) + (SPACE_START.test(first) ? 0 : 1)
  // Brackets outweigh the edges: "(2023){+ and 2756 (2024)+}", never "(2023{+) and 2756 (2024+})".
  return edges + (bracketsBalance(seq.slice(start, start + len)) ? 4 : 0)
}

const CLOSER = new Map([
  ['(', ')'],
  ['[', ']'],
  ['“', '”'],
])
const CLOSERS = new Set(CLOSER.values())

function bracketsBalance(tokens: readonly string[]): boolean {
  const awaited: string[] = []
  for (const token of tokens) {
    const closer = CLOSER.get(token)
    if (closer) awaited.push(closer)
    else if (CLOSERS.has(token) && awaited.pop() !== token) return false
  }
  return awaited.length === 0
}

/** Push in a loop: spreading a paragraph-sized array into push() can overflow the call stack. */
function append(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item)
}

/** Regions as segments, delete before insert in each change, empty runs dropped. */
function toSegments({ equals, changes }: Regions): DiffSegment[] {
  const segments: DiffSegment[] = []
  const push = (op: DiffOp, tokens: string[]): void => {
    if (tokens.length === 0) return
    const text = tokens.join('')
    const last = segments[segments.length - 1]
    if (last && last.op === op) last.text += text
    else segments.push({ op, text })
  }
  for (let i = 0; i < changes.length; i++) {
    push('equal', equals[i]!)
    push('delete', changes[i]!.del)
    push('insert', changes[i]!.ins)
  }
  push('equal', equals[equals.length - 1]!)
  return segments
}

/** Number of separate change regions (a maximal run of non-equal segments, possibly a delete+insert pair, counts once), and words inserted/deleted. */
export function diffStats(segments: readonly DiffSegment[]): {
  changes: number
  insertedWords: number
  deletedWords: number
} {
  let changes = 0
  let insertedWords = 0
  let deletedWords = 0
  let inChange = false
  for (const { op, text } of segments) {
    if (op === 'equal') {
      // An empty equal segment separates nothing a reader can see.
      if (text !== '') inChange = false
      continue
    }
    if (text === '') continue
    if (!inChange) changes++
    inChange = true
    const words = countWords(text)
    if (op === 'insert') insertedWords += words
    else deletedWords += words
  }
  return { changes, insertedWords, deletedWords }
}

function countWords(text: string): number {
  let count = 0
  for (const token of wordTokens(text)) if (WORD_START.test(token)) count++
  return count
}

/** The text on one side of a diff: 'before' = equal+delete, 'after' = equal+insert. */
export function sideOf(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete'
  let text = ''
  for (const segment of segments) if (segment.op !== skip) text += segment.text
  return text
}
