import { describe, expect, it } from 'vitest'
import { mergeProposals, rebaseProposal } from './rebase'

const BASE = 'Urges all States to cooperate with the Special Rapporteur and to provide information;'

describe('rebaseProposal', () => {
  it('applies the proposal as drafted when the paragraph has not changed', () => {
    const proposed = BASE.replace('all States', 'all Member States')
    expect(rebaseProposal(BASE, proposed, BASE)).toEqual({ status: 'unchanged', text: proposed })
  })

  it('keeps both changes when they touch different words', () => {
    const proposed = BASE.replace('all States', 'all Member States')
    const current = BASE.replace('provide information', 'provide all requested information')
    expect(rebaseProposal(BASE, proposed, current)).toEqual({
      status: 'rebased',
      text: 'Urges all Member States to cooperate with the Special Rapporteur and to provide all requested information;',
    })
  })

  it('keeps a deletion in the proposal and an insertion in the current text', () => {
    const proposed = BASE.replace(' and to provide information', '')
    const current = BASE.replace('Urges', 'Strongly urges')
    expect(rebaseProposal(BASE, proposed, current)).toEqual({
      status: 'rebased',
      text: 'Strongly urges all States to cooperate with the Special Rapporteur;',
    })
  })

  it('reports a conflict, with the proposal as drafted, when both changed the same words', () => {
    const proposed = BASE.replace('cooperate with', 'engage constructively with')
    const current = BASE.replace('cooperate with', 'cooperate fully with')
    expect(rebaseProposal(BASE, proposed, current)).toEqual({ status: 'conflict', text: proposed })
  })

  it('reports a conflict when both insert at the same point, since their order would be a guess', () => {
    const proposed = BASE.replace('information;', 'information, as appropriate;')
    const current = BASE.replace('information;', 'information in a timely manner;')
    expect(rebaseProposal(BASE, proposed, current).status).toBe('conflict')
  })

  it('reports a conflict when the proposal edits words the facilitator has since deleted', () => {
    const proposed = BASE.replace('Special Rapporteur', 'Independent Expert')
    const current = BASE.replace(' with the Special Rapporteur', '')
    expect(rebaseProposal(BASE, proposed, current).status).toBe('conflict')
  })

  it('applies a change once when the current text already made the same change', () => {
    const proposed = BASE.replace('all States', 'all Member States').replace('information;', 'information promptly;')
    const current = BASE.replace('all States', 'all Member States')
    expect(rebaseProposal(BASE, proposed, current)).toEqual({ status: 'rebased', text: proposed })
  })

  it('gives the current text back for a proposal that changes nothing', () => {
    const current = BASE.replace('Urges', 'Calls upon')
    expect(rebaseProposal(BASE, BASE, current)).toEqual({ status: 'rebased', text: current })
  })
})

describe('mergeProposals', () => {
  const member = { id: 'mexico', baseText: BASE, text: BASE.replace('all States', 'all Member States') }
  const timely = { id: 'brazil', baseText: BASE, text: BASE.replace('information;', 'information in a timely manner;') }
  const asAppropriate = { id: 'eu', baseText: BASE, text: BASE.replace('information;', 'information, as appropriate;') }

  it('combines proposals that change different words', () => {
    expect(mergeProposals(BASE, [member, timely])).toEqual({
      text: 'Urges all Member States to cooperate with the Special Rapporteur and to provide information in a timely manner;',
      leftOut: [],
    })
  })

  it('leaves out, by id, a proposal that collides with one merged before it', () => {
    expect(mergeProposals(BASE, [timely, member, asAppropriate])).toEqual({
      text: 'Urges all Member States to cooperate with the Special Rapporteur and to provide information in a timely manner;',
      leftOut: ['eu'],
    })
  })

  it('gives the current text back when nothing is chosen', () => {
    expect(mergeProposals(BASE, [])).toEqual({ text: BASE, leftOut: [] })
  })
})
