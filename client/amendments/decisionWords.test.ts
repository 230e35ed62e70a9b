import { describe, expect, it } from 'vitest'
import { acceptQuestion, compromiseWords } from './decisionWords'

describe('decision words', () => {
  it('names every proposal an acceptance will supersede', () => {
    expect(acceptQuestion({ state: 'Mexico' }, [{ state: 'Brazil' }, { state: 'Chile' }])).toBe(
      'Accept Mexico’s proposal? It will supersede Brazil’s and Chile’s proposals.',
    )
    expect(acceptQuestion({ state: 'Mexico' }, [{ state: 'Brazil' }])).toBe('Accept Mexico’s proposal? It will supersede Brazil’s proposal.')
  })

  it('credits every State whose language went into a compromise', () => {
    expect(compromiseWords([{ state: 'Mexico' }, { state: 'Brazil' }], [{ state: 'Chile' }])).toBe(
      'It credits Mexico’s and Brazil’s proposals as merged into the compromise. It will supersede Chile’s proposal.',
    )
  })

  it('lists names as a sentence does', () => {
  })
})
