import { Editor, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterEach } from 'vitest'
import * as Y from 'yjs'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import type { ResolutionDraft } from '../../shared/paragraphs/types'
import { resolutionExtensions, resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'

/** Test support: real Tiptap editors bound to Y.Docs, as in the browser, seeded as the server seeds them. */

export function seededDoc(draft: ResolutionDraft): Y.Doc {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(resolutionSchema, draftToDocJson(draft), doc.getXmlFragment(YJS_FRAGMENT))
  return doc
}

/** Sends `from`'s changes that `to` lacks, as the server would relay them. */
export function syncTo(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** A copy of `doc`, as another client has it after its first sync. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc()
  syncTo(doc, replica)
  return replica
}

/** Makes editors bound to a Y.Doc with the given extensions, destroyed after each test. */
export function editorFactory(extensions: AnyExtension[]): (doc: Y.Doc) => Editor {
  const editors: Editor[] = []
  afterEach(() => {
    for (const editor of editors.splice(0)) editor.destroy()
  })
  return (doc) => {
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [...resolutionExtensions, ...extensions, Collaboration.configure({ document: doc })],
    })
    editors.push(editor)
    return editor
  }
}
