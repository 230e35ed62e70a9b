// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { emptyHeading } from '../../shared/paragraphs/types'
import { resolutionExtensions } from '../../shared/schema/resolutionSchema'
import { MAX_PASTE_CHARACTERS, PasteLimit } from './pasteLimit'
import { ResolutionEditing } from './resolutionEditing'

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function editorWith(limit?: number) {
  const notices: string[] = []
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...resolutionExtensions,
      ResolutionEditing,
      PasteLimit.configure({ onRefused: (message) => notices.push(message), ...(limit ? { maxCharacters: limit } : {}) }),
    ],
    content: draftToDocJson({
      heading: emptyHeading(),
      language: 'en',
      adoption: '',
      title: 'Paste limit',
      enacting: 'The General Assembly,',
      paragraphs: [{ kind: 'op', level: 0, text: 'Urges all States to ratify the Convention;' }],
    }),
  })
  editors.push(editor)
  // The cursor at the end of the operative paragraph.
  let end = 0
  editor.state.doc.descendants((node, pos) => {
    if (node.isText && node.text?.startsWith('Urges')) end = pos + node.nodeSize
  })
  editor.commands.setTextSelection(end)
  return { editor, notices }
}

describe('paste limit', () => {
  it('refuses a paste larger than the limit, inserts nothing and says why', () => {
    const { editor, notices } = editorWith()
    const before = editor.getJSON()
    editor.view.pasteText('x'.repeat(MAX_PASTE_CHARACTERS + 1))
    expect(editor.getJSON()).toEqual(before)
    expect(notices).toEqual([
      'This paste is too large (200,001 characters; at most 200,000 at a time). Nothing was inserted.',
    ])
  })

  it('refuses a pasted HTML document of many paragraphs by its whole size', () => {
    const { editor, notices } = editorWith(1000)
    const before = editor.getJSON()
    editor.view.pasteHTML('<p>Stresses the need;</p>'.repeat(100))
    expect(editor.getJSON()).toEqual(before)
    expect(notices).toHaveLength(1)
  })

  it('lets a paste within the limit through', () => {
    const { editor, notices } = editorWith(1000)
    editor.view.pasteText(' and to implement it')
    expect(editor.getText()).toContain('and to implement it')
    expect(notices).toEqual([])
  })
})
