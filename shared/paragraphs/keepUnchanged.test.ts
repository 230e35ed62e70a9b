import { describe, expect, it } from 'vitest'
import { keepUnchanged } from './keepUnchanged'
import type { Paragraph } from './types'

const pp = (id: string, text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ id, kind: 'pp', number: id.toUpperCase(), text, status: 'draft', ...extra })

describe('keepUnchanged', () => {
  it('keeps the objects of paragraphs an edit did not touch, and takes the new reading of the one it did', () => {
    const previous = [pp('pp1', 'Recalling'), pp('pp2', 'Noting'), pp('pp3', 'Welcoming')]
    const next = [pp('pp1', 'Recalling'), pp('pp2', 'Noting with concern'), pp('pp3', 'Welcoming')]
    const kept = keepUnchanged(previous, next)
    expect(kept).toEqual(next)
    expect(kept[0]).toBe(previous[0])
    expect(kept[1]).toBe(next[1])
    expect(kept[2]).toBe(previous[2])
    expect(kept).not.toBe(previous)
  })

  it('gives back the previous list itself when nothing changed', () => {
    const previous = [pp('pp1', 'Recalling', { footnotes: [{ offset: 3, text: 'A/RES/1', number: 1 }] })]
    const next = [pp('pp1', 'Recalling', { footnotes: [{ offset: 3, text: 'A/RES/1', number: 1 }] })]
    expect(keepUnchanged(previous, next)).toBe(previous)
  })

  it('sees a new number, status, footnote, order or length as a change', () => {
    const previous = [pp('pp1', 'Recalling'), pp('pp2', 'Noting')]
    expect(keepUnchanged(previous, [pp('pp1', 'Recalling', { number: 'PP2' }), previous[1]!])[0]).not.toBe(previous[0])
    expect(keepUnchanged(previous, [pp('pp1', 'Recalling', { status: 'agreed' }), previous[1]!])[0]!.status).toBe('agreed')
    expect(keepUnchanged(previous, [pp('pp1', 'Recalling', { footnotes: [{ offset: 1, text: 'x', number: 1 }] }), previous[1]!])[0]!.footnotes).toHaveLength(1)
    const swapped = keepUnchanged(previous, [previous[1]!, previous[0]!])
    expect(swapped).not.toBe(previous)
    expect(swapped.map((p) => p.id)).toEqual(['pp2', 'pp1'])
    expect(keepUnchanged(previous, [previous[0]!])).toHaveLength(1)
  })
})
