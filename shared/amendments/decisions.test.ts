import { describe, expect, it } from 'vitest'
import { attributionWords, statusWords, wouldSupersede } from './decisions'
import { pendingAmendment } from './testing'
import type { Amendment } from './types'

const paragraphs = [{ id: 'op1', kind: 'op' as const, number: '1', text: 'Calls upon States to act;', status: 'draft' as const }]
const mexico = pendingAmendment(paragraphs, { id: 'a1', paragraphId: 'op1', kind: 'replace', text: 'Calls upon all States to act;', state: 'Mexico' })
const brazil = pendingAmendment(paragraphs, { id: 'a2', paragraphId: 'op1', kind: 'replace', text: 'Calls upon States to act now;', state: 'Brazil' })
const chile = pendingAmendment(paragraphs, { id: 'a3', paragraphId: 'op1', kind: 'delete', state: 'Chile' })
const peru = pendingAmendment(paragraphs, { id: 'a4', paragraphId: 'op1', kind: 'insert-after', text: 'Decides to act.', state: 'Peru' })
const byId = (list: Amendment[]) => new Map(list.map((a) => [a.id, a]))

describe('what a decision will do and did, in plain words', () => {
  it('names the pending proposals an acceptance will supersede, leaving out merged ones and new paragraphs', () => {
    expect(wouldSupersede([mexico, brazil, chile, peru], 'a1').map((a) => a.state)).toEqual(['Brazil', 'Chile'])
    expect(wouldSupersede([mexico, brazil, chile, peru], 'a1', ['a2']).map((a) => a.state)).toEqual(['Chile'])
    expect(wouldSupersede([mexico, brazil, chile, peru], 'a4')).toEqual([])
  })

  it('says who superseded or absorbed a proposal', () => {
    const decision = { by: 'Ana (Facilitator)', at: '2026-01-01T00:00:00.000Z', acceptedId: 'a1' }
    const accepted = { ...mexico, status: 'accepted' as const, decision: { ...decision, mergedIds: ['a2'], compromise: true } }
    const merged = { ...brazil, status: 'merged' as const, decision }
    const superseded = { ...chile, status: 'superseded' as const, decision }
    const all = byId([accepted, merged, superseded])
    expect(statusWords(accepted, all)).toBe('Accepted as compromise language, merging the proposals of Mexico, Brazil')
    expect(statusWords(merged, all)).toBe('Merged into the compromise accepted with Mexico’s proposal')
    expect(statusWords(superseded, all)).toBe('Superseded by the acceptance of Mexico’s proposal')
    expect(statusWords({ ...brazil, reopensAgreed: true }, all)).toBe('Pending — asks to reopen agreed ad ref language')
  })

  it('attributes a proposal as a compilation text prints it', () => {
    expect(attributionWords({ state: 'Brazil', supporters: ['Chile', 'Peru'], objectors: ['Kenya'], enteredBy: 'Ana', reopensAgreed: true })).toBe(
      'Proposed by Brazil, joined by Chile and Peru; objected to by Kenya; entered by the facilitators on behalf of Brazil; asks to reopen agreed ad ref language',
    )
  })
})
