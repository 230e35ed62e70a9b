import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import type { CommentAnchor } from '../../shared/comments/types'
import { docChange } from '../editor/docChange'
import { anchorParagraph, anchorResolver, type TextRange } from './anchors'
import { collectTouched, type Touched, yjsBinding } from './yjsParagraphs'

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

export type ThreadRanges = ReadonlyMap<string, TextRange | null>

interface HighlightState {
  threads: readonly AnchoredThread[]
  byId: ReadonlyMap<string, AnchoredThread>
  active: string | null
  /** One inline decoration per thread whose words are there, mapped through every edit. */
  decorations: DecorationSet
}

/** New ranges for some threads, or for all of them (`complete`: the others have none). */
type Resolved = { ranges: ThreadRanges; complete: boolean }

type Meta = { threads: readonly AnchoredThread[] } | { active: string | null } | Resolved

const key = new PluginKey<HighlightState>('commentHighlights')

interface HighlightSpec {
  thread: string
}

function highlight(thread: AnchoredThread, { from, to }: TextRange, active: string | null): Decoration {
  const spec: HighlightSpec = { thread: thread.id }
  return Decoration.inline(
    from,
    to,
    {
      class: thread.id === active ? 'comment-highlight is-active' : 'comment-highlight',
      'data-thread': thread.id,
      title: `${thread.summary} (click to open the thread)`,
    },
    spec,
  )
}

/** The highlights of the threads in `ids`. */
const highlightsOf = (decorations: DecorationSet, ids: ReadonlySet<string | null>) =>
  decorations.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.thread))

/** Replaces the highlights of the threads in `ranges` (or of all threads, when complete). */
function withRanges(previous: HighlightState, doc: PMNode, { ranges, complete }: Resolved): HighlightState {
  const fresh = [...ranges].flatMap(([id, range]) => {
    const thread = previous.byId.get(id)
    return thread && range ? [highlight(thread, range, previous.active)] : []
  })
  const decorations = complete
    ? DecorationSet.create(doc, fresh)
    : previous.decorations.remove(highlightsOf(previous.decorations, new Set(ranges.keys()))).add(doc, fresh)
  return { ...previous, decorations }
}

/** Restyles the highlights of the thread that was being read and the one that now is. */
function withActive(previous: HighlightState, doc: PMNode, active: string | null): HighlightState {
  const stale = highlightsOf(previous.decorations, new Set([previous.active, active]))
  const fresh = stale.map((d) => highlight(previous.byId.get((d.spec as HighlightSpec).thread)!, d, active))
  return { ...previous, active, decorations: previous.decorations.remove(stale).add(doc, fresh) }
}

function apply(tr: Transaction, previous: HighlightState): HighlightState {
  const meta = tr.getMeta(key) as Meta | undefined
  if (meta && 'ranges' in meta) return withRanges(previous, tr.doc, meta)
  if (meta && 'active' in meta) return withActive(previous, tr.doc, meta.active)
  if (meta && 'threads' in meta) return { ...previous, threads: meta.threads, byId: new Map(meta.threads.map((t) => [t.id, t])) }
  // Until the anchors are read again, the highlights follow the edit.
  const change = tr.docChanged ? docChange(tr.before, tr.doc) : null
  return change ? { ...previous, decorations: previous.decorations.map(change.mapping, tr.doc) } : previous
}

/**
 * Reads anchors again from Yjs, once the binding has caught up with an edit: all of them when the
 * threads or the order of paragraphs change, otherwise only those whose paragraph changed. The
 * editor is told only when a highlight moved, appeared or went.
 */
function refresher(view: EditorView) {
  const binding = yjsBinding(view.state)
  const touched: Touched = { paragraphs: new Set(), structure: true }
  let homes = new Map<string, Y.XmlElement | null>()
  let scheduled = false
  const refresh = () => {
    scheduled = false
    if (view.isDestroyed) return
    const resolve = anchorResolver(view.state)
    // Not in step: the next update tries again.
    if (!resolve) return
    const { threads, decorations } = key.getState(view.state)!
    const complete = touched.structure
    if (complete) homes = new Map(threads.map((t) => [t.id, anchorParagraph(view.state, t.anchor)]))
    const due = complete ? threads : threads.filter((t) => touched.paragraphs.has(homes.get(t.id)!))
    touched.structure = false
    touched.paragraphs.clear()
    const shown = complete ? decorations.find() : highlightsOf(decorations, new Set(due.map((t) => t.id)))
    const now = new Map(shown.map((d) => [(d.spec as HighlightSpec).thread, d]))
    const ranges = new Map(due.map((t) => [t.id, resolve(t.anchor, t.quote)]))
    const moved = [...ranges].filter(([id, range]) => !sameRange(range, now.get(id) ?? null))
    // A complete reading also drops the highlights of threads that were closed.
    const closed = [...now.keys()].some((id) => !ranges.has(id))
    if (moved.length === 0 && !closed) return
    const meta: Resolved = { ranges: complete ? ranges : new Map(moved), complete }
    view.dispatch(view.state.tr.setMeta(key, meta).setMeta('addToHistory', false))
  }
  const schedule = () => {
    if (scheduled || (!touched.structure && touched.paragraphs.size === 0)) return
    scheduled = true
    // After every plugin view has run, y-sync's included (it writes local edits to Yjs there).
    queueMicrotask(refresh)
  }
  const observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    collectTouched(events, touched)
    schedule()
  }
  binding?.type.observeDeep(observe)
  return {
    update: (_view: EditorView, previous: EditorState) => {
      if (key.getState(previous)?.threads !== key.getState(view.state)?.threads) touched.structure = true
      schedule()
    },
    destroy: () => binding?.type.unobserveDeep(observe),
  }
}

const sameRange = (a: TextRange | null, b: TextRange | null) => a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to)

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
          init: () => ({ threads: [], byId: new Map(), active: null, decorations: DecorationSet.empty }),
          apply,
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

const rangesOf = new WeakMap<HighlightState, ThreadRanges>()

/** Where each thread's words are now; null for a thread whose words were deleted. */
export function threadRanges(state: EditorState): ThreadRanges {
  const highlights = key.getState(state)
  if (!highlights) return new Map()
  let ranges = rangesOf.get(highlights)
  if (!ranges) {
    const found = new Map(highlights.decorations.find().map((d) => [(d.spec as HighlightSpec).thread, { from: d.from, to: d.to }]))
    ranges = new Map(highlights.threads.map((t) => [t.id, found.get(t.id) ?? null]))
    rangesOf.set(highlights, ranges)
  }
  return ranges
}
