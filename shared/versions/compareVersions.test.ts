import { describe, expect, it } from 'vitest'
import { sideOf } from '../diff/wordDiff'
import { numberParagraphs } from '../paragraphs/numbering'
import type { OpLevel, Paragraph, ParagraphStatus } from '../paragraphs/types'
import { changeNotes, compareVersions, describeChange } from './compareVersions'
import type { ParagraphChange, VersionRedline } from './types'

/** A paragraph as written; the revision numbers it from its place, as the server does. */
interface Spec {
  id: string
  kind: 'pp' | 'op'
  level?: OpLevel
  text: string
  status?: ParagraphStatus
}

const pp = (id: string, text: string, status?: ParagraphStatus): Spec => ({ id, kind: 'pp', text, status })
const op = (id: string, text: string, status?: ParagraphStatus): Spec => ({ id, kind: 'op', text, status })
const sub = (id: string, text: string): Spec => ({ id, kind: 'op', level: 1, text })

function revision(...specs: Spec[]): Paragraph[] {
  const numbers = numberParagraphs(specs.map((s) => (s.kind === 'pp' ? { kind: 'pp' } : { kind: 'op', level: s.level ?? 0 })))
  return specs.map((s, i) => ({
    id: s.id,
    kind: numbers[i]!.kind,
    number: numbers[i]!.number,
    text: s.text,
    status: s.status ?? 'draft',
  }))
}

const ids = (r: VersionRedline): string[] => r.paragraphs.map((p) => p.id)
const entry = (r: VersionRedline, id: string): ParagraphChange => {
  const found = r.paragraphs.filter((p) => p.id === id)
  expect(found).toHaveLength(1)
  return found[0]!
}
const changedSegments = (c: ParagraphChange) => c.segments.filter((s) => s.op !== 'equal')
const noCounts = { added: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0, statusChanged: 0 }

/** Rev.1 of a small resolution: two PPs, five OPs, one with sub-paragraphs. */
const rev1 = (): Spec[] => [
  pp('pp-a', 'Recalling its resolution 72/175 of 19 December 2017,'),
  pp('pp-b', 'Deeply concerned by attacks on journalists,'),
  op('op-a', 'Condemns all attacks against journalists;'),
  op('op-b', 'Urges all States to ensure the safety of journalists;'),
  sub('op-b1', 'to protect journalists;'),
  sub('op-b2', 'to investigate attacks;'),
  op('op-c', 'Calls upon States to release arbitrarily detained journalists;'),
  op('op-d', 'Requests the Secretary-General to report on the implementation of the present resolution;'),
  op('op-e', 'Decides to remain seized of the matter.'),
]

