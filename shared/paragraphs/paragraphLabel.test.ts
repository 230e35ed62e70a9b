import { describe, expect, it } from 'vitest'
import { paragraphLabel } from './paragraphLabel'

describe('paragraphLabel', () => {
  it('labels paragraphs as negotiators cite them', () => {
    expect(paragraphLabel({ kind: 'pp', number: 'PP3' })).toBe('PP3')
    expect(paragraphLabel({ kind: 'op', number: '5' })).toBe('OP 5')
    expect(paragraphLabel({ kind: 'sub', number: '5 (b)' })).toBe('OP 5 (b)')
    expect(paragraphLabel({ kind: 'op', number: '' })).toBe('OP')
  })
})
