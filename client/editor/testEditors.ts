import { Editor, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import type { Node as PMNode } from '@tiptap/pm/model'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterEach } from 'vitest'
import * as Y from 'yjs'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { emptyHeading, type ResolutionDraft } from '../../shared/paragraphs/types'
import { resolutionExtensions, resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'

/** Test support: real Tiptap editors bound to Y.Docs, as in the browser, seeded as the server seeds them. */

/** A resolution with words worth commenting on. */
export const COMMENTED_DRAFT: ResolutionDraft = {
  heading: { ...emptyHeading(), symbol: 'A/C.3/81/L.7', session: 'Eighty-first session', agendaItem: '68', sponsors: '' },
  language: 'en',
  adoption: '',
  title: 'Children and armed conflict',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling its resolutions on the rights of the child and on the protection of civilians in armed conflict,' },
    { kind: 'pp', text: 'Deeply concerned by the humanitarian situation and by attacks against schools and hospitals,' },
    { kind: 'pp', text: 'Noting with appreciation the work of the Special Representative of the Secretary-General,' },
    { kind: 'op', level: 0, text: 'Urges all States to cooperate fully with the mandate holder and to respond promptly to urgent appeals;' },
    { kind: 'op', level: 0, text: 'Calls upon all parties to armed conflict to respect international humanitarian law;' },
    { kind: 'op', level: 0, text: 'Requests the Secretary-General to submit a report at its eighty-second session;' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}

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

/** The PPs and OPs of `doc`, in order. */
export function paragraphsOf(doc: PMNode): Array<{ node: PMNode; pos: number }> {
  const found: Array<{ node: PMNode; pos: number }> = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'pp' || node.type.name === 'op') found.push({ node, pos })
    return !node.isTextblock
  })
  return found
}

/** A small deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
export function random(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)] }
}

export type Random = ReturnType<typeof random>

/**
 * Edits a negotiation sees all the time, one per call, at random: typing and deleting in the
 * editor, and another client typing or deleting (`replica`, relayed to the editor's `doc`), which
 * y-tiptap applies as a replacement of the whole document.
 */
export function textEdits(editor: Editor, doc: Y.Doc, replica: Y.Doc, rnd: Random, words: readonly string[]): Array<() => void> {
  const somewhere = () => {
    const { node, pos } = rnd.pick(paragraphsOf(editor.state.doc))
    return { at: pos + 1 + rnd.int(node.content.size + 1), end: pos + 1 + node.content.size }
  }
  return [
    () => editor.view.dispatch(editor.state.tr.insertText(rnd.pick(words), somewhere().at)),
    () => {
      const { at, end } = somewhere()
      if (at < end) editor.view.dispatch(editor.state.tr.delete(at, Math.min(end, at + 1 + rnd.int(12))))
    },
    () => {
      syncTo(doc, replica)
      const text = rnd.pick([...replica.getXmlFragment(YJS_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText)] as Y.XmlText[])
      if (rnd.int(2) === 0 || text.length === 0) text.insert(rnd.int(text.length + 1), rnd.pick(words))
      else text.delete(rnd.int(text.length), Math.min(text.length, 1 + rnd.int(6)))
      syncTo(replica, doc)
    },
  ]
}
