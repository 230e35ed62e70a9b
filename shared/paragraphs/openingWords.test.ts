import { describe, expect, it } from 'vitest'
import { openingKind, openingLength } from './openingWords'

function italic(text: string, kind: 'pp' | 'op'): string {
  return text.slice(0, openingLength(text, kind))
}

describe('openingLength', () => {
  it.each([
    ['Recalling its resolution 72/271 of 12 April 2018,', 'pp', 'Recalling'],
    ['Reaffirming also the Universal Declaration of Human Rights,', 'pp', 'Reaffirming also'],
    ['Recalling further that States have the primary responsibility,', 'pp', 'Recalling further'],
    ['Bearing in mind the needs of rural communities,', 'pp', 'Bearing in mind'],
    ['Deeply concerned that billions of people lack sanitation,', 'pp', 'Deeply concerned'],
    ['Noting with appreciation the work of the Special Rapporteur,', 'pp', 'Noting with appreciation'],
    ['Noting with concern the rise in road traffic deaths,', 'pp', 'Noting with concern'],
    ['Expressing deep concern at reprisals against human rights defenders,', 'pp', 'Expressing deep concern'],
    ['Taking note of the report of the Secretary-General,', 'pp', 'Taking note'],
    ['Mindful that the same rights must be protected online,', 'pp', 'Mindful'],
    ['Having considered the report of the Third Committee,', 'pp', 'Having considered'],
    ['Welcoming also the work of civil society,', 'pp', 'Welcoming also'],
    ['Urges all States to act;', 'op', 'Urges'],
    ['Calls upon States to ensure access to water;', 'op', 'Calls upon'],
    ['Calls on States to ensure access to water;', 'op', 'Calls on'],
    ['Also requests the Secretary-General to report;', 'op', 'Also requests'],
    ['Further requests the Secretary-General to report;', 'op', 'Further requests'],
    ['Strongly condemns all acts of reprisal;', 'op', 'Strongly condemns'],
    ['Once again urges States to act;', 'op', 'Once again urges'],
    ['Takes note with appreciation of the report;', 'op', 'Takes note with appreciation'],
    ['Takes note of the report;', 'op', 'Takes note'],
    ['Decides to remain seized of the matter.', 'op', 'Decides'],
    ['Requests also the Secretary-General to report;', 'op', 'Requests also'],
  ] as const)('sets the opening of "%s" (%s) as "%s"', (text, kind, expected) => {
    expect(italic(text, kind)).toBe(expected)
  })

  it('does not take "further" as part of the opening when it qualifies a noun', () => {
    expect(italic('Calls for further efforts to reduce road deaths;', 'op')).toBe('Calls for')
  })

  it('stops before punctuation that follows the opening', () => {
    expect(italic('Decides, in this regard, to act;', 'op')).toBe('Decides')
  })

  it('falls back to the first word when the opening is not recognised', () => {
    expect(italic('The situation remains grave;', 'op')).toBe('The')
    expect(italic('Once the report is ready,', 'pp')).toBe('Once')
  })

  it('falls back to the first word when the opening belongs to the other kind', () => {
    expect(italic('Strongly condemns all acts of reprisal;', 'pp')).toBe('Strongly')
  })

  it('returns 0 for empty or blank text', () => {
    expect(openingLength('', 'pp')).toBe(0)
    expect(openingLength('   ', 'op')).toBe(0)
  })

  it('never includes the space after the opening', () => {
    expect(openingLength('Urges ', 'op')).toBe(5)
  })
})

describe('openingKind', () => {
  it('tells a preambular opening from an operative one', () => {
    expect(openingKind('Deeply concerned that …,')).toBe('pp')
    expect(openingKind('Further requests the Secretary-General …;')).toBe('op')
    expect(openingKind('United Nations agencies and …')).toBeNull()
  })
})
