/**
 * Rebasing a proposal onto a paragraph that changed after it was drafted: a three-way merge at the
 * word level. The proposal's changes (base → proposed) and the paragraph's changes since (base →
 * current) are both word diffs over the base text; when they touch different words, both are kept.
 * When they touch the same words, nobody can say what the State would want now, so the proposal is
 * reported as a conflict and shown against the text it was drafted on ("drafted against an older
 * text"), never merged by guesswork.
 */
import { wordDiff } from '../diff/wordDiff'

export type RebaseResult =
  /** The paragraph has not changed since: the proposal applies as drafted. */
  | { status: 'unchanged'; text: string }
  /** Both changes kept: `text` is the current paragraph with the proposal's changes applied. */
  | { status: 'rebased'; text: string }
  /** The changes overlap: `text` is the proposal as drafted. */
  | { status: 'conflict'; text: string }

/** One change to the base text: replace base[start, end) with `insert`. Pure insertions have start === end. */
interface Edit {
  start: number
  end: number
  insert: string
}

export function rebaseProposal(baseText: string, proposedText: string, currentText: string): RebaseResult {
  if (baseText === currentText) return { status: 'unchanged', text: proposedText }
  const proposal = editsOf(baseText, proposedText)
  const since = editsOf(baseText, currentText)
  const merged: Edit[] = [...since]
  for (const edit of proposal) {
    // The same change made on both sides (the facilitator already took that word) is applied once.
    if (since.some((other) => sameEdit(edit, other))) continue
    if (since.some((other) => overlaps(edit, other))) return { status: 'conflict', text: proposedText }
    merged.push(edit)
  }
  return { status: 'rebased', text: apply(baseText, merged) }
}

/** The word diff base → changed, as edits positioned in the base text. */
function editsOf(base: string, changed: string): Edit[] {
  const edits: Edit[] = []
  let offset = 0
  let open: Edit | null = null
  for (const segment of wordDiff(base, changed)) {
    if (segment.op === 'equal') {
      offset += segment.text.length
      open = null
      continue
    }
    if (!open) {
      open = { start: offset, end: offset, insert: '' }
      edits.push(open)
    }
    if (segment.op === 'delete') {
      offset += segment.text.length
      open.end = offset
    } else {
      open.insert += segment.text
    }
  }
  return edits
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.insert === b.insert
}

/**
 * Two edits collide when they share any stretch of the base or merely touch: an insertion right
 * after a replaced word ("cooperate" → "engage constructively" against "cooperate fully") reads
 * as nonsense when both are kept, and two insertions at one point have no right order. Edits with
 * at least a space of unchanged text between them change different words and can both stand.
 */
function overlaps(a: Edit, b: Edit): boolean {
  return Math.max(a.start, b.start) <= Math.min(a.end, b.end)
}

/** Applies non-overlapping edits to the base text. */
function apply(base: string, edits: Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let text = ''
  let cursor = 0
  for (const edit of ordered) {
    text += base.slice(cursor, edit.start) + edit.insert
    cursor = edit.end
  }
  return text + base.slice(cursor)
}

export interface Merge {
  /** The current text with every proposal that applied cleanly, in the order given. */
  text: string
  /** Ids of the proposals left out because they touch words an earlier one already changed. */
  leftOut: string[]
}

/**
 * The starting point for compromise language built from several proposals: each proposal's
 * changes are rebased in turn onto the text so far. A proposal that collides with an earlier one
 * is left out and named, for the facilitator to weigh by hand.
 */
export function mergeProposals(
  currentText: string,
  proposals: ReadonlyArray<{ id: string; baseText: string; text: string }>,
): Merge {
  let text = currentText
  const leftOut: string[] = []
  for (const proposal of proposals) {
    const rebased = rebaseProposal(proposal.baseText, proposal.text, text)
    if (rebased.status === 'conflict') leftOut.push(proposal.id)
    else text = rebased.text
  }
  return { text, leftOut }
}
