/**
 * The redline between two versions of a resolution: what a delegation reads to answer "what changed
 * since Rev.1?" and sends to its capital (ARCHITECTURE §8).
 *
 * Paragraphs are aligned by id, never by position, so inserting an OP renumbers the paragraphs
 * after it without making them look rewritten, and a paragraph moved from OP 2 to OP 5 is one move,
 * not a deletion and an insertion. Text changes are the shared word diff.
 *
 * Pure TypeScript, no DOM and no Node APIs: the server exports it and the client draws it.
 */
import { wordDiff } from '../diff/wordDiff'
import { paragraphLabel } from '../paragraphs/paragraphLabel'
import { isLocked, type Paragraph, type ParagraphStatus } from '../paragraphs/types'
import type { ParagraphChange, ParagraphSide, VersionRedline } from './types'

/**
 * Above this many status changes the summary gives their number ("3 status changes") rather than
 * listing each one, so the line at the top of the redline stays one line.
 */
const MAX_LISTED_STATUS_CHANGES = 2

/**
 * Compares two versions' paragraphs (each as `GET …/paragraphs` gives them, in document order).
 *
 * Ids are unique within a version; should one repeat, its first occurrence is the one aligned and
 * any later one is reported as added or deleted, so no paragraph is ever left out.
 */
export function compareVersions(before: readonly Paragraph[], after: readonly Paragraph[]): VersionRedline {
  const beforeAt = firstIndexById(before)
  const afterAt = firstIndexById(after)
  // The partner in `before` of each paragraph of `after`, or -1 when it is new.
  const partnerOf = after.map((p, j) => (afterAt.get(p.id) === j ? (beforeAt.get(p.id) ?? -1) : -1))
  const paired = new Set(partnerOf.filter((i) => i >= 0))
  const inPlace = stayedInPlace(partnerOf)

  const deletedAfter = deletedByAnchor(before, paired, inPlace)
  const paragraphs: ParagraphChange[] = [...(deletedAfter.get(-1) ?? [])]
  after.forEach((p, j) => {
    const i = partnerOf[j]!
    if (i < 0) {
      paragraphs.push(addedChange(p))
      return
    }
    paragraphs.push(pairedChange(before[i]!, p, !inPlace.has(i)))
    paragraphs.push(...(deletedAfter.get(i) ?? []))
  })

  const counts = countChanges(paragraphs)
  return { paragraphs, counts, summary: summarise(paragraphs, counts) }
}

function firstIndexById(paragraphs: readonly Paragraph[]): Map<string, number> {
  const at = new Map<string, number>()
  paragraphs.forEach((p, i) => {
    if (!at.has(p.id)) at.set(p.id, i)
  })
  return at
}

/**
 * The `before` indices of the paragraphs that kept their place: the longest common subsequence of
 * the ids both versions share. Since each id appears once on each side, that is the longest
 * increasing run of `before` positions read in `after` order (patience sorting, O(n log n)).
 * Every other shared paragraph moved. When several subsequences are equally long (two paragraphs
 * swapped), the one found is kept; either reading is a single move.
 */
function stayedInPlace(partnerOf: readonly number[]): Set<number> {
  const positions = partnerOf.filter((i) => i >= 0)
  // tails[k]: index into `positions` of the smallest last element of an increasing run of length k+1.
  const tails: number[] = []
  const previous: number[] = new Array<number>(positions.length).fill(-1)
  positions.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (positions[tails[mid]!]! < value) low = mid + 1
      else high = mid
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let index = tails.length ? tails[tails.length - 1]! : -1; index >= 0; index = previous[index]!) {
    kept.add(positions[index]!)
  }
  return kept
}

/**
 * Deleted paragraphs keyed by the `before` index of the paragraph they follow: the nearest one
 * before them that is still in place in the newer text (-1 for the start). A paragraph that
 * itself moved is no landmark: the deletion stood where it used to be, not where it went.
 */
function deletedByAnchor(
  before: readonly Paragraph[],
  paired: ReadonlySet<number>,
  inPlace: ReadonlySet<number>,
): Map<number, ParagraphChange[]> {
  const groups = new Map<number, ParagraphChange[]>()
  let anchor = -1
  before.forEach((p, i) => {
    if (inPlace.has(i)) anchor = i
    if (paired.has(i)) return
    const group = groups.get(anchor)
    if (group) group.push(deletedChange(p))
    else groups.set(anchor, [deletedChange(p)])
  })
  return groups
}

function sideOf(p: Paragraph): ParagraphSide {
  return { kind: p.kind, number: p.number, text: p.text, status: p.status }
}

function addedChange(p: Paragraph): ParagraphChange {
  return {
    id: p.id,
    change: 'added',
    before: null,
    after: sideOf(p),
    segments: wordDiff('', p.text),
    moved: false,
    renumbered: false,
    statusChange: null,
  }
}

