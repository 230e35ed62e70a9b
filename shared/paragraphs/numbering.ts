import type { OpLevel, ParagraphKind } from './types'

export type NumberingInput = { kind: 'pp' } | { kind: 'op'; level: OpLevel }

export interface ParagraphNumber {
  kind: ParagraphKind
  /** Effective depth after normalisation: a sub-paragraph with no parent counts as an OP. */
  level: OpLevel
  /** The full reference, as a negotiator cites it: "PP3", "5", "5 (b)", "5 (b) (ii)". */
  number: string
  /** What stands in front of the paragraph: "PP3", "5.", "(b)", "(ii)"; "" for a lone OP. */
  label: string
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
]

export function toRoman(n: number): string {
  let out = ''
  for (const [value, symbol] of ROMAN) {
    while (n >= value) {
      out += symbol
      n -= value
    }
  }
  return out
}

/** a … z, then aa, bb … as UN documents letter long lists. */
export function toLetter(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

/**
 * Numbers paragraphs from their order, as UN documents do: PPs are unnumbered in print but
 * labelled PP1, PP2 … for negotiators; OPs are 1., 2. …; sub-paragraphs (a), (b) … restart under
 * each OP; sub-sub-paragraphs (i), (ii) … restart under each sub-paragraph. A resolution with a
 * single OP leaves it unnumbered. Numbers are never stored: inserting an OP renumbers the rest.
 */
export function numberParagraphs(paragraphs: readonly NumberingInput[]): ParagraphNumber[] {
  const levels = effectiveLevels(paragraphs)
  const opCount = [...levels.values()].filter((level) => level === 0).length
  let pp = 0
  const counters = [0, 0, 0]
  const parts = ['', '', '']
  return paragraphs.map((p) => {
    if (p.kind === 'pp') {
      pp += 1
      return { kind: 'pp', level: 0, number: `PP${pp}`, label: `PP${pp}` }
    }
    const level = levels.get(p) ?? 0
    counters[level] += 1
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0
    const n = counters[level]
    if (level === 0) {
      parts[0] = opCount === 1 ? '' : String(n)
      return { kind: 'op', level, number: parts[0], label: parts[0] ? `${parts[0]}.` : '' }
    }
    parts[level] = level === 1 ? `(${toLetter(n)})` : `(${toRoman(n)})`
    const number = parts.slice(0, level + 1).filter(Boolean).join(' ')
    return { kind: 'sub', level, number, label: parts[level] }
  })
}

/** A paragraph can be at most one level deeper than the one before it. */
function effectiveLevels(paragraphs: readonly NumberingInput[]): Map<NumberingInput, OpLevel> {
  const levels = new Map<NumberingInput, OpLevel>()
  let previous = -1
  for (const p of paragraphs) {
    if (p.kind !== 'op') continue
    const level = Math.min(p.level, previous + 1) as OpLevel
    levels.set(p, level)
    previous = level
  }
  return levels
}
