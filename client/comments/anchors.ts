import type { EditorState } from '@tiptap/pm/state'
import {
  absolutePositionToRelativePosition,
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { CommentAnchor } from '../../shared/comments/types'
import { paragraphElement, yjsBinding } from './yjsParagraphs'

/**
 * Comment anchors: the start and end of the commented words as Yjs relative positions, which name
 * characters rather than offsets and so follow the words through everyone's edits.
 *
 * Both functions read the editor's Yjs binding (the Collaboration extension's y-sync plugin), and
 * need it to have caught up with `state`. It lags one transaction behind while a local edit is
 * being applied: y-tiptap writes a local edit to Yjs only in its plugin view's `update`, after
 * `apply` and after `decorations`. There both functions return null rather than a wrong range, so
 * call them from the editor's `update`/`transaction` events (or a Y.Doc observer), and between
 * those map existing decorations through the transaction.
 */

/**
 * Yjs only says where each position points; which side it sticks to is its `assoc`.
 *   start: assoc 0, "just before the first commented character": words typed right before the
 *          comment go in front of that character, outside the highlight.
 *   end:   assoc -1, "just after the last commented character": words typed right after the
 *          comment go behind it, outside the highlight.
 * y-tiptap's `absolutePositionToRelativePosition` has no `assoc` argument and always answers -1
 * ("after the character on the left"). Kept as is for the start, the position would stick to the
 * space before the comment, and a word typed in front of the comment would join the highlight.
 * So both ends are re-created from the same Yjs index with the association they need.
 */
const START_ASSOC = 0
const END_ASSOC = -1

/**
 * The anchor of the words between `from` and `to` (ProseMirror positions in `state.doc`), or null
 * when there is nothing to anchor: an empty or out-of-range selection, or an editor that is not
 * bound to Yjs (yet), or whose binding has not caught up with `state` (see above).
 */
export function anchorFromRange(state: EditorState, from: number, to: number): CommentAnchor | null {
  const sync = syncedBinding(state)
  if (!sync || !Number.isInteger(from) || !Number.isInteger(to)) return null
  if (from < 0 || to > state.doc.content.size || from >= to) return null
  const start = relativePositionAt(sync, from, START_ASSOC)
  const end = relativePositionAt(sync, to, END_ASSOC)
  if (!start || !end) return null
  return {
    from: toBase64(Y.encodeRelativePosition(start)),
    to: toBase64(Y.encodeRelativePosition(end)),
  }
}

/**
 * Where the anchored words are now in `state.doc`, or null when the comment should fall back to
 * its paragraph: the words were all deleted (the range collapsed), the anchor is malformed or
 * belongs to another document, or the binding is not in step with `state` (see above). Never throws:
 * anchors come from the server and are rendered on every keystroke.
 *
 * Pass the comment's `quote` to correct for y-tiptap: it writes each ProseMirror edit to Yjs by
 * diffing the paragraph's old and new text (longest common prefix first), not from where the edit
 * was made. Where the typed or deleted text repeats the letters after it, the diff credits the edit
 * to the wrong copy of those letters: "consult and " typed before "cooperate" is recorded as
 * "nsult and co" typed after its "co", so Yjs sees an edit inside the commented words. This happens only at their start
 * (the diff only shifts edits rightwards) and leaves the quoted words intact right there, so when
 * the range does not read as the quote but overlaps an occurrence of it in the same paragraph,
 * the occurrence overlapping most is returned instead. Words really edited inside no longer read
 * as the quote and keep the range the anchor gives, as long as any quoted word is left in it.
 */
export function resolveAnchor(state: EditorState, anchor: CommentAnchor, quote?: string): TextRange | null {
  return anchorResolver(state)?.(anchor, quote) ?? null
}

export type TextRange = { from: number; to: number }

/**
 * `resolveAnchor` for many anchors against one `state`, or null while the binding is not in step
 * with it (see above): then every anchor would resolve to null, which is no answer about its words.
 */
export function anchorResolver(state: EditorState): ((anchor: CommentAnchor, quote?: string) => TextRange | null) | null {
  const sync = syncedBinding(state)
  return sync && ((anchor, quote) => resolveWith(sync, state, anchor, quote))
}

function resolveWith(sync: SyncedBinding, state: EditorState, anchor: CommentAnchor, quote?: string): TextRange | null {
  const start = decodePosition(anchor.from)
  const end = decodePosition(anchor.to)
  if (!start || !end) return null
  let from: number | null
  let to: number | null
  try {
    from = absolutePosition(sync, start)
    to = absolutePosition(sync, end)
  } catch {
    // A well-formed but forged position can name structs that are not what it claims.
    return null
  }
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null
  if (!quote) return { from, to }
  const range = snapToQuote(state, from, to, quote)
  return sharesAWord(state.doc.textBetween(range.from, range.to), quote) ? range : null
}

/**
 * The Yjs element of the paragraph the anchored words were written in, or null when the anchor is
 * malformed or not of this document. Words never move to another paragraph in Yjs (a paragraph
 * moved or split gets new characters), so only a change there, or to the order of paragraphs,
 * can make the anchor resolve differently.
 */
export function anchorParagraph(state: EditorState, anchor: CommentAnchor): Y.XmlElement | null {
  const binding = yjsBinding(state)
  const start = decodePosition(anchor.from)
  if (!binding || !start || !isOurs(start, binding)) return null
  try {
    return paragraphElement(Y.createAbsolutePositionFromRelativePosition(start, binding.doc, false)?.type ?? null)
  } catch {
    return null
  }
}

/**
 * Whether the highlight still holds any of the quoted words (always, when the quote has none).
 * When the quoted words were deleted, what remains between the anchor's ends is only what y-tiptap
 * credited to the inside as above: text typed before the words, unrelated to them. And words that
 * were all replaced are gone too. Either way the comment belongs on its paragraph, quoting them.
 */
function sharesAWord(text: string, quote: string): boolean {
  const quoted = words(quote)
  if (quoted.size === 0) return true
  for (const word of words(text)) if (quoted.has(word)) return true
  return false
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/** The occurrence of `quote` in the same paragraph that overlaps [from, to) most, if it does not read as `quote`. */
function snapToQuote(state: EditorState, from: number, to: number, quote: string): { from: number; to: number } {
  const range = { from, to }
  if (state.doc.textBetween(from, to) === quote) return range
  const $from = state.doc.resolve(from)
  if (!$from.parent.isTextblock || to > $from.end()) return range
  // Occurrences that overlap [from, to) lie within this window.
  const windowStart = Math.max($from.start(), from - quote.length + 1)
  const windowEnd = Math.min($from.end(), to + quote.length - 1)
  const text = state.doc.textBetween(windowStart, windowEnd)
  // Offsets in `text` are positions only if the paragraph holds nothing but text.
  if (text.length !== windowEnd - windowStart) return range
  let best = range
  let bestOverlap = 0
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const start = windowStart + i
    const overlap = Math.min(start + quote.length, to) - Math.max(start, from)
    if (overlap > bestOverlap) {
      best = { from: start, to: start + quote.length }
      bestOverlap = overlap
    }
  }
  return best
}

interface SyncedBinding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: ProsemirrorBinding['mapping']
}