function deletedChange(p: Paragraph): ParagraphChange {
  return {
    id: p.id,
    change: 'deleted',
    before: sideOf(p),
    after: null,
    segments: wordDiff(p.text, ''),
    moved: false,
    renumbered: false,
    statusChange: null,
  }
}

function pairedChange(old: Paragraph, now: Paragraph, moved: boolean): ParagraphChange {
  return {
    id: now.id,
    change: old.text === now.text ? 'unchanged' : 'changed',
    before: sideOf(old),
    after: sideOf(now),
    segments: wordDiff(old.text, now.text),
    moved,
    renumbered: paragraphLabel(old) !== paragraphLabel(now),
    statusChange: old.status === now.status ? null : { from: old.status, to: now.status },
  }
}

function countChanges(paragraphs: readonly ParagraphChange[]): VersionRedline['counts'] {
  const count = (test: (c: ParagraphChange) => boolean): number => paragraphs.filter(test).length
  return {
    added: count((c) => c.change === 'added'),
    deleted: count((c) => c.change === 'deleted'),
    changed: count((c) => c.change === 'changed'),
    moved: count((c) => c.moved),
    renumbered: count((c) => c.renumbered),
    statusChanged: count((c) => c.statusChange !== null),
  }
}

/** "2 paragraphs added, 1 deleted, 3 changed, 1 moved, 4 renumbered; OP 4 became agreed ad ref" */
function summarise(paragraphs: readonly ParagraphChange[], counts: VersionRedline['counts']): string {
  const tallies: Array<[number, string]> = [
    [counts.added, 'added'],
    [counts.deleted, 'deleted'],
    [counts.changed, 'changed'],
    [counts.moved, 'moved'],
    [counts.renumbered, 'renumbered'],
  ]
  const tally = tallies
    .filter(([n]) => n > 0)
    .map(([n, what], index) => (index === 0 ? `${n} paragraph${n === 1 ? '' : 's'} ${what}` : `${n} ${what}`))
    .join(', ')
  const statuses =
    counts.statusChanged > MAX_LISTED_STATUS_CHANGES
      ? [`${counts.statusChanged} status changes`]
      : paragraphs.flatMap((c) => (c.after && c.statusChange ? [statusPhrase(paragraphLabel(c.after), c.statusChange)] : []))
  return [tally, ...statuses].filter(Boolean).join('; ') || 'No changes'
}

/** "OP 4 became agreed ad ref", "OP 4 was reopened for negotiation" … */
function statusPhrase(label: string, { from, to }: { from: ParagraphStatus; to: ParagraphStatus }): string {
  switch (to) {
    case 'agreed-ad-ref':
      return `${label} became agreed ad ref`
    case 'agreed':
      return `${label} became agreed`
    case 'negotiating':
      return isLocked(from) ? `${label} was reopened for negotiation` : `${label} is now under negotiation`
    case 'draft':
      return isLocked(from) ? `${label} was reopened as a draft` : `${label} went back to draft`
  }
}

export type ChangeNoteKind = 'added' | 'deleted' | 'amended' | 'moved' | 'renumbered' | 'status'

/** One thing that happened to a paragraph, as a phrase: what the badges of a redline say. */
export interface ChangeNote {
  kind: ChangeNoteKind
  text: string
}

/**
 * What happened to one paragraph, one note per aspect, in reading order: "new OP 3";
 * "deleted (was PP2)"; "amended"; "moved: former OP 2, now OP 5" (or "moved" when its number
 * stayed); "former OP 7, now OP 9" for a paragraph renumbered in place; "OP 4 became agreed ad ref".
 * Empty for a paragraph nothing happened to.
 */
export function changeNotes(change: ParagraphChange): ChangeNote[] {
  const { before, after } = change
  if (change.change === 'added' || !before) return after ? [{ kind: 'added', text: `new ${paragraphLabel(after)}` }] : []
  if (change.change === 'deleted' || !after) return [{ kind: 'deleted', text: `deleted (was ${paragraphLabel(before)})` }]
  const notes: ChangeNote[] = []
  if (change.change === 'changed') notes.push({ kind: 'amended', text: 'amended' })
  const renumbering = `former ${paragraphLabel(before)}, now ${paragraphLabel(after)}`
  if (change.moved) notes.push({ kind: 'moved', text: change.renumbered ? `moved: ${renumbering}` : 'moved' })
  else if (change.renumbered) notes.push({ kind: 'renumbered', text: renumbering })
  if (change.statusChange) notes.push({ kind: 'status', text: statusPhrase(paragraphLabel(after), change.statusChange) })
  return notes
}

/** The human phrase for one paragraph of a redline: its notes joined, or "unchanged". */
export function describeChange(change: ParagraphChange): string {
  return (
    changeNotes(change)
      .map((note) => note.text)
      .join('; ') || 'unchanged'
  )
}
