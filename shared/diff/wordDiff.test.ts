import { describe, expect, it } from 'vitest'
import { diffStats, sideOf, wordDiff, type DiffSegment } from './wordDiff'

describe('wordDiff', () => {
  it('returns one equal segment for identical texts, and nothing for two empty texts', () => {
    expect(wordDiff('Urges all States to act;', 'Urges all States to act;')).toEqual([
      { op: 'equal', text: 'Urges all States to act;' },
    ])
    expect(wordDiff('', '')).toEqual([])
  })

  it('shows an added word as a pure insertion with the surrounding words unchanged', () => {
    expect(wordDiff('Urges States to cooperate', 'Urges States to cooperate fully')).toEqual([
      { op: 'equal', text: 'Urges States to cooperate' },
      { op: 'insert', text: ' fully' },
    ])
    expect(wordDiff('to ensure access', 'to fully ensure access')).toEqual([
      { op: 'equal', text: 'to' },
      { op: 'insert', text: ' fully' },
      { op: 'equal', text: ' ensure access' },
    ])
  })

  it('shows removed words as a pure deletion', () => {
    expect(wordDiff('Urges all States to act fully and promptly;', 'Urges all States to act;')).toEqual([
      { op: 'equal', text: 'Urges all States to act' },
      { op: 'delete', text: ' fully and promptly' },
      { op: 'equal', text: ';' },
    ])
  })

  it('shows a replaced word as a whole-word delete followed by an insert', () => {
    expect(wordDiff('Urges all States to act;', 'Urges all Governments to act;')).toEqual([
      { op: 'equal', text: 'Urges all ' },
      { op: 'delete', text: 'States' },
      { op: 'insert', text: 'Governments' },
      { op: 'equal', text: ' to act;' },
    ])
  })

  it('keeps the space between a replaced opening phrase and the next word unchanged', () => {
    expect(wordDiff('Calls upon States to act;', 'Urges States to act;')).toEqual([
      { op: 'delete', text: 'Calls upon' },
      { op: 'insert', text: 'Urges' },
      { op: 'equal', text: ' States to act;' },
    ])
  })

  it('changes only the final punctuation mark when ";" becomes "."', () => {
    expect(wordDiff('Decides to remain seized of the matter;', 'Decides to remain seized of the matter.')).toEqual([
      { op: 'equal', text: 'Decides to remain seized of the matter' },
      { op: 'delete', text: ';' },
      { op: 'insert', text: '.' },
    ])
  })

  it('shows an added comma as the insertion of just that comma', () => {
    expect(wordDiff('Decides in this regard to act;', 'Decides, in this regard, to act;')).toEqual([
      { op: 'equal', text: 'Decides' },
      { op: 'insert', text: ',' },
      { op: 'equal', text: ' in this regard' },
      { op: 'insert', text: ',' },
      { op: 'equal', text: ' to act;' },
    ])
  })

  it('is not confused by a doubled word', () => {
    expect(wordDiff('the the States', 'the States')).toEqual([
      { op: 'equal', text: 'the' },
      { op: 'delete', text: ' the' },
      { op: 'equal', text: ' States' },
    ])
    expect(wordDiff('the States', 'the the States')).toEqual([
      { op: 'equal', text: 'the' },
      { op: 'insert', text: ' the' },
      { op: 'equal', text: ' States' },
    ])
  })

  it('is not confused by phrases that occur twice', () => {
    const before = 'to ensure that the States ensure that'
    expect(wordDiff(before, 'to ensure that States ensure that')).toEqual([
      { op: 'equal', text: 'to ensure that' },
      { op: 'delete', text: ' the' },
      { op: 'equal', text: ' States ensure that' },
    ])
    expect(wordDiff(before, 'to ensure that the States ensure that all')).toEqual([
      { op: 'equal', text: before },
      { op: 'insert', text: ' all' },
    ])
  })

  it('keeps accented words and words with apostrophes or hyphens whole', () => {
    expect(wordDiff("the people of Côte d'Ivoire", "the people of Cote d'Ivoire")).toEqual([
      { op: 'equal', text: 'the people of ' },
      { op: 'delete', text: 'Côte' },
      { op: 'insert', text: 'Cote' },
      { op: 'equal', text: " d'Ivoire" },
    ])
    expect(wordDiff("welcomes Côte d'Ivoire", "welcomes Côte d'Ivoire's")).toEqual([
      { op: 'equal', text: 'welcomes Côte ' },
      { op: 'delete', text: "d'Ivoire" },
      { op: 'insert', text: "d'Ivoire's" },
    ])
    expect(wordDiff('the Secretary-General', 'the Under-Secretary-General')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'Secretary-General' },
      { op: 'insert', text: 'Under-Secretary-General' },
    ])
  })

  it('finds exactly the three separate changes in a 200-word paragraph', () => {
    const part1 =
      'Recognizing that safe and clean drinking water and sanitation are integral to the realization of all human rights,'
    const part2 =
      ' and recalling that States have the primary responsibility to ensure the full realization of all human rights, including the human right to safe drinking water and sanitation, in accordance with their national legislation and international obligations, and noting with concern that more than two billion people still lack access to safely managed drinking water services and that more than three billion people lack safely managed sanitation services'
    const deleted = ', in particular in rural areas and informal settlements'
    const part3 =
      ', where women and girls bear a disproportionate burden of collecting water and are exposed to risks of violence, calls upon States to develop national strategies, plans of action and budgets, with the participation of local communities, that take into account the needs of persons in vulnerable situations, including persons with disabilities, older persons, migrants, refugees and internally displaced persons, and to monitor their implementation through independent mechanisms, and requests the Secretary-General to submit to the General Assembly at its '
    const part4 =
      ' session a report on the implementation of the present resolution, including on the progress made and the challenges encountered by Member States and by the United Nations system in this regard.'
    const before = part1 + part2 + deleted + part3 + 'eightieth' + part4
    const after = part1 + ' fully' + part2 + part3 + 'eighty-first' + part4
    expect(before.split(' ').length).toBeGreaterThanOrEqual(200)

    const segments = wordDiff(before, after)
    expect(segments).toEqual([
      { op: 'equal', text: part1 },
      { op: 'insert', text: ' fully' },
      { op: 'equal', text: part2 },
      { op: 'delete', text: deleted },
      { op: 'equal', text: part3 },
      { op: 'delete', text: 'eightieth' },
      { op: 'insert', text: 'eighty-first' },
      { op: 'equal', text: part4 },
    ])
    expect(diffStats(segments)).toEqual({ changes: 3, insertedWords: 2, deletedWords: 9 })
  })

  it('keeps a word the edit keeps rather than striking it and inserting it again', () => {
    expect(wordDiff('such as corruption, cybercrime, terrorism and online radicalization,', 'such as corruption, cybercrime and terrorism,')).toEqual([
      { op: 'equal', text: 'such as corruption, cybercrime' },
      { op: 'delete', text: ',' },
      { op: 'insert', text: ' and' },
      { op: 'equal', text: ' terrorism' },
      { op: 'delete', text: ' and online radicalization' },
      { op: 'equal', text: ',' },
    ])
    expect(wordDiff('developing countries and reform the international', 'developing countries and continue the reform of the international')).toEqual([
      { op: 'equal', text: 'developing countries and' },
      { op: 'insert', text: ' continue the' },
      { op: 'equal', text: ' reform' },
      { op: 'insert', text: ' of' },
      { op: 'equal', text: ' the international' },
    ])
  })

  it('marks a rewritten phrase as one replacement, not around a stray "a" that happens to match', () => {
    expect(wordDiff('Programme of Action remains a solid basis and the only', 'Programme of Action is a milestone in the common fight against racism and the only')).toEqual([
      { op: 'equal', text: 'Programme of Action ' },
      { op: 'delete', text: 'remains a solid basis' },
      { op: 'insert', text: 'is a milestone in the common fight against racism' },
      { op: 'equal', text: ' and the only' },
    ])
  })

  it('keeps the brackets of an inserted citation together', () => {
    expect(wordDiff('2654 (2022) and 2703 (2023), with', '2654 (2022), 2703 (2023) and 2756 (2024), with')).toEqual([
      { op: 'equal', text: '2654 (2022)' },
      { op: 'delete', text: ' and' },
      { op: 'insert', text: ',' },
      { op: 'equal', text: ' 2703 (2023)' },
      { op: 'insert', text: ' and 2756 (2024)' },
      { op: 'equal', text: ', with' },
    ])
  })

  it('still gives back both texts when they are too long to align word by word', () => {
    const text = (step: number) => Array.from({ length: 2500 }, (_, i) => `w${(i * step) % 997}`).join(' ')
    const [before, after] = [text(7), text(13)]
    const segments = wordDiff(before, after)
    expect(sideOf(segments, 'before')).toBe(before)
    expect(sideOf(segments, 'after')).toBe(after)
  })

  it('always gives back both texts exactly (seeded fuzz)', () => {
    const random = mulberry32(20240611)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const vocabulary = [
      'the', 'States', 'ensure', 'that', 'to', 'all', 'Member', "Côte", "d'Ivoire", 'Secretary-General',
      ',', ';', '.', '(', ')', '’', ' ', ' ', ' ', '  ', '\n', '', '🇺🇳',
    ] as const
    const randomPieces = (max: number): string[] =>
      Array.from({ length: Math.floor(random() * max) }, () => pick(vocabulary))

    for (let i = 0; i < 300; i++) {
      const pieces = randomPieces(30)
      let other: string[]
      if (i % 5 === 0) {
        other = randomPieces(30) // unrelated texts
      } else {
        // A few edits of the same text, as a negotiator would make.
        other = [...pieces]
        const edits = 1 + Math.floor(random() * 4)
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(random() * (other.length + 1))
          const kind = random()
          if (kind < 0.35) other.splice(at, 0, ...randomPieces(4))
          else if (kind < 0.7) other.splice(at, 1 + Math.floor(random() * 3))
          else other.splice(at, 1, ...randomPieces(3))
        }
      }
      const before = pieces.join('')
      const after = other.join('')
      const segments = wordDiff(before, after)
      const context = JSON.stringify({ before, after, segments })
      expect(sideOf(segments, 'before'), context).toBe(before)
      expect(sideOf(segments, 'after'), context).toBe(after)
      expect(segments.every((s) => s.text !== ''), context).toBe(true)
      for (let k = 1; k < segments.length; k++) {
        const [prev, next] = [segments[k - 1]!, segments[k]!]
        expect(prev.op === next.op, context).toBe(false)
        expect(prev.op === 'insert' && next.op === 'delete', context).toBe(false)
      }
    }
  })
})

