import DiffMatchPatch from 'diff-match-patch'
import * as Y from 'yjs'
import { paragraphText, textOf } from './paragraphElements'

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
  const text = textOf(element, true)!
  const diffs = dmp.diff_main(before, newText)
  dmp.diff_cleanupSemantic(diffs)
  let pos = 0
  for (const [op, chunk] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) pos += chunk.length
    else if (op === DiffMatchPatch.DIFF_DELETE) text.delete(pos, chunk.length)
    else {
      text.insert(pos, chunk, {}) // {}: the new words carry no marks of their neighbours
      pos += chunk.length
    }
  }
}

/** A new paragraph element with its id and text, ready to insert. */
export function newParagraph(kind: 'pp' | 'op', id: string, text: string, level = 0): Y.XmlElement {
  const element = new Y.XmlElement(kind)
  element.setAttribute('id', id)
  if (kind === 'op') element.setAttribute('level', level as unknown as string)
  if (text) element.insert(0, [new Y.XmlText(text)])
  return element
}
