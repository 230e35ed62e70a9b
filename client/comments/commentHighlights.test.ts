// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { emptyHeading, type ResolutionDraft } from '../../shared/paragraphs/types'
import { ResolutionEditing } from '../editor/resolutionEditing'
import { editorFactory, replicaOf, seededDoc, syncTo } from '../editor/testEditors'
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

const DRAFT: ResolutionDraft = {
  heading: { ...emptyHeading(), symbol: 'A/C.3/81/L.7' },
  language: 'en',
  adoption: '',
  title: 'Children and armed conflict',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling its resolutions on the rights of the child and on the protection of civilians,' },
    { kind: 'pp', text: 'Deeply concerned by attacks against schools and hospitals,' },
    { kind: 'op', level: 0, text: 'Urges all States to cooperate fully with the mandate holder and to respond promptly;' },
    { kind: 'op', level: 0, text: 'Calls upon all parties to armed conflict to respect international humanitarian law;' },
    { kind: 'op', level: 0, text: 'Requests the Secretary-General to submit a report at its next session;' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}
const PHRASES = ['rights of the child', 'attacks against schools', 'cooperate fully', 'mandate holder', 'armed conflict', 'submit a report']

const editorOn = editorFactory([ResolutionEditing, CommentHighlights])

/** Lets the highlights catch up: they are read again in a microtask after each update. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

function paragraphs(doc: PMNode): Array<{ node: PMNode; pos: number }> {
  const found: Array<{ node: PMNode; pos: number }> = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'pp' || node.type.name === 'op') found.push({ node, pos })
    return !node.isTextblock
  })
  return found
}

function threadOn(editor: Editor, phrase: string): AnchoredThread {
  for (const { node, pos } of paragraphs(editor.state.doc)) {
    const offset = node.textContent.indexOf(phrase)
    if (offset < 0) continue
    const anchor = anchorFromRange(editor.state, pos + 1 + offset, pos + 1 + offset + phrase.length)!
    return { id: `t-${phrase}`, anchor, quote: phrase, summary: `On ${phrase}` }
  }
  throw new Error(`no paragraph holds "${phrase}"`)
}

async function commentedEditor() {
  const doc = seededDoc(DRAFT)
  const editor = editorOn(doc)
  const threads = PHRASES.map((phrase) => threadOn(editor, phrase))
  setThreads(editor.view, threads)
  await settled()
  return { doc, editor, threads }
}

/** Where a full reading of every anchor puts each thread. */
const fromScratch = (editor: Editor, threads: AnchoredThread[]) =>
  new Map(threads.map((t) => [t.id, resolveAnchor(editor.state, t.anchor, t.quote)]))

function random(seed: number) {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const int = (n: number) => Math.floor(next() * n)
  return { int, pick: <T,>(items: readonly T[]): T => items[int(items.length)] }
}

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
      () => {
        const { node, pos } = rnd.pick(paragraphs(editor.state.doc))
        editor.view.dispatch(editor.state.tr.insertText(rnd.pick(WORDS), pos + 1 + rnd.int(node.content.size + 1)))
      },
      () => {
        const { node, pos } = rnd.pick(paragraphs(editor.state.doc))
        const from = pos + 1 + rnd.int(node.content.size + 1)
        const to = Math.min(pos + 1 + node.content.size, from + 1 + rnd.int(20))
        if (from < to) editor.view.dispatch(editor.state.tr.delete(from, to))
      },
      () => {
        const { node, pos } = rnd.pick(paragraphs(editor.state.doc))
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 1 + rnd.int(node.content.size + 1))))
        if (rnd.int(2) === 0) editor.commands.splitBlock()
        else editor.commands.moveParagraph(rnd.pick(['up', 'down'] as const))
      },
      () => {
        syncTo(doc, replica)
        const texts = [...replica.getXmlFragment('default').createTreeWalker((t) => t instanceof Y.XmlText)] as Y.XmlText[]
        const text = rnd.pick(texts)
        if (rnd.int(2) === 0 || text.length === 0) text.insert(rnd.int(text.length + 1), rnd.pick(WORDS))
        else text.delete(rnd.int(text.length), Math.min(text.length, 1 + rnd.int(6)))
        syncTo(replica, doc)
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
    const [, , urges, , , decides] = paragraphs(editor.state.doc)
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
