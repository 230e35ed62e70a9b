import type { DraftParagraph, DroppedLine } from '../../shared/paragraphs/types'

/**
 * Puts a line the recogniser dropped back into the draft as a paragraph, where it stood in the
 * text, of the same kind as the paragraph before it. The other dropped lines keep pointing at the
 * paragraph they followed, so a later "Keep" still lands in the right place.
 */
export function keepDroppedLine(
  paragraphs: readonly DraftParagraph[],
  dropped: readonly DroppedLine[],
  index: number,
): { paragraphs: DraftParagraph[]; dropped: DroppedLine[]; at: number } {
  const line = dropped[index]
  const at = Math.max(0, Math.min(line.after + 1, paragraphs.length))
  const before = paragraphs[at - 1]
  const kept: DraftParagraph =
    before?.kind === 'op' ? { kind: 'op', level: before.level, text: line.text } : { kind: 'pp', text: line.text }
  // A line that came after the kept one in the text now follows the new paragraph.
  const followsKept = (other: DroppedLine, j: number) => other.after >= at || (other.after === at - 1 && j > index)
  return {
    paragraphs: [...paragraphs.slice(0, at), kept, ...paragraphs.slice(at)],
    dropped: dropped.flatMap((other, j) =>
      j === index ? [] : [followsKept(other, j) ? { ...other, after: other.after + 1 } : other],
    ),
    at,
  }
}