describe('compareVersions', () => {
  it('finds no change between identical texts: every paragraph unchanged, counts zero, "No changes"', () => {
    const text = revision(...rev1())
    const redline = compareVersions(text, revision(...rev1()))
    expect(redline.summary).toBe('No changes')
    expect(redline.counts).toEqual(noCounts)
    expect(ids(redline)).toEqual(text.map((p) => p.id))
    for (const p of redline.paragraphs) {
      expect(p.change).toBe('unchanged')
      expect(p.moved).toBe(false)
      expect(p.renumbered).toBe(false)
      expect(p.statusChange).toBeNull()
      expect(changedSegments(p)).toEqual([])
      expect(sideOf(p.segments, 'after')).toBe(p.after?.text)
      expect(describeChange(p)).toBe('unchanged')
    }
  })

  it('compares two empty texts as no changes', () => {
    expect(compareVersions([], [])).toEqual({ paragraphs: [], counts: noCounts, summary: 'No changes' })
  })

  it('reports an OP inserted before others as one addition; the OPs after it are renumbered, not moved', () => {
    const [ppA, ppB, opA, ...rest] = rev1()
    const redline = compareVersions(
      revision(ppA!, ppB!, opA!, ...rest),
      revision(ppA!, ppB!, op('op-new', 'Welcomes the report of the Secretary-General;'), opA!, ...rest),
    )
    expect(redline.counts).toEqual({ ...noCounts, added: 1, renumbered: 7 })
    expect(redline.summary).toBe('1 paragraph added, 7 renumbered')
    expect(describeChange(entry(redline, 'op-new'))).toBe('new OP 1')
    const opD = entry(redline, 'op-d')
    expect(opD).toMatchObject({ change: 'unchanged', moved: false, renumbered: true })
    expect(describeChange(opD)).toBe('former OP 4, now OP 5')
    expect(describeChange(entry(redline, 'op-b2'))).toBe('former OP 2 (b), now OP 3 (b)')
    // Sub-paragraphs follow their OP; the preambular paragraphs keep their numbers.
    expect(entry(redline, 'pp-b').renumbered).toBe(false)
    expect(ids(redline)).toEqual(['pp-a', 'pp-b', 'op-new', 'op-a', 'op-b', 'op-b1', 'op-b2', 'op-c', 'op-d', 'op-e'])
  })

  it('reports a paragraph moved from OP 2 to OP 5 once, as moved, and the ones it passed as renumbered', () => {
    const before = revision(op('a', 'One;'), op('b', 'Two;'), op('c', 'Three;'), op('d', 'Four;'), op('e', 'Five.'))
    const after = revision(op('a', 'One;'), op('c', 'Three;'), op('d', 'Four;'), op('e', 'Five.'), op('b', 'Two;'))
    const redline = compareVersions(before, after)
    expect(redline.paragraphs.filter((p) => p.moved).map((p) => p.id)).toEqual(['b'])
    const moved = entry(redline, 'b')
    expect(moved).toMatchObject({ change: 'unchanged', renumbered: true })
    expect(describeChange(moved)).toBe('moved: former OP 2, now OP 5')
    expect(changeNotes(moved)).toEqual([{ kind: 'moved', text: 'moved: former OP 2, now OP 5' }])
    expect(describeChange(entry(redline, 'c'))).toBe('former OP 3, now OP 2')
    expect(redline.counts).toEqual({ ...noCounts, moved: 1, renumbered: 4 })
    expect(redline.summary).toBe('1 paragraph moved, 4 renumbered')
    expect(ids(redline)).toEqual(['a', 'c', 'd', 'e', 'b'])
  })

  it('reports reordered paragraphs as the fewest moves that explain the new order', () => {
    const before = revision(pp('p1', 'Alpha,'), pp('p2', 'Beta,'), pp('p3', 'Gamma,'), pp('p4', 'Delta,'), op('o', 'Decides;'))
    const reversed = revision(pp('p4', 'Delta,'), pp('p3', 'Gamma,'), pp('p2', 'Beta,'), pp('p1', 'Alpha,'), op('o', 'Decides;'))
    const redline = compareVersions(before, reversed)
    // Reversing four paragraphs leaves one of them in place: three moves.
    expect(redline.counts.moved).toBe(3)
    expect(redline.counts.renumbered).toBe(4)
    expect(redline.counts.changed + redline.counts.added + redline.counts.deleted).toBe(0)
    expect(entry(redline, 'o')).toMatchObject({ moved: false, renumbered: false, change: 'unchanged' })
    expect(ids(redline)).toEqual(['p4', 'p3', 'p2', 'p1', 'o'])

    // Two swapped paragraphs are one move, not two.
    const swapped = compareVersions(before, revision(pp('p2', 'Beta,'), pp('p1', 'Alpha,'), pp('p3', 'Gamma,'), pp('p4', 'Delta,'), op('o', 'Decides;')))
    expect(swapped.counts.moved).toBe(1)
    expect(swapped.counts.renumbered).toBe(2)
  })

  it('reads a split paragraph as the first half changed and the second half added (the new half has a new id)', () => {
    const before = revision(op('a', 'Condemns all attacks;'), op('b', 'Urges all States to protect journalists and to investigate all attacks;'), op('c', 'Decides to remain seized of the matter.'))
    const after = revision(
      op('a', 'Condemns all attacks;'),
      op('b', 'Urges all States to protect journalists;'),
      op('b-2', 'Also urges all States to investigate all attacks;'),
      op('c', 'Decides to remain seized of the matter.'),
    )
    const redline = compareVersions(before, after)
    expect(redline.counts).toEqual({ ...noCounts, changed: 1, added: 1, renumbered: 1 })
    expect(redline.summary).toBe('1 paragraph added, 1 changed, 1 renumbered')
    const first = entry(redline, 'b')
    expect(first.change).toBe('changed')
    expect(first.renumbered).toBe(false)
    expect(changedSegments(first)).toEqual([{ op: 'delete', text: ' and to investigate all attacks' }])
    const second = entry(redline, 'b-2')
    expect(second.change).toBe('added')
    expect(second.segments).toEqual([{ op: 'insert', text: 'Also urges all States to investigate all attacks;' }])
    expect(describeChange(second)).toBe('new OP 3')
    expect(describeChange(entry(redline, 'c'))).toBe('former OP 3, now OP 4')
    expect(ids(redline)).toEqual(['a', 'b', 'b-2', 'c'])
  })

  it('reads merged paragraphs as one changed and the other deleted, the deletion where it stood', () => {
    const before = revision(op('a', 'Condemns all attacks;'), op('b', 'Urges all States to protect journalists;'), op('c', 'Also urges States to investigate attacks;'), op('d', 'Decides to remain seized of the matter.'))
    const after = revision(op('a', 'Condemns all attacks;'), op('b', 'Urges all States to protect journalists and to investigate attacks;'), op('d', 'Decides to remain seized of the matter.'))
    const redline = compareVersions(before, after)
    expect(redline.counts).toEqual({ ...noCounts, changed: 1, deleted: 1, renumbered: 1 })
    expect(entry(redline, 'b').change).toBe('changed')
    expect(changedSegments(entry(redline, 'b'))).toEqual([{ op: 'insert', text: ' and to investigate attacks' }])
    const gone = entry(redline, 'c')
    expect(gone).toMatchObject({ change: 'deleted', after: null, moved: false, renumbered: false, statusChange: null })
    expect(gone.segments).toEqual([{ op: 'delete', text: 'Also urges States to investigate attacks;' }])
    expect(describeChange(gone)).toBe('deleted (was OP 3)')
    expect(ids(redline)).toEqual(['a', 'b', 'c', 'd'])
    expect(redline.summary).toBe('1 paragraph deleted, 1 changed, 1 renumbered')
  })

  it('places added and deleted paragraphs: deletions right after the paragraph that preceded them, before what was added there', () => {
    const before = revision(
      pp('gone-first', 'Noting,'),
      pp('p1', 'Recalling,'),
      op('a', 'Condemns;'),
      op('x', 'Deplores;'),
      op('y', 'Regrets;'),
      op('b', 'Urges;'),
    )
    const after = revision(pp('p1', 'Recalling,'), op('a', 'Condemns;'), op('n', 'Welcomes;'), op('b', 'Urges;'), op('z', 'Decides.'))
    const redline = compareVersions(before, after)
    expect(ids(redline)).toEqual(['gone-first', 'p1', 'a', 'x', 'y', 'n', 'b', 'z'])
    expect(redline.paragraphs.map((p) => p.change)).toEqual(['deleted', 'unchanged', 'unchanged', 'deleted', 'deleted', 'added', 'unchanged', 'added'])
    expect(redline.counts).toEqual({ ...noCounts, added: 2, deleted: 3, renumbered: 2 })
    expect(redline.summary).toBe('2 paragraphs added, 3 deleted, 2 renumbered')
    expect(describeChange(entry(redline, 'gone-first'))).toBe('deleted (was PP1)')
    expect(describeChange(entry(redline, 'p1'))).toBe('former PP2, now PP1')
    expect(describeChange(entry(redline, 'y'))).toBe('deleted (was OP 3)')
  })

  it('keeps a deletion where it stood when the paragraph before it has moved away', () => {
    const before = revision(op('a', 'One;'), op('x', 'Gone;'), op('b', 'Two;'), op('c', 'Three;'))
    const after = revision(op('b', 'Two;'), op('c', 'Three;'), op('a', 'One;'))
    const redline = compareVersions(before, after)
    expect(redline.paragraphs.filter((p) => p.moved).map((p) => p.id)).toEqual(['a'])
    expect(ids(redline)).toEqual(['x', 'b', 'c', 'a'])
  })

  it('reports status changes, on their own or beside text changes, and counts them when there are many', () => {
    const before = revision(pp('p1', 'Recalling,'), op('a', 'Condemns;'), op('b', 'Urges;', 'negotiating'), op('c', 'Decides.', 'agreed'))
    const one = compareVersions(before, revision(pp('p1', 'Recalling,'), op('a', 'Condemns;'), op('b', 'Urges;', 'agreed-ad-ref'), op('c', 'Decides.', 'agreed')))
    expect(one.summary).toBe('OP 2 became agreed ad ref')
    expect(one.counts).toEqual({ ...noCounts, statusChanged: 1 })
    const b = entry(one, 'b')
    expect(b).toMatchObject({ change: 'unchanged', statusChange: { from: 'negotiating', to: 'agreed-ad-ref' } })
    expect(describeChange(b)).toBe('OP 2 became agreed ad ref')

    const withText = compareVersions(before, revision(pp('p1', 'Recalling,'), op('a', 'Strongly condemns;'), op('b', 'Urges;', 'agreed-ad-ref'), op('c', 'Decides.', 'negotiating')))
    expect(withText.summary).toBe('1 paragraph changed; OP 2 became agreed ad ref; OP 3 was reopened for negotiation')
    expect(describeChange(entry(withText, 'a'))).toBe('amended')

    const many = compareVersions(before, revision(pp('p1', 'Recalling,', 'agreed'), op('a', 'Condemns;', 'negotiating'), op('b', 'Urges;', 'agreed'), op('c', 'Decides.', 'draft')))
    expect(many.counts.statusChanged).toBe(4)
    expect(many.summary).toBe('4 status changes')
    expect(describeChange(entry(many, 'c'))).toBe('OP 3 was reopened as a draft')
  })

  it('describes a paragraph that moved, was amended and changed status in one phrase', () => {
    const before = revision(op('a', 'One;'), op('b', 'Two;', 'negotiating'), op('c', 'Three;'), op('d', 'Four.'))
    const after = revision(op('a', 'One;'), op('c', 'Three;'), op('d', 'Four;'), op('b', 'Two, as amended.', 'agreed-ad-ref'))
    const b = entry(compareVersions(before, after), 'b')
    expect(describeChange(b)).toBe('amended; moved: former OP 2, now OP 4; OP 4 became agreed ad ref')
    expect(changeNotes(b).map((n) => n.kind)).toEqual(['amended', 'moved', 'status'])
  })

  it('gives a changed paragraph word-level segments that hold exactly its changes', () => {
    const before = revision(op('a', 'Urges all States to ensure the safety of journalists;'), op('b', 'Decides.'))
    const after = revision(op('a', 'Urges all States to fully ensure the safety of media workers;'), op('b', 'Decides.'))
    const a = entry(compareVersions(before, after), 'a')
    expect(a.change).toBe('changed')
    expect(sideOf(a.segments, 'before')).toBe(before[0]!.text)
    expect(sideOf(a.segments, 'after')).toBe(after[0]!.text)
    const changes = changedSegments(a)
    expect(changes.filter((s) => s.op === 'insert').map((s) => s.text.trim())).toEqual(['fully', 'media workers'])
    expect(changes.filter((s) => s.op === 'delete').map((s) => s.text.trim())).toEqual(['journalists'])
    // Whole words only: the shared diff never shows a change inside a word.
    for (const s of changes) expect(s.text).toMatch(/^\s?[\p{L} ]+\s?$/u)
  })

  it('renumbers a lone OP that gains a sibling (a lone OP is unnumbered)', () => {
    const redline = compareVersions(revision(op('a', 'Decides.')), revision(op('a', 'Decides.'), op('b', 'Requests.')))
    expect(describeChange(entry(redline, 'a'))).toBe('former OP, now OP 1')
    expect(describeChange(entry(redline, 'b'))).toBe('new OP 2')
  })

  it('never drops a paragraph whose id repeats: the first is aligned, the rest are added or deleted', () => {
    const before: Paragraph[] = [
      { id: 'a', kind: 'op', number: '1', text: 'One;', status: 'draft' },
      { id: 'a', kind: 'op', number: '2', text: 'Copy;', status: 'draft' },
    ]
    const after: Paragraph[] = [{ id: 'a', kind: 'op', number: '1', text: 'One;', status: 'draft' }]
    const redline = compareVersions(before, after)
    expect(redline.paragraphs.map((p) => [p.change, p.before?.text ?? p.after?.text])).toEqual([
      ['unchanged', 'One;'],
      ['deleted', 'Copy;'],
    ])
    expect(compareVersions(after, before).paragraphs.map((p) => p.change)).toEqual(['unchanged', 'added'])
  })

  it('does not depend on the inputs being mutable or mutate them', () => {
    const before = Object.freeze(revision(...rev1()).map((p) => Object.freeze(p)))
    const after = Object.freeze(revision(...rev1().reverse()).map((p) => Object.freeze(p)))
    const redline = compareVersions(before, after)
    expect(redline.paragraphs).toHaveLength(before.length)
  })
})
