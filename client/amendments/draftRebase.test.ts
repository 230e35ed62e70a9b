import { describe, expect, it } from 'vitest'
import { afterRefusal, draftOn, followLiveText } from './draftRebase'

const BASE = 'Calls upon all States to ensure access to safe drinking water;'
const ACCEPTED = 'Urges all States to ensure access to safe drinking water;'
const BRAZIL = 'Calls upon all States to ensure access to safe drinking water, including in rural areas;'

describe('followLiveText', () => {
  it('keeps the base the draft was made on while the paragraph does not change', () => {
    const draft = { base: BASE, text: BRAZIL }
    expect(followLiveText(draft, BASE)).toEqual({ status: 'same', draft })
  })

  it('lets an untouched draft simply show the new text', () => {
    expect(followLiveText(draftOn(BASE), ACCEPTED)).toEqual({ status: 'followed', draft: { base: ACCEPTED, text: ACCEPTED } })
  })

  it('moves the delegation’s own change onto the new text, which becomes the base', () => {
    const follow = followLiveText({ base: BASE, text: BRAZIL }, ACCEPTED)
    expect(follow).toEqual({
      status: 'rebased',
      draft: { base: ACCEPTED, text: 'Urges all States to ensure access to safe drinking water, including in rural areas;' },
      previous: BASE,
    })
  })

  it('reports a conflict when both changes touch the same words, and keeps the draft as it was', () => {
    const draft = { base: BASE, text: 'Encourages all States to ensure access to safe drinking water;' }
    const follow = followLiveText(draft, ACCEPTED)
    expect(follow.status).toBe('conflict')
    expect(follow.draft).toBe(draft)
    expect(follow.status === 'conflict' && follow.conflict).toEqual({ baseText: BASE, changedText: draft.text, currentText: ACCEPTED })
  })

  it('never turns a conflict into a draft that would undo the other change', () => {
    const follow = followLiveText({ base: BASE, text: 'Encourages all States to ensure access to safe drinking water;' }, ACCEPTED)
    expect(follow.draft.base).toBe(BASE)
  })

  it('settles a conflict by itself when the paragraph goes back to the text the draft was made on', () => {
    const draft = { base: BASE, text: 'Encourages all States to ensure access to safe drinking water;' }
    expect(followLiveText(draft, BASE).status).toBe('same')
  })
})

describe('afterRefusal', () => {
  it('shows the conflict the server names', () => {
    const conflict = { baseText: BASE, changedText: BRAZIL, currentText: ACCEPTED }
    expect(afterRefusal({ base: BASE, text: BRAZIL }, ACCEPTED, conflict)).toEqual({ status: 'conflict', draft: { base: BASE, text: BRAZIL }, conflict })
  })

  it('rebases onto the live text when the server cannot account for the base', () => {
    const follow = afterRefusal({ base: BASE, text: BRAZIL }, ACCEPTED, undefined)
    expect(follow.status).toBe('rebased')
    expect(follow.draft).toEqual({ base: ACCEPTED, text: 'Urges all States to ensure access to safe drinking water, including in rural areas;' })
  })
})
