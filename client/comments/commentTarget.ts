import type { EditorState } from '@tiptap/pm/state'
import type { CommentAnchor } from '../../shared/comments/types'
import { anchorFromRange } from './anchors'

export interface CommentTarget {
  paragraphId: string
  anchor: CommentAnchor | null
  quote: string
}

/**
 * What a new comment is about: the selected words, kept within the paragraph the selection starts
 * in (a thread belongs to one paragraph), or the whole paragraph when nothing is selected. Cheap:
 * it is read on every change of the selection.
 */
export function commentRange(state: EditorState): { paragraphId: string; from: number; to: number; quote: string } | null {
  const { $from, to } = state.selection
  const paragraph = $from.parent
  if (paragraph.type.name !== 'pp' && paragraph.type.name !== 'op') return null
  const start = $from.start()
  const end = $from.end()
  const [from, until] = state.selection.empty ? [start, end] : [$from.pos, Math.min(to, end)]
  return { paragraphId: String(paragraph.attrs.id), from, to: until, quote: state.doc.textBetween(from, until, ' ') }
}

/** The same, anchored in Yjs: done once, when the comment is sent. */
export function commentTarget(state: EditorState): CommentTarget | null {
  const range = commentRange(state)
  if (!range) return null
  const { paragraphId, from, to, quote } = range
  return { paragraphId, anchor: quote.trim() ? anchorFromRange(state, from, to) : null, quote }
}
