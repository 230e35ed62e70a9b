import { describe, expect, it } from 'vitest'
import { emptyHeading } from '../../shared/paragraphs/types'
import { adoptedReading, arabicReading, thirtyParagraphReading } from './exportFixtures'
import { masthead, organOf } from './masthead'

describe('masthead', () => {
  it('prints a draft’s heading lines in the UN’s order, with the distribution block it has', () => {
    const head = masthead(thirtyParagraphReading())
    expect(head).toMatchObject({
      unitedNations: 'United Nations',
      organ: 'General Assembly',
      symbol: 'A/C.3/74/L.31/Rev.1',
      distribution: ['Distr.: Limited', '5 November 2019', 'Original: English'],
      title: 'Protecting human rights defenders <in the digital age>',
      adoption: '',
      direction: 'ltr',
    })
    expect(head.lines.map((line) => [line.field, line.bold])).toEqual([
      ['session', false],
      ['committee', false],
      ['agendaItem', false],
      ['agendaTitle', true],
      ['sponsors', true],
    ])
  })

  it('invents nothing: no date, no distribution, no original language the text does not give', () => {
    const reading = thirtyParagraphReading()
    const bare = masthead({ ...reading, heading: { ...emptyHeading(), symbol: 'A/C.3/74/L.31' }, enacting: '' })
    expect(bare.distribution).toEqual([])
    expect(bare.lines).toEqual([])
    // The organ falls back to the one the enacting formula names.
    expect(bare.organ).toBe('General Assembly')
    expect(bare.enacting).toBe('The General Assembly,')
  })

  it('numbers an adopted resolution’s title and keeps its adoption record and meeting line', () => {
    const head = masthead(adoptedReading())
    expect(head.title).toBe('74/146. Protecting human rights defenders <in the digital age>')
    expect(head.distribution).toEqual([])
    expect(head.lines.map((line) => line.field)).toEqual(['session', 'committee', 'agendaItem', 'agendaTitle', 'adoptedBy', 'report'])
    expect(head.adoption).toBe('50th plenary meeting, 18 December 2019')
  })

  it('says the masthead words in the document’s language and its direction', () => {
    const head = masthead(arabicReading())
    expect(head).toMatchObject({ unitedNations: 'الأمم المتحدة', direction: 'rtl', language: 'ar', organ: 'مجلس حقوق الإنسان' })
    const french = masthead({ ...thirtyParagraphReading(), language: 'fr', heading: { ...emptyHeading(), distribution: 'Limitée', originalLanguage: 'anglais' } })
    expect(french.unitedNations).toBe('Nations Unies')
    expect(french.distribution).toEqual(['Distr. : Limitée', 'Original : anglais'])
  })

  it('reads the organ from the enacting formula', () => {
    expect(organOf('The Human Rights Council,')).toBe('Human Rights Council')
    expect(organOf('The Security Council')).toBe('Security Council')
  })
})
