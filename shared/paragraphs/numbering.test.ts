import { describe, expect, it } from 'vitest'
import { numberParagraphs, toLetter, toRoman, type NumberingInput } from './numbering'

const pp: NumberingInput = { kind: 'pp' }
const op = (level: 0 | 1 | 2 = 0): NumberingInput => ({ kind: 'op', level })

describe('numberParagraphs', () => {
  it('labels PPs in the margin and numbers OPs from their order', () => {
    const numbers = numberParagraphs([pp, pp, op(), op(), op()])
    expect(numbers.map((n) => n.number)).toEqual(['PP1', 'PP2', '1', '2', '3'])
    expect(numbers.map((n) => n.label)).toEqual(['PP1', 'PP2', '1.', '2.', '3.'])
  })

  it('letters sub-paragraphs under each OP and restarts the letters for the next OP', () => {
    const numbers = numberParagraphs([op(), op(1), op(1), op(), op(1)])
    expect(numbers.map((n) => n.number)).toEqual(['1', '1 (a)', '1 (b)', '2', '2 (a)'])
    expect(numbers.map((n) => n.kind)).toEqual(['op', 'sub', 'sub', 'op', 'sub'])
    expect(numbers[2].label).toBe('(b)')
  })

  it('numbers sub-sub-paragraphs with lower-case roman numerals', () => {
    const numbers = numberParagraphs([op(), op(), op(1), op(2), op(2), op(1), op(2)])
    expect(numbers.map((n) => n.number)).toEqual(['1', '2', '2 (a)', '2 (a) (i)', '2 (a) (ii)', '2 (b)', '2 (b) (i)'])
  })

  it('renumbers the following OPs when an OP is inserted', () => {
    const before = numberParagraphs([op(), op(), op()]).map((n) => n.number)
    const after = numberParagraphs([op(), op(), op(), op()]).map((n) => n.number)
    expect(before).toEqual(['1', '2', '3'])
    expect(after).toEqual(['1', '2', '3', '4'])
  })

  it('leaves a lone OP unnumbered, as printed resolutions do', () => {
    const numbers = numberParagraphs([pp, op(), op(1)])
    expect(numbers.map((n) => n.number)).toEqual(['PP1', '', '(a)'])
    expect(numbers[1].label).toBe('')
  })

  it('treats a sub-paragraph with no OP before it as an OP', () => {
    const numbers = numberParagraphs([op(1), op(2), op(2)])
    expect(numbers.map((n) => [n.kind, n.number])).toEqual([
      ['op', ''],
      ['sub', '(a)'],
      ['sub', '(a) (i)'],
    ])
  })
})

describe('toLetter and toRoman', () => {
  it('continues the alphabet past z as UN documents do', () => {
    expect([1, 2, 26, 27, 28].map(toLetter)).toEqual(['a', 'b', 'z', 'aa', 'bb'])
  })
  it('writes roman numerals', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl'])
  })
})
