import { Extension } from '@tiptap/core'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { CommentAnchor } from '../../shared/comments/types'
import { resolveAnchor } from './anchors'

/**
 * Commented words, highlighted by decorations: nothing is written into the document, so an
 * observer's comment never touches the text. Each open thread's anchor is resolved to a range;
 * a thread whose words were deleted resolves to nothing and is shown by the panel as such.
 */
export interface AnchoredThread {
  id: string
  anchor: CommentAnchor
  quote: string
  /** Shown on hover: who opened the thread and how it starts. */
  summary: string
}

export type ThreadRanges = ReadonlyMap<string, { from: number; to: number } | null>

interface HighlightState {
  threads: readonly AnchoredThread[]
  active: string | null
  ranges: ThreadRanges
  decorations: DecorationSet
  /** The ranges must be read again from Yjs once the binding has caught up (see anchors.ts). */
  stale: boolean
}

type Meta = { threads: readonly AnchoredThread[] } | { active: string | null } | { ranges: ThreadRanges }

const key = new PluginKey<HighlightState>('commentHighlights')

function decorate(state: EditorState, threads: readonly AnchoredThread[], ranges: ThreadRanges, active: string | null): DecorationSet {
  const decorations: Decoration[] = []
  for (const thread of threads) {
    const range = ranges.get(thread.id)
    if (!range) continue
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: thread.id === active ? 'comment-highlight is-active' : 'comment-highlight',
          'data-thread': thread.id,
          title: `${thread.summary} (click to open the thread)`,
        },
        { thread: thread.id },
      ),
    )
  }
  return DecorationSet.create(state.doc, decorations)
}

function readRanges(state: EditorState, threads: readonly AnchoredThread[]): ThreadRanges {
  return new Map(threads.map((thread) => [thread.id, resolveAnchor(state, thread.anchor, thread.quote)]))
}

function apply(tr: Transaction, previous: HighlightState, state: EditorState): HighlightState {
  const meta = tr.getMeta(key) as Meta | undefined
  if (meta && 'ranges' in meta) {
    return { ...previous, ranges: meta.ranges, stale: false, decorations: decorate(state, previous.threads, meta.ranges, previous.active) }
  }
  if (meta && 'active' in meta) {
    return { ...previous, active: meta.active, decorations: decorate(state, previous.threads, previous.ranges, meta.active) }
  }
  if (meta && 'threads' in meta) return { ...previous, threads: meta.threads, stale: true }
  // Until the ranges are read again, the old highlights follow the edit.
  if (tr.docChanged && previous.threads.length > 0) {
    return { ...previous, stale: true, decorations: previous.decorations.map(tr.mapping, tr.doc) }
  }
  return previous
}

/** Re-reads the ranges after every editor update, once Yjs has caught up with it. */
function refresher(view: EditorView) {
  let scheduled = false
  const refresh = () => {
    scheduled = false
    if (view.isDestroyed) return
    const current = key.getState(view.state)
    if (!current?.stale) return
    view.dispatch(view.state.tr.setMeta(key, { ranges: readRanges(view.state, current.threads) }).setMeta('addToHistory', false))
  }
  return {
    update: () => {
      if (scheduled || !key.getState(view.state)?.stale) return
      scheduled = true
      // After every plugin view has run, y-sync's included (it writes local edits to Yjs there).
      queueMicrotask(refresh)
    },
  }
}

export interface CommentHighlightOptions {
  /** A highlight was clicked: open its thread. */
  onOpen: (threadId: string) => void
}

export const CommentHighlights = Extension.create<CommentHighlightOptions>({
  name: 'commentHighlights',
  addOptions: () => ({ onOpen: () => {} }),
  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin<HighlightState>({
        key,
        state: {
          init: () => ({ threads: [], active: null, ranges: new Map(), decorations: DecorationSet.empty, stale: false }),
          apply: (tr, previous, _old, state) => apply(tr, previous, state),
        },
        view: refresher,
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const [found] = key.getState(view.state)?.decorations.find(pos, pos) ?? []
            if (found) options.onOpen((found.spec as { thread: string }).thread)
            // The click still places the cursor, as on any word.
            return false
          },
        },
      }),
    ]
  },
})

/** Hands the open threads to the editor (they arrive over the event stream). */
export function setThreads(view: EditorView, threads: readonly AnchoredThread[]): void {
  view.dispatch(view.state.tr.setMeta(key, { threads }).setMeta('addToHistory', false))
}

/** Marks one thread's words as the one being read. */
export function setActiveThread(view: EditorView, active: string | null): void {
  view.dispatch(view.state.tr.setMeta(key, { active }).setMeta('addToHistory', false))
}

/** Where each thread's words are now; null for a thread whose words were deleted. */
export function threadRanges(state: EditorState): ThreadRanges {
  return key.getState(state)?.ranges ?? new Map()
}
