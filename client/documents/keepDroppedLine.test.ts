import { describe, expect, it } from 'vitest'
import type { DraftParagraph, DroppedLine } from '../../shared/paragraphs/types'
import { keepDroppedLine } from './keepDroppedLine'

const paragraphs: DraftParagraph[] = [
  { kind: 'pp', text: 'Recalling,' },
  { kind: 'op', level: 0, text: 'Urges:' },
  { kind: 'op', level: 1, text: 'At night;' },
]
const line = (text: string, after: number): DroppedLine => ({ text, reason: 'page-furniture', after })

describe('keepDroppedLine', () => {
  it('inserts the line where it stood, of the kind of the paragraph before it', () => {
    const kept = keepDroppedLine(paragraphs, [line('At weekends;', 2)], 0)
    expect(kept.at).toBe(3)
    expect(kept.paragraphs[3]).toEqual({ kind: 'op', level: 1, text: 'At weekends;' })
    expect(kept.dropped).toEqual([])
    expect(keepDroppedLine(paragraphs, [line('Noting,', -1)], 0).paragraphs[0]).toEqual({ kind: 'pp', text: 'Noting,' })
  })

  it('keeps the other dropped lines pointing at the paragraph they followed', () => {
    const dropped = [line('first', 0), line('kept', 0), line('third', 0), line('last', 2)]
    const kept = keepDroppedLine(paragraphs, dropped, 1)
    expect(kept.paragraphs.map((p) => p.text)).toEqual(['Recalling,', 'kept', 'Urges:', 'At night;'])
    expect(kept.dropped).toEqual([line('first', 0), line('third', 1), line('last', 3)])
  })
})
