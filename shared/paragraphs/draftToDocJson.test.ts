import { describe, expect, it } from 'vitest'
import { draftToDocJson, inlineContent } from './draftToDocJson'
import { emptyHeading } from '../../shared/paragraphs/types'

describe('inlineContent', () => {
  it('is one plain text node without italics, and nothing for empty text', () => {
    expect(inlineContent('Recalling its resolution,')).toEqual([{ type: 'text', text: 'Recalling its resolution,' }])
    expect(inlineContent('', [[0, 3]])).toEqual([])
  })

  it('marks the italic ranges, merging overlapping ones and clipping them to the text', () => {
    expect(inlineContent('the ad hoc and inter alia words', [[15, 40], [4, 7], [6, 10], [-5, 0]])).toEqual([
      { type: 'text', text: 'the ' },
      { type: 'text', text: 'ad hoc', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'inter alia words', marks: [{ type: 'italic' }] },
    ])
  })
})

describe('draftToDocJson', () => {
  it('gives a paragraph with italics its marks, and one without them a single text node as before', () => {
    let n = 0
    const json = draftToDocJson(
      {
        heading: { ...emptyHeading(), symbol: '', session: '', agendaItem: '', sponsors: '' },
        language: 'en',
        adoption: '',
        title: 'T',
        enacting: 'The General Assembly,',
        paragraphs: [
          { kind: 'pp', text: 'Noting the ad hoc group,', italics: [[11, 17]] },
          { kind: 'op', level: 0, text: 'Decides to act.' },
        ],
      },
      () => `p-${++n}`,
    )
    expect(json.content![3].content).toEqual([
      {
        type: 'pp',
        attrs: { id: 'p-1' },
        content: [
          { type: 'text', text: 'Noting the ' },
          { type: 'text', text: 'ad hoc', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' group,' },
        ],
      },
    ])
    expect(json.content![4].content).toEqual([
      { type: 'op', attrs: { id: 'p-2', level: 0 }, content: [{ type: 'text', text: 'Decides to act.' }] },
    ])
  })
})
