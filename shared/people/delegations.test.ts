import { describe, expect, it } from 'vitest'
import { DELEGATIONS, OTHER_DELEGATIONS, UN_MEMBER_STATES, isDelegation, searchDelegations } from './delegations'

describe('delegation list', () => {
  it('has exactly 193 UN Member States', () => {
    expect(UN_MEMBER_STATES).toHaveLength(193)
  })

  it('lists no State twice', () => {
    expect(new Set(UN_MEMBER_STATES).size).toBe(UN_MEMBER_STATES.length)
    expect(new Set(DELEGATIONS).size).toBe(DELEGATIONS.length)
  })

  it('lists the Member States in alphabetical order, as the UN does', () => {
    const sorted = [...UN_MEMBER_STATES].sort((a, b) => a.localeCompare(b))
    expect(UN_MEMBER_STATES).toEqual(sorted)
  })

  it('adds the Holy See, the State of Palestine and the EU for 196 delegations in total', () => {
    expect(OTHER_DELEGATIONS).toEqual(['Holy See', 'State of Palestine', 'European Union'])
    expect(DELEGATIONS).toHaveLength(196)
    for (const other of OTHER_DELEGATIONS) expect(UN_MEMBER_STATES).not.toContain(other)
  })

  it('offers the delegations to the picker in alphabetical order', () => {
    expect(DELEGATIONS).toEqual([...DELEGATIONS].sort((a, b) => a.localeCompare(b)))
  })

  it('uses the names the UN uses for States with long or unusual names', () => {
    const tricky = [
      'Bolivia (Plurinational State of)',
      "Côte d'Ivoire",
      "Democratic People's Republic of Korea",
      'Democratic Republic of the Congo',
      'Congo',
      'Iran (Islamic Republic of)',
      "Lao People's Democratic Republic",
      'Micronesia (Federated States of)',
      'Netherlands (Kingdom of the)',
      'Republic of Korea',
      'Republic of Moldova',
      'Russian Federation',
      'Syrian Arab Republic',
      'Türkiye',
      'United Kingdom of Great Britain and Northern Ireland',
      'United Republic of Tanzania',
      'United States of America',
      'Venezuela (Bolivarian Republic of)',
      'Viet Nam',
      'Czechia',
      'Eswatini',
      'North Macedonia',
      'Timor-Leste',
      'Cabo Verde',
      'Gambia',
    ]
    for (const name of tricky) expect(UN_MEMBER_STATES).toContain(name)
  })

  it('does not use informal or outdated names', () => {
    for (const name of ['Turkey', 'Vietnam', 'Czech Republic', 'Swaziland', 'Cape Verde', 'Ivory Coast', 'Russia', 'USA']) {
      expect(DELEGATIONS).not.toContain(name)
    }
  })
})

describe('isDelegation', () => {
  it('accepts a Member State, an observer State and the EU by their exact names', () => {
    expect(isDelegation('Mexico')).toBe(true)
    expect(isDelegation('Holy See')).toBe(true)
    expect(isDelegation('State of Palestine')).toBe(true)
    expect(isDelegation('European Union')).toBe(true)
  })

  it('rejects near misses, so attribution never rests on free text', () => {
    expect(isDelegation('Mexico ')).toBe(false)
    expect(isDelegation('mexico')).toBe(false)
    expect(isDelegation('Turkey')).toBe(false)
    expect(isDelegation('Turkiye')).toBe(false)
    expect(isDelegation('')).toBe(false)
  })
})

describe('searchDelegations', () => {
  it('returns the first names alphabetically for an empty query', () => {
    expect(searchDelegations('')).toEqual(DELEGATIONS.slice(0, 12))
    expect(searchDelegations('   ', 3)).toEqual(DELEGATIONS.slice(0, 3))
  })

  it('ignores case and accents', () => {
    expect(searchDelegations('turkiye')).toContain('Türkiye')
    expect(searchDelegations('TÜRKIYE')).toContain('Türkiye')
    expect(searchDelegations('cote')).toContain("Côte d'Ivoire")
  })

  it('finds States by the short names people commonly type', () => {
    const cases: [string, string][] = [
      ['USA', 'United States of America'],
      ['US', 'United States of America'],
      ['UK', 'United Kingdom of Great Britain and Northern Ireland'],
      ['Russia', 'Russian Federation'],
      ['Iran', 'Iran (Islamic Republic of)'],
      ['Syria', 'Syrian Arab Republic'],
      ['Venezuela', 'Venezuela (Bolivarian Republic of)'],
      ['Bolivia', 'Bolivia (Plurinational State of)'],
      ['Tanzania', 'United Republic of Tanzania'],
      ['Vietnam', 'Viet Nam'],
      ['Turkey', 'Türkiye'],
      ['Moldova', 'Republic of Moldova'],
      ['Laos', "Lao People's Democratic Republic"],
      ['EU', 'European Union'],
      ['Palestine', 'State of Palestine'],
      ['Vatican', 'Holy See'],
      ['Czech Republic', 'Czechia'],
      ['Swaziland', 'Eswatini'],
      ['Cape Verde', 'Cabo Verde'],
      ['Ivory Coast', "Côte d'Ivoire"],
      ['Netherlands', 'Netherlands (Kingdom of the)'],
    ]
    for (const [query, expected] of cases) expect(searchDelegations(query), query).toContain(expected)
  })

  it('puts the aliased State first when the alias is typed', () => {
    expect(searchDelegations('usa')[0]).toBe('United States of America')
    expect(searchDelegations('uk')[0]).toBe('United Kingdom of Great Britain and Northern Ireland')
  })

  it('finds both Koreas for "korea"', () => {
    const results = searchDelegations('korea')
    expect(results).toContain('Republic of Korea')
    expect(results).toContain("Democratic People's Republic of Korea")
  })

  it('finds both Congos for "congo"', () => {
    const results = searchDelegations('congo')
    expect(results).toContain('Congo')
    expect(results).toContain('Democratic Republic of the Congo')
  })

  it('ranks names starting with the query before names with a later word starting with it', () => {
    const results = searchDelegations('guinea')
    expect(results[0]).toBe('Guinea')
    expect(results.indexOf('Guinea')).toBeLessThan(results.indexOf('Equatorial Guinea'))
    expect(results.indexOf('Guinea')).toBeLessThan(results.indexOf('Papua New Guinea'))
    expect(results).toEqual(expect.arrayContaining(['Guinea', 'Guinea-Bissau', 'Equatorial Guinea', 'Papua New Guinea']))
  })

  it('ranks word-start matches before matches in the middle of a word', () => {
    const results = searchDelegations('ma')
    const wordStart = results.indexOf('Marshall Islands')
    const inside = results.indexOf('Guatemala')
    expect(wordStart).toBeGreaterThanOrEqual(0)
    if (inside >= 0) expect(wordStart).toBeLessThan(inside)
    expect(searchDelegations('ma', 200)).toContain('Guatemala')
  })

  it('returns nothing for a query that matches no delegation', () => {
    expect(searchDelegations('atlantis')).toEqual([])
  })

  it('never returns more than the limit, and no name twice', () => {
    expect(searchDelegations('a', 5)).toHaveLength(5)
    expect(searchDelegations('an')).toHaveLength(12)
    const korea = searchDelegations('korea', 1)
    expect(korea).toHaveLength(1)
    const many = searchDelegations('a', 500)
    expect(new Set(many).size).toBe(many.length)
  })
})
