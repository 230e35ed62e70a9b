// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { TextSelection } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import type { ResolutionDraft } from '../../shared/paragraphs/types'
import { resolutionExtensions, resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { ResolutionEditing } from './resolutionEditing'
import { emptyHeading } from '../../shared/paragraphs/types'

const DRAFT: ResolutionDraft = {
  heading: { ...emptyHeading(), symbol: 'A/C.3/81/L.1', session: '', agendaItem: '', sponsors: '' },
  language: 'en',
  adoption: '',
  title: 'Paragraph identity',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling its earlier resolutions on the matter,' },
    { kind: 'op', level: 0, text: 'Urges all States to cooperate fully with the mandate holder;' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

/** A real Tiptap editor bound to its own Y.Doc, as in the browser, seeded like the server does. */
function collaborativeEditor(doc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...resolutionExtensions, ResolutionEditing, Collaboration.configure({ document: doc })],
  })
  editors.push(editor)
  return editor
}

function seededDoc(): Y.Doc {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(resolutionSchema, draftToDocJson(DRAFT), doc.getXmlFragment(YJS_FRAGMENT))
  return doc
}

function paragraphIds(editor: Editor): Array<string | null> {
  const ids: Array<string | null> = []
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'pp' || node.type.name === 'op') ids.push(node.attrs.id)
    return !node.isTextblock
  })
  return ids
}

/** Position of `offset` characters into the first paragraph whose text contains `needle`. */
function positionIn(editor: Editor, needle: string, offset: number): number {
  let found = -1
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent.includes(needle)) found = pos + 1 + offset
    return found < 0
  })
  if (found < 0) throw new Error(`no paragraph contains ${needle}`)
  return found
}

function splitAt(editor: Editor, pos: number): void {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)))
  editor.commands.splitBlock()
}

const expectUnique = (ids: Array<string | null>) => {
  expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
}

describe('paragraph ids', () => {
  it('keeps the id through edits and gives the split-off half a new one', () => {
    const editor = collaborativeEditor(seededDoc())
    const before = paragraphIds(editor)
    editor.commands.insertContentAt(positionIn(editor, 'Urges', 0), 'Strongly ')
    expect(paragraphIds(editor)).toEqual(before)

    splitAt(editor, positionIn(editor, 'Urges', 'Strongly Urges all States'.length))
    const after = paragraphIds(editor)
    expect(after).toHaveLength(4)
    expect(after[1]).toBe(before[1])
    expect(before).not.toContain(after[2])
    expectUnique(after)
  })

  it('gives pasted paragraphs new ids even when they were copied from this document', () => {
    const editor = collaborativeEditor(seededDoc())
    const [ppId] = paragraphIds(editor)
    const copied = [
      `<p data-type="pp" data-id="${ppId}">Recalling its earlier resolutions on the matter,</p>`,
      `<p data-type="pp" data-id="${ppId}">Recalling also its later resolutions,</p>`,
      `<p data-type="pp" data-id="${ppId}">Noting the report,</p>`,
    ].join('')
    editor.commands.setTextSelection(positionIn(editor, 'Recalling', 'Recalling its earlier resolutions on the matter,'.length))
    editor.view.pasteHTML(copied)
    const ids = paragraphIds(editor)
    expect(ids.length).toBeGreaterThanOrEqual(5)
    expect(ids[0]).toBe(ppId)
    expectUnique(ids)
  })

  it('stays unique when two people split the same paragraph at the same time', () => {
    const docA = seededDoc()
    const docB = new Y.Doc()
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
    const a = collaborativeEditor(docA)
    const b = collaborativeEditor(docB)
    expect(paragraphIds(b)).toEqual(paragraphIds(a))

    // Both split OP 1 before either hears of the other's change.
    splitAt(a, positionIn(a, 'Urges', 'Urges all States'.length))
    splitAt(b, positionIn(b, 'Urges', 'Urges all States to cooperate'.length))
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)))
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)))

    expect(a.state.doc.toJSON()).toEqual(b.state.doc.toJSON())
    expectUnique(paragraphIds(a))
    expect(paragraphIds(a).length).toBeGreaterThanOrEqual(5)
  })

  it('keeps the id when Tab makes an OP a sub-paragraph', () => {
    const editor = collaborativeEditor(seededDoc())
    const before = paragraphIds(editor)
    editor.commands.setTextSelection(positionIn(editor, 'Decides', 2))
    expect(editor.commands.indentParagraph()).toBe(true)
    expect(paragraphIds(editor)).toEqual(before)
    const levels: number[] = []
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'op') levels.push(node.attrs.level)
    })
    expect(levels).toEqual([0, 1])
  })

  it('keeps the id when a PP becomes an OP and back, moving it to the other part', () => {
    const editor = collaborativeEditor(seededDoc())
    const [ppId, firstOpId] = paragraphIds(editor)
    editor.commands.setTextSelection(positionIn(editor, 'Urges', 3))
    expect(editor.commands.togglePreambularOperative()).toBe(true)
    expect(editor.state.selection.$from.parent.type.name).toBe('pp')
    expect(editor.state.doc.child(3).childCount).toBe(2)
    expect(editor.state.doc.child(3).lastChild!.attrs.id).toBe(firstOpId)

    expect(editor.commands.togglePreambularOperative()).toBe(true)
    expect(editor.state.doc.child(4).firstChild!.attrs.id).toBe(firstOpId)
    expect(editor.state.doc.child(4).firstChild!.textContent).toMatch(/^Urges all States/)
    expect(paragraphIds(editor)[0]).toBe(ppId)
  })

  it('refuses to move the only PP, which the schema requires', () => {
    const editor = collaborativeEditor(seededDoc())
    editor.commands.setTextSelection(positionIn(editor, 'Recalling', 3))
    expect(editor.commands.togglePreambularOperative()).toBe(false)
  })

  it('keeps the id and the cursor when a paragraph moves down and up within its part', () => {
    const doc = seededDoc()
    const editor = collaborativeEditor(doc)
    const [, urges, decides] = paragraphIds(editor)
    editor.commands.setTextSelection(positionIn(editor, 'Urges', 3))
    expect(editor.commands.moveParagraph('down')).toBe(true)
    expect(paragraphIds(editor).slice(1)).toEqual([decides, urges])
    expect(editor.state.selection.$from.parent.attrs.id).toBe(urges)
    expect(editor.state.selection.$from.parentOffset).toBe(3)
    // The other people get the same order, with the same ids, through Yjs.
    const replica = collaborativeEditor(doc)
    expect(paragraphIds(replica).slice(1)).toEqual([decides, urges])
    // Already the last OP: it goes no further, and the PP above the operative part stays put.
    expect(editor.commands.moveParagraph('down')).toBe(false)
    expect(editor.commands.moveParagraph('up')).toBe(true)
    expect(paragraphIds(editor).slice(1)).toEqual([urges, decides])
    expect(editor.commands.moveParagraph('up')).toBe(false)
  })
})
