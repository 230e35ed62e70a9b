// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { RemoteChangesStayPut } from './remoteScroll'
import { COMMENTED_DRAFT, editorFactory, replicaOf, seededDoc, syncTo } from './testEditors'
import * as Y from 'yjs'
import { YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'

const editorOn = editorFactory([RemoteChangesStayPut])

/** Whether the view would skip its own scrolling to the selection after the last transaction. */
const scrollSkipped = (view: ReturnType<typeof editorOn>['view']) => view.someProp('handleScrollToSelection', (f) => f(view)) === true

describe('RemoteChangesStayPut', () => {
  it('skips scrolling to the caret after a remote change, and scrolls after one’s own', () => {
    const doc = seededDoc(COMMENTED_DRAFT)
    const editor = editorOn(doc)
    const replica = replicaOf(doc)
    const text = [...replica.getXmlFragment(YJS_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText)].at(-1) as Y.XmlText
    text.insert(0, 'Also ')
    syncTo(replica, doc)
    expect(editor.getText()).toContain('Also ')
    expect(scrollSkipped(editor.view)).toBe(true)
    editor.commands.insertContent('x')
    expect(scrollSkipped(editor.view)).toBe(false)
    text.insert(0, 'Again ')
    syncTo(replica, doc)
    expect(scrollSkipped(editor.view)).toBe(true)
    editor.commands.scrollIntoView()
    expect(scrollSkipped(editor.view)).toBe(false)
  })
})
