import type { Node as PMNode } from '@tiptap/pm/model'
import { Mapping, StepMap } from '@tiptap/pm/transform'

/**
 * What changed between two versions of the document, as one replaced range: outside it both read
 * the same, so whatever was derived from the old document there only moves.
 *
 * Read from the documents rather than from the transaction's steps because the Yjs binding applies
 * every remote change as a replacement of the whole document (y-tiptap rebuilds every node), whose
 * steps would move everything derived from it out of existence.
 */
export interface DocChange {
  /** Where the change starts, in both documents. */
  from: number
  /** Where it ends in the old document. */
  oldTo: number
  /** Where it ends in the new document. */
  newTo: number
  /** Old positions to new ones. */
  mapping: Mapping
}

let last: { before: PMNode; after: PMNode; change: DocChange | null } | null = null

/**
 * The change from `before` to `after`, or null when their content is the same. Every plugin asks
 * about the same transaction: the last answer is kept, as comparing a remote change walks the
 * whole document.
 */
export function docChange(before: PMNode, after: PMNode): DocChange | null {
  if (last?.before !== before || last.after !== after) last = { before, after, change: changeBetween(before, after) }
  return last.change
}

function changeBetween(before: PMNode, after: PMNode): DocChange | null {
  if (before === after) return null
  const start = before.content.findDiffStart(after.content)
  if (start === null) return null
  const end = before.content.findDiffEnd(after.content)!
  // Text that repeats what surrounds it ("aa" → "aaa") makes the common start and end overlap;
  // starting at the earlier end still leaves both sides outside the range identical.
  const from = Math.min(start, end.a, end.b)
  return { from, oldTo: end.a, newTo: end.b, mapping: new Mapping([new StepMap([from, end.a - from, end.b - from])]) }
}

/** Every textblock that lies in or touches `from`…`to`, in document order. */
export function textblocksAround(doc: PMNode, from: number, to: number): Array<{ node: PMNode; pos: number }> {
  const blocks: Array<{ node: PMNode; pos: number }> = []
  // One position wider on each side, so that blocks ending at `from` or starting at `to` count too.
  doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to + 1), (node, pos) => {
    if (!node.isTextblock) return true
    blocks.push({ node, pos })
    return false
  })
  return blocks
}
