// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { resolutionExtensions, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { ObservableV2 } from 'lib0/observable'
import { CARET_MS, caretAwareness, caretProvider } from './caretAwareness'
import { COMMENTED_DRAFT, paragraphsOf, replicaOf, seededDoc, syncTo } from './testEditors'

const editors: Editor[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const editor of editors.splice(0)) editor.destroy()
  document.body.innerHTML = ''
})

/** A focused editor with carets, as in the room, and how many times its awareness was published. */
function focusedEditor(doc: Y.Doc, wrap: typeof caretProvider) {
  const awareness = new Awareness(doc)
  const published = { count: 0 }
  awareness.on('update', () => (published.count += 1))
  const element = document.createElement('div')
  document.body.append(element)
  const editor = new Editor({
    element,
    extensions: [
      ...resolutionExtensions,
      Collaboration.configure({ document: doc }),
      // A provider as the room has it: events of its own, and the awareness.
      CollaborationCaret.configure({ provider: wrap(Object.assign(new ObservableV2<{ synced: () => void }>(), { awareness })), user: { name: 'Chair', color: '#123456' } }),
    ],
  })
  editors.push(editor)
  const [, second] = paragraphsOf(editor.state.doc)
  editor.view.focus()
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, second!.pos + 3)))
  vi.advanceTimersByTime(CARET_MS)
  return { editor, awareness, published }
}

/** Another delegate types at the end of the last paragraph; the change reaches the editor's document. */
function remoteTyping(doc: Y.Doc, times: number) {
  const replica = replicaOf(doc)
  const texts = [...replica.getXmlFragment(YJS_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText)] as Y.XmlText[]
  const last = texts.at(-1)!
  for (let i = 0; i < times; i++) {
    last.insert(last.length, ' and more')
    syncTo(replica, doc)
  }
}

describe('caretAwareness', () => {
  it('does not publish a caret that other people’s typing did not move', () => {
    vi.useFakeTimers()
    const doc = seededDoc(COMMENTED_DRAFT)
    const { editor, published } = focusedEditor(doc, caretProvider)
    expect(editor.view.hasFocus()).toBe(true)
    const before = published.count
    remoteTyping(doc, 5)
    vi.advanceTimersByTime(CARET_MS)
    expect(editor.getText()).toContain('and more and more')
    expect(published.count).toBe(before)
  })

  it('the stock awareness publishes it after every remote change: the cost this avoids', () => {
    vi.useFakeTimers()
    const doc = seededDoc(COMMENTED_DRAFT)
    const { published } = focusedEditor(doc, (provider) => provider)
    const before = published.count
    remoteTyping(doc, 5)
    expect(published.count).toBeGreaterThanOrEqual(before + 5)
  })

  it('publishes a moving caret once per CARET_MS, after the keystrokes; a lost caret at once; anything else as given', () => {
    vi.useFakeTimers()
    const doc = seededDoc(COMMENTED_DRAFT)
    const { editor, awareness, published } = focusedEditor(doc, caretProvider)
    const caret = () => awareness.getLocalState()?.cursor as { head: Y.RelativePosition } | null
    const before = caret()
    const count = published.count
    editor.commands.insertContent('x')
    editor.commands.insertContent('y')
    editor.commands.insertContent('z')
    expect(published.count).toBe(count)
    vi.advanceTimersByTime(CARET_MS)
    expect(published.count).toBe(count + 1)
    expect(Y.compareRelativePositions(caret()!.head, before!.head)).toBe(false)
    const shared = caretAwareness(awareness)
    shared.setLocalStateField('cursor', before)
    shared.setLocalStateField('cursor', null)
    expect(caret()).toBeNull()
    vi.advanceTimersByTime(CARET_MS)
    expect(caret()).toBeNull()
    caretAwareness(awareness).setLocalStateField('user', { name: 'Chair of the committee', color: '#123456' })
    expect(awareness.getLocalState()?.user).toEqual({ name: 'Chair of the committee', color: '#123456' })
  })
})
