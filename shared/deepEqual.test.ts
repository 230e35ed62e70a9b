import { describe, expect, it } from 'vitest'
import { deepEqual } from './deepEqual'

describe('deepEqual', () => {
  it('compares primitives by value, NaN included', () => {
    expect(deepEqual('OP 1', 'OP 1')).toBe(true)
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true)
    expect(deepEqual(1, '1')).toBe(false)
    expect(deepEqual(null, undefined)).toBe(false)
  })

  it('compares plain objects and arrays by content, however deep', () => {
    const context = { inOp: true, id: 'p-1', footnote: { pos: 3, text: 'a' }, ids: ['a', 'b'] }
    expect(deepEqual(context, { ...context, footnote: { pos: 3, text: 'a' }, ids: ['a', 'b'] })).toBe(true)
    expect(deepEqual(context, { ...context, footnote: { pos: 4, text: 'a' } })).toBe(false)
    expect(deepEqual(context, { ...context, ids: ['a'] })).toBe(false)
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(false)
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(deepEqual([1], { 0: 1, length: 1 })).toBe(false)
  })

  it('takes anything else to be equal only to itself', () => {
    const when = new Date(0)
    expect(deepEqual(when, when)).toBe(true)
    expect(deepEqual(when, new Date(0))).toBe(false)
    expect(deepEqual(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(false)
  })
})
