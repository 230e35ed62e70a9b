import { deepEqual } from '../deepEqual'
import type { Paragraph } from './types'

/**
 * A new reading of the paragraphs in which every paragraph equal to its previous reading is the
 * previous object, and the whole list is the previous list when nothing changed: what lets a view
 * skip the paragraphs an edit did not touch by comparing identities.
 */
export function keepUnchanged(previous: readonly Paragraph[], next: Paragraph[]): Paragraph[] {
  const before = new Map(previous.map((p) => [p.id, p] as const))
  const kept = next.map((p) => {
    const old = before.get(p.id)
    return old && deepEqual(old, p) ? old : p
  })
  return kept.length === previous.length && kept.every((p, i) => p === previous[i]) ? (previous as Paragraph[]) : kept
}
