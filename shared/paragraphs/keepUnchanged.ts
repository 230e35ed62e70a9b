import type { Paragraph } from './types'

const sameFootnotes = (a: Paragraph['footnotes'], b: Paragraph['footnotes']) =>
  (a ?? []).length === (b ?? []).length &&
  (a ?? []).every((note, i) => {
    const other = b![i]!
    return note.offset === other.offset && note.text === other.text && note.number === other.number
  })

const sameParagraph = (a: Paragraph, b: Paragraph) =>
  a.id === b.id && a.kind === b.kind && a.number === b.number && a.text === b.text && a.status === b.status && sameFootnotes(a.footnotes, b.footnotes)

/**
 * A new reading of the paragraphs in which every paragraph equal to its previous reading is the
 * previous object, and the whole list is the previous list when nothing changed: what lets a view
 * skip the paragraphs an edit did not touch by comparing identities.
 */
export function keepUnchanged(previous: readonly Paragraph[], next: Paragraph[]): Paragraph[] {
  const before = new Map(previous.map((p) => [p.id, p] as const))
  const kept = next.map((p) => {
    const old = before.get(p.id)
    return old && sameParagraph(old, p) ? old : p
  })
  return kept.length === previous.length && kept.every((p, i) => p === previous[i]) ? (previous as Paragraph[]) : kept
}