describe('diffStats', () => {
  it('counts a delete+insert pair as one change and counts words, not punctuation', () => {
    const segments: DiffSegment[] = [
      { op: 'delete', text: 'Calls upon' },
      { op: 'insert', text: 'Urges' },
      { op: 'equal', text: ' States to act' },
      { op: 'delete', text: ';' },
      { op: 'insert', text: '.' },
    ]
    expect(diffStats(segments)).toEqual({ changes: 2, insertedWords: 1, deletedWords: 2 })
  })

  it('reports no changes for an empty or all-equal diff', () => {
    expect(diffStats([])).toEqual({ changes: 0, insertedWords: 0, deletedWords: 0 })
    expect(diffStats([{ op: 'equal', text: 'Urges States' }])).toEqual({ changes: 0, insertedWords: 0, deletedWords: 0 })
  })
})

describe('sideOf', () => {
  it('reads the old text from equal and deleted segments and the new text from equal and inserted ones', () => {
    const segments = wordDiff('Calls upon States to act;', 'Urges States to act fully.')
    expect(sideOf(segments, 'before')).toBe('Calls upon States to act;')
    expect(sideOf(segments, 'after')).toBe('Urges States to act fully.')
  })
})

/** A small seeded generator, so a failing fuzz case can be replayed exactly. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