/**
 * The Yjs side of the editor, when it describes exactly `state.doc`. y-tiptap converts positions
 * with its binding's live Y-type → node mapping, not with the state it is given; if that mapping
 * was built for another document, the numbers are silently off. Every edit gives the document new
 * top-level nodes, so the top-level nodes being the mapped ones means the whole mapping is current.
 * (This also rejects the binding while it renders a version snapshot, which uses its own mapping.)
 */
function syncedBinding(state: EditorState): SyncedBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: ProsemirrorBinding }
    | undefined
  const binding = sync?.binding
  if (!sync?.doc || !sync.type || !binding || binding.prosemirrorView == null) return null
  const children = sync.type.toArray()
  if (children.length !== state.doc.childCount) return null
  for (let i = 0; i < children.length; i++) {
    if (binding.mapping.get(children[i]) !== state.doc.child(i)) return null
  }
  return { doc: sync.doc, type: sync.type, mapping: binding.mapping }
}

/** The Yjs position of ProseMirror position `pos`, sticking to the side given by `assoc`. */
function relativePositionAt(sync: SyncedBinding, pos: number, assoc: number): Y.RelativePosition | null {
  const located = Y.createAbsolutePositionFromRelativePosition(
    absolutePositionToRelativePosition(pos, sync.type, sync.mapping),
    sync.doc,
    false,
  )
  if (!located) return null
  return Y.createRelativePositionFromTypeIndex(located.type, located.index, assoc)
}

/**
 * The ProseMirror position of a Yjs position, or null if it is not in the live document.
 *
 * y-tiptap's `relativePositionToAbsolutePosition` follows "undone deletions": after someone deletes
 * the commented words and presses Ctrl+Z, Yjs re-inserts them as new characters, and only that
 * person's Y.Doc knows the new ones replace the old (the link is not synced). Following it would
 * highlight the words for them and show "text removed" to everyone else. So the position is located
 * here without following (`false`), the same way on every client and on the server, and handed to
 * y-tiptap as a plain index, which it can no longer reinterpret. The cost: an undone deletion of
 * the commented words leaves the comment on its paragraph.
 */
function absolutePosition(sync: SyncedBinding, position: Y.RelativePosition): number | null {
  if (!isOurs(position, sync)) return null
  const located = Y.createAbsolutePositionFromRelativePosition(position, sync.doc, false)
  if (!located || !isLiveIn(located.type, sync.type)) return null
  const index = Y.createRelativePositionFromTypeIndex(located.type, located.index, position.assoc)
  return relativePositionToAbsolutePosition(sync.doc, sync.type, index, sync.mapping)
}

/** A root-type name would make Yjs create that root type as a side effect: only ours is valid. */
const isOurs = (position: Y.RelativePosition, { doc, type }: { doc: Y.Doc; type: Y.XmlFragment }) =>
  position.tname === null || (doc.share.get(position.tname) as unknown) === type

/**
 * Whether `type` is `root` or inside it and nothing on the way was deleted. Yjs resolves a
 * position inside a deleted paragraph to index 0 of that paragraph, which y-tiptap would turn
 * into a position in whatever now stands there.
 */
function isLiveIn(type: Y.AbstractType<unknown>, root: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> = type
  while (current !== root) {
    const item = current._item
    if (!item || item.deleted || !(item.parent instanceof Y.AbstractType)) return false
    current = item.parent
  }
  return true
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Decodes one end of an anchor, or null. Checked strictly first: Node's base64 decoder skips
 * characters it does not know instead of failing, so garbage would otherwise decode to something.
 */
function decodePosition(encoded: unknown): Y.RelativePosition | null {
  if (typeof encoded !== 'string' || encoded.length === 0 || !BASE64.test(encoded)) return null
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded))
    return position.item !== null || position.type !== null || position.tname !== null ? position : null
  } catch {
    return null
  }
}
