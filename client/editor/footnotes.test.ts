// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { TextSelection } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution } from '../../shared/paragraphs/readResolution'
import { emptyHeading, type ResolutionDraft } from '../../shared/paragraphs/types'
import { resolutionExtensions, resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { Footnotes, selectedFootnote } from './footnotes'

const DRAFT: ResolutionDraft = {
  heading: emptyHeading(),
  language: 'en',
  adoption: '',
  title: 'Footnotes',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling the Convention on the Rights of the Child,', footnotes: [{ offset: 51, text: 'United Nations, Treaty Series, vol. 1577, No. 27531.' }] },
    { kind: 'op', level: 0, text: 'Urges all States to ratify the Convention;' },
  ],
}

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function editorOn(doc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...resolutionExtensions, Footnotes, Collaboration.configure({ document: doc })],
  })
  editors.push(editor)
  return editor
}

const reading = (doc: Y.Doc) => readResolution(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FRAGMENT)) as DocJson)

describe('footnotes in the editor', () => {
  it('inserts a footnote after the cursor, numbers it in document order and stores its text in the shared document', () => {
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(resolutionSchema, draftToDocJson(DRAFT), doc.getXmlFragment(YJS_FRAGMENT))
    const editor = editorOn(doc)
    let end = -1
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === 'op') end = pos + node.nodeSize - 2 // before the ";"
    })
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)))
    expect(editor.commands.insertFootnote()).toBe(true)
    expect(selectedFootnote(editor.state)).toMatchObject({ number: 2, text: '' })
    editor.commands.setFootnoteText('Resolution 44/25, annex.')

    const [pp, op] = reading(doc).paragraphs
    expect(pp.footnotes).toEqual([{ offset: 51, text: 'United Nations, Treaty Series, vol. 1577, No. 27531.', number: 1 }])
    expect(op.text).toBe('Urges all States to ratify the Convention;')
    expect(op.footnotes).toEqual([{ offset: 41, text: 'Resolution 44/25, annex.', number: 2 }])

    expect(editor.commands.removeFootnote()).toBe(true)
    expect(reading(doc).paragraphs[1].footnotes).toEqual([])
  })

  it('refuses to put a footnote in the heading', () => {
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(resolutionSchema, draftToDocJson(DRAFT), doc.getXmlFragment(YJS_FRAGMENT))
    const editor = editorOn(doc)
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 2)))
    expect(editor.commands.insertFootnote()).toBe(false)
  })
})
