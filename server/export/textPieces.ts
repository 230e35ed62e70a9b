/**
 * A paragraph's text cut into what every export sets differently: the italic opening words, the
 * rest, and the footnote markers at their offsets. Each renderer only says how a piece looks.
 */
import type { DiffSegment } from '../../shared/diff/wordDiff'
import { openingLength } from '../../shared/paragraphs/openingWords'
import type { Language, NumberedFootnote, ParagraphKind } from '../../shared/paragraphs/types'

export type TextPiece = { text: string; italics?: true } | { note: NumberedFootnote }

export const isNote = (piece: TextPiece | RedlinePiece): piece is { note: NumberedFootnote } => 'note' in piece

interface Footnoted {
  kind: ParagraphKind
  text: string
  footnotes?: readonly NumberedFootnote[]
}

/**
 * How many characters UN style sets in italics at the start: the opening words of a PP or an OP
 * in the languages whose texts do so; none for a sub-paragraph.
 */
export function italicLength(p: { kind: ParagraphKind; text: string }, language: Language = 'en'): number {
  return p.kind === 'sub' ? 0 : openingLength(p.text, p.kind, language)
}

/** The text in order: italic opening, plain words, and a note piece where each marker stands. */
export function paragraphPieces(p: Footnoted, language: Language = 'en'): TextPiece[] {
  const italic = italicLength(p, language)
  const pieces: TextPiece[] = []
  const notes = [...(p.footnotes ?? [])].sort((a, b) => a.offset - b.offset)
  const cuts = [...new Set([0, italic, ...notes.map((n) => n.offset), p.text.length])]
    .filter((cut) => cut >= 0 && cut <= p.text.length)
    .sort((a, b) => a - b)
  cuts.forEach((from, i) => {
    notes.filter((n) => n.offset === from && from < p.text.length).forEach((note) => pieces.push({ note }))
    const to = cuts[i + 1]
    if (to === undefined || to === from) return
    const text = p.text.slice(from, to)
    pieces.push(from < italic ? { text, italics: true } : { text })
  })
  // Markers after the last word (the common case: after the final comma or semicolon).
  notes.filter((n) => n.offset >= p.text.length).forEach((note) => pieces.push({ note }))
  return pieces
}

export type RedlinePiece = DiffSegment | { note: NumberedFootnote }

/**
 * A word diff with the newer text's footnote markers in it: offsets count the words the newer
 * text has (unchanged and inserted), so a marker never lands inside a deletion.
 */
export function redlineWithNotes(segments: readonly DiffSegment[], footnotes: readonly NumberedFootnote[] = []): RedlinePiece[] {
  const notes = [...footnotes].sort((a, b) => a.offset - b.offset)
  const out: RedlinePiece[] = []
  let at = 0
  let next = 0
  for (const segment of segments) {
    if (segment.op === 'delete') {
      out.push(segment)
      continue
    }
    let from = 0
    while (next < notes.length && notes[next].offset <= at + segment.text.length) {
      const cut = notes[next].offset - at
      if (cut === segment.text.length && segment !== segments[segments.length - 1]) break
      if (cut > from) out.push({ op: segment.op, text: segment.text.slice(from, cut) })
      out.push({ note: notes[next++] })
      from = cut
    }
    if (from < segment.text.length) out.push({ op: segment.op, text: segment.text.slice(from) })
    at += segment.text.length
  }
  notes.slice(next).forEach((note) => out.push({ note }))
  return out
}
