import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocJson } from '../paragraphs/docJson'
import { blankDraft, draftToDocJson } from '../paragraphs/draftToDocJson'
import { readResolution, summarise } from '../paragraphs/readResolution'
import type { ResolutionDraft } from '../paragraphs/types'
import { resolutionSchema, YJS_FRAGMENT } from './resolutionSchema'
import { emptyHeading } from '../../shared/paragraphs/types'

const DRAFT: ResolutionDraft = {
  heading: { ...emptyHeading(), symbol: 'A/C.3/81/L.7', session: 'Eighty-first session', agendaItem: 'Agenda item 68', sponsors: 'Chile: draft resolution' },
  language: 'en',
  adoption: '',
  title: 'Clean water for all',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling its resolution on water,' },
    { kind: 'pp', text: 'Noting with concern the lack of data,' },
    { kind: 'op', level: 0, text: 'Calls upon States:' },
    { kind: 'op', level: 1, text: 'To invest in infrastructure;' },
    { kind: 'op', level: 2, text: 'In rural areas;' },
    { kind: 'op', level: 1, text: 'To share data;' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}

let counter = 0
const sequentialIds = () => `p-${++counter}`

describe('the resolution schema', () => {
  it('accepts a document built from a draft and reads it back unchanged through Yjs', () => {
    const json = draftToDocJson(DRAFT, sequentialIds)
    const node = resolutionSchema.nodeFromJSON(json)
    expect(() => node.check()).not.toThrow()

    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(resolutionSchema, json, doc.getXmlFragment(YJS_FRAGMENT))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(YJS_FRAGMENT), resolutionSchema).eq(node)).toBe(true)
  })

  it('rejects a PP placed among the operative paragraphs', () => {
    const json = draftToDocJson(DRAFT, sequentialIds)
    const operatives = json.content![4]
    operatives.content!.push({ type: 'pp', attrs: { id: 'p-stray' } })
    expect(() => resolutionSchema.nodeFromJSON(json).check()).toThrow()
  })

  it('gives a blank resolution one empty PP and one empty OP', () => {
    const json = draftToDocJson(blankDraft('Road safety'), sequentialIds)
    expect(() => resolutionSchema.nodeFromJSON(json).check()).not.toThrow()
    const reading = readResolution(json)
    expect(reading.title).toBe('Road safety')
    expect(reading.enacting).toBe('The General Assembly,')
    expect(reading.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['pp', ''],
      ['op', ''],
    ])
  })
})

describe('readResolution', () => {
  it('reads the heading, and numbers paragraphs as displayed, from what Yjs stores', () => {
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(resolutionSchema, draftToDocJson(DRAFT, sequentialIds), doc.getXmlFragment(YJS_FRAGMENT))
    const reading = readResolution(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FRAGMENT)) as DocJson)
    expect(reading.heading).toEqual(DRAFT.heading)
    expect(reading.paragraphs.map((p) => [p.kind, p.number, p.text])).toEqual([
      ['pp', 'PP1', 'Recalling its resolution on water,'],
      ['pp', 'PP2', 'Noting with concern the lack of data,'],
      ['op', '1', 'Calls upon States:'],
      ['sub', '1 (a)', 'To invest in infrastructure;'],
      ['sub', '1 (a) (i)', 'In rural areas;'],
      ['sub', '1 (b)', 'To share data;'],
      ['op', '2', 'Decides to remain seized of the matter.'],
    ])
    expect(new Set(reading.paragraphs.map((p) => p.id)).size).toBe(7)
    expect(summarise(reading)).toEqual({ title: 'Clean water for all', symbol: 'A/C.3/81/L.7', ppCount: 2, opCount: 2 })
  })

  it('does not throw on an empty or foreign document', () => {
    expect(readResolution({ type: 'doc' }).paragraphs).toEqual([])
    expect(readResolution({ type: 'doc', content: [{ type: 'something-else' }] }).title).toBe('')
  })
})
