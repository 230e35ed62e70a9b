import { describe, expect, it } from 'vitest'
import { blankDraft } from '../paragraphs/draftToDocJson'
import type { DraftParagraph } from '../paragraphs/types'
import { draftWarnings } from './draftWarnings'

const draft = (paragraphs: DraftParagraph[], title = 'Safety of negotiators') => ({ ...blankDraft(title), paragraphs })
const pp = (text = 'Recalling,'): DraftParagraph => ({ kind: 'pp', text })
const op = (level: 0 | 1 | 2 = 0, text = 'Decides;'): DraftParagraph => ({ kind: 'op', level, text })

describe('draftWarnings', () => {
  it('has nothing to say about a well-formed draft', () => {
    expect(draftWarnings(draft([pp(), pp(), op(), op(1), op(2), op()]))).toEqual([])
  })

  it('asks for a title, and says when no paragraph or no operative paragraph was found', () => {
    expect(draftWarnings(draft([], ''))).toEqual([
      'No title was found: type one before creating the resolution.',
      'No paragraphs were found after “The General Assembly,”.',
    ])
    expect(draftWarnings(draft([pp(), pp()]))).toEqual([
      'No operative paragraphs were found: every paragraph was read as preambular.',
    ])
  })

  it('names a PP after an OP by the numbers it will have', () => {
    expect(draftWarnings(draft([pp(), op(), op(), pp()]))).toEqual([
      'PP2 stands after OP 2: it will be moved up into the preamble, unless you make it an OP.',
    ])
  })

  it('says what becomes of a sub-paragraph with nothing above it', () => {
    expect(draftWarnings(draft([pp(), op(1), op(), op(2)]))).toEqual([
      'OP 1 was read as a sub-paragraph (a) with no operative paragraph above it: it will be an operative paragraph.',
      'OP 2 (a) was read as a sub-sub-paragraph (i) with no sub-paragraph (a) above it: it will be a sub-paragraph (a).',
    ])
  })
})
