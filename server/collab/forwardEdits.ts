import DiffMatchPatch from 'diff-match-patch'
import * as Y from 'yjs'
import { paragraphText, textOf, textRuns } from './paragraphElements'

/**
 * Server-side edits to the live document (accepting an amendment): forward transactions on the
 * room's one Y.Doc, never a replacement of it (ARCHITECTURE §5). Text changes are applied as
 * several small diff-match-patch edits rather than one replace, so a facilitator typing elsewhere
 * in the same paragraph at that moment keeps their words where they typed them (RECIPES §2).
 */

const dmp = new DiffMatchPatch()

/** Must run inside a transaction on `element`'s document. */
export function replaceText(element: Y.XmlElement, newText: string): void {
  const before = paragraphText(element)
  if (before === newText) return
  if (textRuns(element).length === 0) textOf(element, true)
  const diffs = codePointDiff(before, newText)
  // Edits go from the end backwards, so the offsets of those still to apply do not move; each
  // lands in the run of text (between footnotes) that holds its place, and a footnote stays put.
  const edits: { at: number; remove: number; insert: string }[] = []
  let pos = 0
  for (const [op, chunk] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) pos += chunk.length
    else if (op === DiffMatchPatch.DIFF_DELETE) {
      edits.push({ at: pos, remove: chunk.length, insert: '' })
      pos += chunk.length
    } else edits.push({ at: pos, remove: 0, insert: chunk })
  }
  for (const edit of edits.reverse()) applyEdit(element, edit)
}

/**
 * diff-match-patch compares UTF-16 code units, so it can cut between the two halves of a
 * character outside the BMP ("𠀋", "👩", "𝒜") and the server would store a lone surrogate that
 * clients show as U+FFFD. Each such character is replaced by one private-use stand-in first
 * (other characters stay themselves, so the semantic clean-up still sees words and spaces), the
 * texts are diffed, and the chunks mapped back: every cut falls between whole characters.
 */
export function codePointDiff(before: string, after: string): DiffMatchPatch.Diff[] {
  const astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g
  const stands = new Map<string, string>()
  const back = new Map<string, string>()
  let next = 0xe000
  const encode = (text: string) =>
    text.replace(astral, (char) => {
      let stand = stands.get(char)
      if (stand === undefined) {
        while (before.includes(String.fromCharCode(next)) || after.includes(String.fromCharCode(next))) next += 1
        // 6,400 private-use code points; a paragraph with more distinct astral characters is diffed as it is.
        if (next > 0xf8ff) throw new RangeError('too many distinct characters outside the BMP')
        stand = String.fromCharCode(next++)
        stands.set(char, stand)
        back.set(stand, char)
      }
      return stand
    })
  let diffs: DiffMatchPatch.Diff[]
  try {
    diffs = dmp.diff_main(encode(before), encode(after))
  } catch {
    return [
      [DiffMatchPatch.DIFF_DELETE, before],
      [DiffMatchPatch.DIFF_INSERT, after],
    ]
  }
  dmp.diff_cleanupSemantic(diffs)
  if (back.size === 0) return diffs
  return diffs.map(([op, chunk]) => [op, Array.from(chunk, (c) => back.get(c) ?? c).join('')] as DiffMatchPatch.Diff)
}

function applyEdit(element: Y.XmlElement, { at, remove, insert }: { at: number; remove: number; insert: string }): void {
  // A deletion may span a footnote: each run loses its own part of the words.
  for (const run of textRuns(element).reverse()) {
    const from = Math.max(at, run.start)
    const to = Math.min(at + remove, run.start + run.length)
    if (to > from) run.text.delete(from - run.start, to - from)
  }
  if (!insert) return
  const runs = textRuns(element)
  // An insertion at a run's end goes into that run (after the words before it, before a footnote).
  const run = runs.find((candidate) => at >= candidate.start && at <= candidate.start + candidate.length) ?? runs[runs.length - 1]
  run.text.insert(at - run.start, insert, {}) // {}: the new words carry no marks of their neighbours
}

/** A new paragraph element with its id and text, ready to insert. */
export function newParagraph(kind: 'pp' | 'op', id: string, text: string, level = 0): Y.XmlElement {
  const element = new Y.XmlElement(kind)
  element.setAttribute('id', id)
  if (kind === 'op') element.setAttribute('level', level as unknown as string)
  if (text) element.insert(0, [new Y.XmlText(text)])
  return element
}
