import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type { EditorState } from '@tiptap/pm/state'
import * as Y from 'yjs'

/**
 * Which paragraphs change in Yjs, where comment anchors live: an anchor can only resolve
 * differently once the paragraph holding its words changes (anything else only moves it, which
 * the editor's own mapping follows), or once paragraphs are added, removed or moved.
 */

const PARAGRAPHS = new Set(['pp', 'op'])
const CONTAINERS = new Set(['preamble', 'operatives'])

/** The Yjs element of the PP or OP that holds `type` (or is it), if any. */
export function paragraphElement(type: Y.AbstractType<unknown> | null): Y.XmlElement | null {
  for (let current = type; current; current = current._item?.parent instanceof Y.AbstractType ? current._item.parent : null) {
    if (current instanceof Y.XmlElement && PARAGRAPHS.has(current.nodeName)) return current
  }
  return null
}

/** The editor's Yjs document and the fragment it is bound to, if it is bound. */
export function yjsBinding(state: EditorState): { doc: Y.Doc; type: Y.XmlFragment } | null {
  const sync = ySyncPluginKey.getState(state) as { doc?: Y.Doc; type?: Y.XmlFragment } | undefined
  return sync?.doc && sync.type ? { doc: sync.doc, type: sync.type } : null
}

/** What a batch of Yjs changes touched: some paragraphs, or the order of the paragraphs itself. */
export type Touched = { paragraphs: Set<Y.XmlElement>; structure: boolean }

/** Adds what `events` touched to `touched`: the paragraphs changed, or whether paragraphs came or went. */
export function collectTouched(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, touched: Touched): void {
  for (const event of events) {
    const paragraph = paragraphElement(event.target)
    if (paragraph) touched.paragraphs.add(paragraph)
    else if (isContainer(event.target) && event.changes.delta.length > 0) touched.structure = true
  }
}

/** The document root or a part that holds paragraphs; heading fields and the title hold no anchors. */
const isContainer = (type: Y.AbstractType<unknown>) =>
  type instanceof Y.XmlElement ? CONTAINERS.has(type.nodeName) : type instanceof Y.XmlFragment
