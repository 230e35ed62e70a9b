import { describe, expect, it } from 'vitest'
import type { Comment } from '../comments/types'
import type { DiffSegment } from '../diff/wordDiff'
import { numberParagraphs, type NumberingInput } from '../paragraphs/numbering'
import type { Paragraph, ParagraphStatus } from '../paragraphs/types'
import { compileText, insertionOrdinal, type Compilation, type CompiledProposal } from './compile'
import { type AmendmentFields, pendingAmendment } from './testing'
import type { Amendment } from './types'

// ---------------------------------------------------------------------------------------------
// A 30-paragraph resolution: 8 PPs, then 22 OPs of which 5 are sub-paragraphs (4 (a)–(c), 9 (a)–(b)).

const STATES = ['Brazil', 'Chile', 'Peru', 'Mexico', 'Norway', 'Kenya', 'Japan', 'European Union']

const OP_LEVELS: Array<0 | 1> = [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
const LAYOUT: NumberingInput[] = [
  ...Array.from({ length: 8 }, (): NumberingInput => ({ kind: 'pp' })),
  ...OP_LEVELS.map((level): NumberingInput => ({ kind: 'op', level })),
]

/** A few paragraphs are further along, so the status filter has something to pick. */
const STATUS_AT: Record<number, ParagraphStatus> = { 0: 'agreed', 1: 'agreed', 2: 'agreed-ad-ref', 8: 'agreed-ad-ref' }

function textOf(index: number, kind: 'pp' | 'op' | 'sub'): string {
  if (kind === 'pp') return `Recalling its resolution ${100 + index} on the safety of journalists,`
  if (kind === 'sub') return `to protect journalists in situation ${index};`
  return `Urges all States to ensure the safety of journalists in situation ${index};`
}

const PARAGRAPHS: Paragraph[] = numberParagraphs(LAYOUT).map((n, index) => ({
  id: `p${index}`,
  kind: n.kind,
  number: n.number,
  text: textOf(index, n.kind),
  status: STATUS_AT[index] ?? (index % 2 === 0 ? 'negotiating' : 'draft'),
}))

const byNumber = (number: string): Paragraph => {
  const found = PARAGRAPHS.find((p) => p.number === number)
  if (!found) throw new Error(`no paragraph ${number}`)
  return found
}

const at = (minute: number): string => new Date(Date.UTC(2024, 9, 1, 9, 0) + minute * 60_000).toISOString()

const amendment = (fields: AmendmentFields): Amendment => pendingAmendment(PARAGRAPHS, { createdAt: at(0), ...fields })

/** "Urges all States …" → "Urges also all States …": one added word, easy to recognise in a redline. */
const withAlso = (text: string): string => text.replace(/^(\S+) /, '$1 also ')

/** 33 generated proposals: every paragraph once (i < 30), then three paragraphs a second time. */
function generated(): Amendment[] {
  return Array.from({ length: 33 }, (_, i) => {
    const paragraph = PARAGRAPHS[(i * 7) % 30]
    const kind = i % 4 === 0 ? 'delete' : i % 4 === 1 ? 'insert-after' : 'replace'
    return amendment({
      id: `g${i}`,
      paragraphId: paragraph.id,
      kind,
      text: kind === 'delete' ? '' : kind === 'insert-after' ? `New paragraph ${i} on media freedom;` : withAlso(paragraph.text),
      newParagraphKind: kind === 'insert-after' ? (paragraph.kind === 'pp' ? 'pp' : 'op') : null,
      state: STATES[i % 8],
      supporters: i % 3 === 0 ? [STATES[(i + 1) % 8]] : [],
      objectors: i % 11 === 4 ? [STATES[(i + 3) % 8]] : [],
      note: `Justification ${i}`,
      createdAt: at(i),
    })
  })
}

const OP2 = byNumber('2')
/** OP 2 as it read before the facilitator changed "protection" to "safety". */
const OP2_OLD = OP2.text.replace('safety', 'protection')

/** 7 hand-written proposals for the cases the compilation must get exactly right. */
function handWritten(): Amendment[] {
  const insert = (id: string, number: string, state: string, minute: number): Amendment =>
    amendment({ id, paragraphId: byNumber(number).id, kind: 'insert-after', text: `Inserted by ${state};`, state, createdAt: at(minute) })
  return [
    insert('h-op4-bis', '4', 'Brazil', 100),
    insert('h-op4-ter', '4', 'Chile', 101),
    insert('h-op4-quater', '4', 'Peru', 102),
    insert('h-pp3-bis', 'PP3', 'Mexico', 103),
    insert('h-4b-bis', '4 (b)', 'Peru', 104),
    // Drafted against the old OP 2, touching words the facilitator did not change: can be rebased.
    amendment({ id: 'h-rebase', paragraphId: OP2.id, kind: 'replace', baseText: OP2_OLD, text: OP2_OLD.replace('all States', 'all Member States'), state: 'Norway', createdAt: at(105) }),
    // Drafted against the old OP 2, rewriting the very word the facilitator changed: a conflict.
    amendment({ id: 'h-conflict', paragraphId: OP2.id, kind: 'replace', baseText: OP2_OLD, text: OP2_OLD.replace('protection', 'security'), state: 'Kenya', createdAt: at(106) }),
  ]
}

const PENDING: Amendment[] = [...generated(), ...handWritten()]

/** Decided proposals must never appear in a compilation. */
const DECIDED: Amendment[] = (['accepted', 'rejected', 'withdrawn', 'superseded'] as const).map((status, i) =>
  amendment({ id: `d-${status}`, paragraphId: PARAGRAPHS[i].id, kind: 'replace', text: 'Decided', status, createdAt: at(200 + i) }),
)

// Compiled from a reversed list: creation order must come from createdAt, not from input order.
const ALL = [...PENDING, ...DECIDED].reverse()

const allProposals = (c: Compilation): CompiledProposal[] => c.paragraphs.flatMap((p) => [...p.proposals, ...p.insertions])
const paragraphById = (c: Compilation, id: string) => {
  const found = c.paragraphs.find((p) => p.id === id)
  if (!found) throw new Error(`paragraph ${id} not compiled`)
  return found
}
const proposalById = (c: Compilation, id: string): CompiledProposal => {
  const found = allProposals(c).find((p) => p.id === id)
  if (!found) throw new Error(`proposal ${id} not compiled`)
  return found
}
const textOfSide = (segments: readonly DiffSegment[], side: 'before' | 'after'): string =>
  segments.filter((s) => s.op === 'equal' || s.op === (side === 'before' ? 'delete' : 'insert')).map((s) => s.text).join('')
const wordsOf = (segments: readonly DiffSegment[], op: 'insert' | 'delete'): string[] =>
  segments.filter((s) => s.op === op).flatMap((s) => s.text.split(/\s+/).filter(Boolean))

describe('compileText on a 30-paragraph resolution with 40 pending proposals from 8 States', () => {
  const compilation = compileText(PARAGRAPHS, ALL)

  it('sets up the fixture it claims: 8 PPs, 22 OPs with subs, 40 pending proposals from 8 States', () => {
    expect(PARAGRAPHS.filter((p) => p.kind === 'pp')).toHaveLength(8)
    expect(PARAGRAPHS.filter((p) => p.kind !== 'pp')).toHaveLength(22)
    expect(PARAGRAPHS.filter((p) => p.kind === 'sub').map((p) => p.number)).toEqual(['4 (a)', '4 (b)', '4 (c)', '9 (a)', '9 (b)'])
    expect(PENDING).toHaveLength(40)
    expect(new Set(PENDING.map((a) => a.state)).size).toBe(8)
  })

  it('lists every paragraph of the draft in order when no filter is set', () => {
    expect(compilation.paragraphs.map((p) => p.id)).toEqual(PARAGRAPHS.map((p) => p.id))
    expect(compilation.paragraphs.every((p) => !p.orphaned)).toBe(true)
    expect(compilation.paragraphs[3]).toMatchObject({ number: 'PP4', text: PARAGRAPHS[3].text, status: PARAGRAPHS[3].status })
  })

  it('shows every pending proposal exactly once, and no decided one', () => {
    const ids = allProposals(compilation).map((p) => p.id)
    expect(ids.sort()).toEqual(PENDING.map((a) => a.id).sort())
    expect(ids.some((id) => id.startsWith('d-'))).toBe(false)
    expect(compilation.totals).toEqual({ paragraphs: 30, proposals: 40, contested: expect.any(Number), states: [...STATES].sort() })
  })

  it('puts each proposal under its own paragraph: changes under proposals, new paragraphs under insertions', () => {
    for (const p of PARAGRAPHS) {
      const mine = PENDING.filter((a) => a.paragraphId === p.id)
      const compiled = paragraphById(compilation, p.id)
      expect(compiled.proposals.map((x) => x.id).sort()).toEqual(mine.filter((a) => a.kind !== 'insert-after').map((a) => a.id).sort())
      expect(compiled.insertions.map((x) => x.id).sort()).toEqual(mine.filter((a) => a.kind === 'insert-after').map((a) => a.id).sort())
    }
    expect(paragraphById(compilation, byNumber('4').id).insertions).toHaveLength(3)
    expect(paragraphById(compilation, OP2.id).proposals.map((x) => x.id)).toEqual(['g27', 'h-rebase', 'h-conflict'])
  })

  it('orders proposals under a paragraph by creation time, whatever order they arrive in', () => {
    for (const p of compilation.paragraphs) {
      for (const list of [p.proposals, p.insertions]) {
        const times = list.map((x) => x.createdAt)
        expect(times).toEqual([...times].sort())
      }
    }
  })

  it('labels new paragraphs after OP 4 bis, ter and quater in creation order, naming the proposing State', () => {
    const op4 = paragraphById(compilation, byNumber('4').id)
    expect(op4.insertions.map((x) => x.label)).toEqual(['OP 4 bis (Brazil)', 'OP 4 ter (Chile)', 'OP 4 quater (Peru)'])
  })

  it('labels a new PP after PP3 "PP3 bis" and a new sub-paragraph after 4 (b) "OP 4 (b) bis"', () => {
    expect(proposalById(compilation, 'h-pp3-bis').label).toBe('PP3 bis (Mexico)')
    expect(proposalById(compilation, 'h-4b-bis').label).toBe('OP 4 (b) bis (Peru)')
  })

  it('gives no label to replacements and deletions', () => {
    const changes = compilation.paragraphs.flatMap((p) => p.proposals)
    expect(changes.length).toBeGreaterThan(0)
    expect(changes.every((x) => x.label === null)).toBe(true)
  })

  it('marks a paragraph contested when it has two or more pending proposals or any objection', () => {
    for (const p of compilation.paragraphs) {
      const mine = PENDING.filter((a) => a.paragraphId === p.id)
      expect(p.contested, p.number).toBe(mine.length >= 2 || mine.some((a) => a.objectors.length > 0))
    }
    // g4 is alone on OP 16 but carries an objection; OP 2 has three proposals; PP4 has one and no objection.
    expect(paragraphById(compilation, byNumber('16').id).contested).toBe(true)
    expect(paragraphById(compilation, OP2.id).contested).toBe(true)
    expect(paragraphById(compilation, PARAGRAPHS[3].id).contested).toBe(false)
    expect(compilation.totals.contested).toBe(compilation.paragraphs.filter((p) => p.contested).length)
  })

  it('redlines a replacement with exactly its changes against the current text', () => {
    const replace = proposalById(compilation, 'g2')
    const paragraph = PARAGRAPHS[14]
    expect(replace.drafting).toBe('current')
    expect(textOfSide(replace.redline, 'before')).toBe(paragraph.text)
    expect(textOfSide(replace.redline, 'after')).toBe(withAlso(paragraph.text))
    expect(wordsOf(replace.redline, 'insert')).toEqual(['also'])
    expect(wordsOf(replace.redline, 'delete')).toEqual([])
  })

  it('redlines a deletion as the whole current text struck out', () => {
    const deletion = proposalById(compilation, 'g0')
    expect(deletion.kind).toBe('delete')
    expect(deletion.redline).toEqual([{ op: 'delete', text: PARAGRAPHS[0].text }])
  })

  it('redlines a new paragraph as wholly inserted', () => {
    expect(proposalById(compilation, 'h-op4-bis').redline).toEqual([{ op: 'insert', text: 'Inserted by Brazil;' }])
  })

  it('rebases a proposal drafted against an older text when its change still applies', () => {
    const rebased = proposalById(compilation, 'h-rebase')
    expect(rebased.drafting).toBe('rebased')
    expect(rebased.originalBase).toBeNull()
    expect(textOfSide(rebased.redline, 'before')).toBe(OP2.text)
    expect(textOfSide(rebased.redline, 'after')).toBe(OP2.text.replace('all States', 'all Member States'))
    expect(wordsOf(rebased.redline, 'insert')).toEqual(['Member'])
  })

  it('flags a proposal drafted against an older text it cannot be rebased onto, and keeps that text', () => {
    const conflict = proposalById(compilation, 'h-conflict')
    expect(conflict.drafting).toBe('older-text')
    expect(conflict.originalBase).toBe(OP2_OLD)
    expect(textOfSide(conflict.redline, 'before')).toBe(OP2_OLD)
    expect(textOfSide(conflict.redline, 'after')).toBe(OP2_OLD.replace('protection', 'security'))
  })

  it('carries attribution through unchanged', () => {
    expect(proposalById(compilation, 'g3')).toMatchObject({ state: 'Mexico', supporters: ['Norway'], note: 'Justification 3', enteredBy: null })
    expect(proposalById(compilation, 'g15')).toMatchObject({ state: 'European Union', objectors: ['Peru'] })
  })
})

describe('compileText filters', () => {
  it('keeps, for a State, the proposals it made or supports and only the paragraphs that still have one', () => {
    const c = compileText(PARAGRAPHS, ALL, { state: 'Chile' })
    const expected = PENDING.filter((a) => a.state === 'Chile' || a.supporters.includes('Chile')).map((a) => a.id)
    expect(allProposals(c).map((p) => p.id).sort()).toEqual(expected.sort())
    expect(expected.some((id) => PENDING.find((a) => a.id === id)?.state !== 'Chile')).toBe(true)
    expect(c.paragraphs.every((p) => p.proposals.length + p.insertions.length > 0)).toBe(true)
    expect(c.totals.paragraphs).toBe(c.paragraphs.length)
    expect(c.totals.proposals).toBe(expected.length)
  })

  it('keeps the full-text labels and contested flags in a State view', () => {
    const c = compileText(PARAGRAPHS, ALL, { state: 'Chile' })
    expect(proposalById(c, 'h-op4-ter').label).toBe('OP 4 ter (Chile)')
    expect(paragraphById(c, byNumber('4').id).contested).toBe(true)
  })

  it('treats an empty State, as sent by "All States", as no filter', () => {
    expect(compileText(PARAGRAPHS, ALL, { state: '' }).paragraphs).toHaveLength(30)
  })

  it('keeps only paragraphs with the chosen status, with or without proposals', () => {
    const c = compileText(PARAGRAPHS, ALL, { status: 'agreed-ad-ref' })
    expect(c.paragraphs.map((p) => p.number)).toEqual(['PP3', '1'])
    expect(c.totals.paragraphs).toBe(2)
  })

  it('keeps only contested paragraphs when asked', () => {
    const c = compileText(PARAGRAPHS, ALL, { contestedOnly: true })
    expect(c.paragraphs.length).toBeGreaterThan(0)
    expect(c.paragraphs.length).toBeLessThan(30)
    expect(c.paragraphs.every((p) => p.contested)).toBe(true)
    expect(c.totals.contested).toBe(c.paragraphs.length)
  })

  it('combines filters', () => {
    const c = compileText(PARAGRAPHS, ALL, { state: 'Peru', contestedOnly: true })
    expect(c.paragraphs.every((p) => p.contested)).toBe(true)
    expect(allProposals(c).every((p) => p.state === 'Peru' || p.supporters.includes('Peru'))).toBe(true)
    expect(allProposals(c).map((p) => p.id)).toContain('h-op4-quater')
  })
})

describe('compileText never drops a pending proposal', () => {
  const paragraphs = PARAGRAPHS.slice(0, 3)
  const gone = [
    amendment({ id: 'o1', paragraphId: 'removed', kind: 'replace', baseText: 'Old words here,', text: 'New words here,', state: 'Chile', createdAt: at(1) }),
    amendment({ id: 'o2', paragraphId: 'removed', kind: 'delete', baseText: 'Old words here,', state: 'Peru', createdAt: at(2) }),
    amendment({ id: 'o3', paragraphId: 'removed', kind: 'insert-after', text: 'After the removed one;', state: 'Japan', createdAt: at(3) }),
  ]

  it('keeps proposals on a removed paragraph at the end, on an orphaned paragraph', () => {
    const c = compileText(paragraphs, gone)
    const last = c.paragraphs[c.paragraphs.length - 1]
    expect(c.paragraphs).toHaveLength(4)
    expect(last).toMatchObject({ id: 'removed', kind: 'op', number: '', text: '', status: 'draft', orphaned: true, contested: true })
    expect(last.proposals.map((p) => p.id)).toEqual(['o1', 'o2'])
    expect(last.insertions.map((p) => p.label)).toEqual(['OP bis (Japan)'])
    expect(c.totals.proposals).toBe(3)
  })

  it('redlines proposals on a removed paragraph against the text they were drafted on', () => {
    const c = compileText(paragraphs, gone)
    expect(proposalById(c, 'o1')).toMatchObject({ drafting: 'older-text', originalBase: 'Old words here,' })
    expect(proposalById(c, 'o2').redline).toEqual([{ op: 'delete', text: 'Old words here,' }])
  })

  it('still shows a deletion of a paragraph whose current text is empty', () => {
    const empty: Paragraph = { id: 'e', kind: 'op', number: '', text: '', status: 'draft' }
    const c = compileText([empty], [amendment({ id: 'x', paragraphId: 'e', kind: 'delete', baseText: 'Was here;' })])
    expect(proposalById(c, 'x').redline).toEqual([{ op: 'delete', text: 'Was here;' }])
  })

  it('labels a new paragraph after a lone unnumbered OP "OP bis"', () => {
    const lone: Paragraph = { id: 'lone', kind: 'op', number: '', text: 'Decides to remain seized of the matter.', status: 'draft' }
    const c = compileText([lone], [amendment({ id: 'i', paragraphId: 'lone', kind: 'insert-after', text: 'Requests a report;', state: 'Chile' })])
    expect(proposalById(c, 'i').label).toBe('OP bis (Chile)')
  })
})

describe('compileText with comments', () => {
  const P1 = byNumber('PP1')
  const OP1 = byNumber('1')

  function comment(fields: Partial<Comment> & Pick<Comment, 'id'>): Comment {
    return {
      documentId: 'doc1',
      paragraphId: P1.id,
      anchor: null,
      quote: '',
      body: `Body of ${fields.id}`,
      parentId: null,
      author: { credentialId: 'i-ishr', name: 'Sam', role: 'observer', state: null, organisation: 'ISHR' },
      createdAt: at(0),
      editedAt: null,
      resolved: false,
      hiddenBy: null,
      deleted: false,
      ...fields,
    }
  }

  const COMMENTS: Comment[] = [
    comment({ id: 'later', createdAt: at(5), quote: 'its resolution', editedAt: at(9) }),
    comment({ id: 'earlier', createdAt: at(1) }),
    comment({ id: 'reply', parentId: 'later', createdAt: at(6), author: { credentialId: 'i-mx', name: 'Lucía', role: 'delegation', state: 'Mexico', organisation: null } }),
    comment({ id: 'hidden-reply', parentId: 'later', createdAt: at(7), body: '', hiddenBy: 'Ana' }),
    comment({ id: 'deleted-reply', parentId: 'later', createdAt: at(8), body: '', deleted: true }),
    comment({ id: 'resolved', createdAt: at(2), resolved: true }),
    comment({ id: 'deleted', createdAt: at(3), body: '', deleted: true }),
    comment({ id: 'reply-to-deleted', parentId: 'deleted', createdAt: at(4) }),
    comment({ id: 'hidden', createdAt: at(4), body: '', hiddenBy: 'Ana' }),
    comment({
      id: 'facilitator',
      paragraphId: OP1.id,
      author: { credentialId: 'i-f', name: 'Facilitator', role: 'facilitator', state: null, organisation: null },
    }),
  ]

  it('adds nothing about comments unless they are given', () => {
    const c = compileText(PARAGRAPHS, ALL)
    expect(c.paragraphs.some((p) => 'comments' in p)).toBe(false)
    expect('comments' in c.totals).toBe(false)
    const empty = compileText(PARAGRAPHS, ALL, {}, [])
    expect(empty.paragraphs.every((p) => Array.isArray(p.comments) && p.comments.length === 0)).toBe(true)
    expect(empty.totals.comments).toBe(0)
  })

  it('changes nothing about proposals when comments are given', () => {
    const withComments = compileText(PARAGRAPHS, ALL, {}, COMMENTS)
    const stripped = withComments.paragraphs.map(({ comments: _comments, ...rest }) => rest)
    expect(stripped).toEqual(compileText(PARAGRAPHS, ALL).paragraphs)
  })

  it('lists the open threads of a paragraph oldest first, each with the replies still standing', () => {
    const c = compileText(PARAGRAPHS, ALL, {}, COMMENTS)
    const threads = paragraphById(c, P1.id).comments ?? []
    expect(threads.map((t) => t.id)).toEqual(['earlier', 'later'])
    expect(threads[1]).toEqual({
      id: 'later',
      quote: 'its resolution',
      comments: [
        { id: 'later', author: 'Sam (Observer (ISHR))', body: 'Body of later', createdAt: at(5), edited: true },
        { id: 'reply', author: 'Lucía (Delegation of Mexico)', body: 'Body of reply', createdAt: at(6), edited: false },
      ],
    })
    expect(paragraphById(c, OP1.id).comments?.[0].comments[0].author).toBe('Facilitator')
    expect(c.totals.comments).toBe(3)
  })

  it('leaves out resolved threads and threads whose first comment was deleted or hidden', () => {
    const c = compileText(PARAGRAPHS, ALL, {}, COMMENTS)
    const ids = c.paragraphs.flatMap((p) => p.comments ?? []).flatMap((t) => t.comments.map((x) => x.id))
    for (const gone of ['resolved', 'deleted', 'reply-to-deleted', 'hidden', 'hidden-reply', 'deleted-reply']) {
      expect(ids).not.toContain(gone)
    }
  })

  it('keeps open threads on a removed paragraph, on an orphaned paragraph at the end', () => {
    const c = compileText(PARAGRAPHS.slice(0, 3), [], {}, [comment({ id: 'stray', paragraphId: 'removed' })])
    expect(c.paragraphs).toHaveLength(4)
    expect(c.paragraphs[3]).toMatchObject({ id: 'removed', orphaned: true, proposals: [], insertions: [], contested: false })
    expect(c.paragraphs[3].comments?.map((t) => t.id)).toEqual(['stray'])
    // A resolved thread on a removed paragraph is not a reason to show it.
    expect(compileText(PARAGRAPHS.slice(0, 3), [], {}, [comment({ id: 's', paragraphId: 'removed', resolved: true })]).paragraphs).toHaveLength(3)
  })

  it('keeps the threads of the paragraphs a filtered view shows', () => {
    const c = compileText(PARAGRAPHS, ALL, { status: 'agreed' }, COMMENTS)
    expect(c.paragraphs.map((p) => p.id)).toEqual([P1.id, byNumber('PP2').id])
    expect(paragraphById(c, P1.id).comments?.map((t) => t.id)).toEqual(['earlier', 'later'])
    expect(c.totals.comments).toBe(2)
  })
})

describe('insertionOrdinal', () => {
  it('counts in Latin up to decies, then falls back to English ordinals', () => {
    expect([0, 1, 2, 3, 8].map(insertionOrdinal)).toEqual(['bis', 'ter', 'quater', 'quinquies', 'decies'])
    expect([9, 10, 11, 19, 20, 21].map(insertionOrdinal)).toEqual(['11th', '12th', '13th', '21st', '22nd', '23rd'])
  })
})
