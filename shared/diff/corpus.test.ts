/**
 * The word diff against real amendments (shared/diff/corpus/pairs.json): paragraphs from UN drafts,
 * revised and adopted texts and amendment documents, each old wording paired with its amended
 * wording, and the redline a negotiator would mark written by hand in [-deleted-] / {+inserted+}
 * notation. The corpus README says where the pairs come from and how they were marked.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sideOf, wordDiff, type DiffSegment } from './wordDiff'

interface Pair {
  source: string
  before: string
  after: string
  expected: string
}

const pairs = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus', 'pairs.json'), 'utf8')) as Pair[]

function render(segments: readonly DiffSegment[]): string {
  return segments
    .map(({ op, text }) => (op === 'equal' ? text : op === 'delete' ? `[-${text}-]` : `{+${text}+}`))
    .join('')
}

/** One side of a hand-marked redline, so a typo in the corpus shows as such rather than as a diff bug. */
function sideOfMarked(marked: string, side: 'before' | 'after'): string {
  const [drop, keep] = side === 'before' ? [/\{\+[^]*?\+\}/g, /\[-([^]*?)-\]/g] : [/\[-[^]*?-\]/g, /\{\+([^]*?)\+\}/g]
  return marked.replace(drop, '').replace(keep, '$1')
}

describe('wordDiff on real amendments', () => {
  it('has at least 30 pairs, each marked consistently with its two texts', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(30)
    for (const pair of pairs) {
      expect(sideOfMarked(pair.expected, 'before'), pair.source).toBe(pair.before)
      expect(sideOfMarked(pair.expected, 'after'), pair.source).toBe(pair.after)
    }
  })

  it.each(pairs.map((pair) => [pair.source, pair] as const))('marks %s as a negotiator would', (_source, pair) => {
    expect(render(wordDiff(pair.before, pair.after))).toBe(pair.expected)
  })

  it.each(pairs.map((pair) => [pair.source, pair] as const))('gives back both texts of %s exactly', (_source, pair) => {
    const segments = wordDiff(pair.before, pair.after)
    expect(sideOf(segments, 'before')).toBe(pair.before)
    expect(sideOf(segments, 'after')).toBe(pair.after)
  })
})
