// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { ResolutionEditing } from '../editor/resolutionEditing'
import { COMMENTED_DRAFT, editorFactory, paragraphsOf, random, replicaOf, seededDoc, syncTo, textEdits } from '../editor/testEditors'
import { anchorFromRange, resolveAnchor } from './anchors'
import { type AnchoredThread, CommentHighlights, setActiveThread, setThreads, threadRanges } from './commentHighlights'

// Counts the anchors read from Yjs, to show that an edit reads only those it may have moved.
const reads = vi.hoisted(() => ({ count: 0 }))
vi.mock('./anchors', async (original) => {
  const actual = await original<typeof import('./anchors')>()
  return {
    ...actual,
    anchorResolver: (...args: Parameters<typeof actual.anchorResolver>) => {
      const resolve = actual.anchorResolver(...args)
      return (
        resolve &&
        ((...call: Parameters<NonNullable<typeof resolve>>) => {
          reads.count += 1
          return resolve(...call)
        })
      )
    },
  }
})

const PHRASES = ['rights of the child', 'humanitarian situation', 'cooperate fully', 'mandate holder', 'international humanitarian law', 'submit a report']

const editorOn = editorFactory([ResolutionEditing, CommentHighlights])

/** Lets the highlights catch up: they are read again in a microtask after each update. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

function threadOn(editor: Editor, phrase: string): AnchoredThread {
  for (const { node, pos } of paragraphsOf(editor.state.doc)) {
    const offset = node.textContent.indexOf(phrase)
    if (offset < 0) continue
    const anchor = anchorFromRange(editor.state, pos + 1 + offset, pos + 1 + offset + phrase.length)!
    return { id: `t-${phrase}`, anchor, quote: phrase, summary: `On ${phrase}` }
  }
  throw new Error(`no paragraph holds "${phrase}"`)
}

async function commentedEditor() {
  const doc = seededDoc(COMMENTED_DRAFT)
  const editor = editorOn(doc)
  const threads = PHRASES.map((phrase) => threadOn(editor, phrase))
  setThreads(editor.view, threads)
  await settled()
  return { doc, editor, threads }
}

/** Where a full reading of every anchor puts each thread. */
const fromScratch = (editor: Editor, threads: AnchoredThread[]) =>
  new Map(threads.map((t) => [t.id, resolveAnchor(editor.state, t.anchor, t.quote)]))

const WORDS = ['co', 'the ', 'x', 'cooperate fully ', ' and ', 'schools']

describe('comment highlights', () => {
  it('show every open thread on its words, the one being read marked', async () => {
    const { editor, threads } = await commentedEditor()
    setActiveThread(editor.view, threads[2].id)
    const shown = [...editor.view.dom.querySelectorAll('.comment-highlight')]
    expect(shown.map((e) => e.textContent)).toEqual(PHRASES)
    expect(editor.view.dom.querySelector('.comment-highlight.is-active')?.textContent).toBe('cooperate fully')
  })

  it.each([1, 2, 3, 4])('stay where a full reading of the anchors puts them through random local and remote edits (seed %i)', async (seed) => {
    const { doc, editor, threads } = await commentedEditor()
    const replica = replicaOf(doc)
    const rnd = random(seed)
    const edits: Array<() => void> = [
      ...textEdits(editor, doc, replica, rnd, WORDS),
      () => {
        const { node, pos } = rnd.pick(paragraphsOf(editor.state.doc))
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 1 + rnd.int(node.content.size + 1))))
        if (rnd.int(2) === 0) editor.commands.splitBlock()
        else editor.commands.moveParagraph(rnd.pick(['up', 'down'] as const))
      },
    ]
    for (let step = 0; step < 200; step++) {
      rnd.pick(edits)()
      await settled()
      expect(threadRanges(editor.state), `step ${step}`).toEqual(fromScratch(editor, threads))
    }
  })

  it('read again only the anchors in the paragraph an edit touched', async () => {
    const { editor } = await commentedEditor()
    const [, , , urges, , , decides] = paragraphsOf(editor.state.doc)
    reads.count = 0
    editor.view.dispatch(editor.state.tr.insertText('x', decides.pos + 1))
    await settled()
    expect(reads.count).toBe(0)
    editor.view.dispatch(editor.state.tr.insertText('x', urges.pos + 1))
    await settled()
    // "cooperate fully" and "mandate holder" are in that paragraph.
    expect(reads.count).toBe(2)
  })

  it('follow a remote edit, reading again only the anchors of the paragraph it changed', async () => {
    const { doc, editor, threads } = await commentedEditor()
    const replica = replicaOf(doc)
    const first = replica.getXmlFragment('default').createTreeWalker((t) => t instanceof Y.XmlElement && t.nodeName === 'pp').next().value as Y.XmlElement
    reads.count = 0
    ;(first.get(0) as Y.XmlText).insert(0, 'Also ')
    syncTo(replica, doc)
    await settled()
    expect(threadRanges(editor.state)).toEqual(fromScratch(editor, threads))
    expect(reads.count).toBe(1)
  })
})
