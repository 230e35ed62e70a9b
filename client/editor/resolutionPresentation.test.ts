// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { NodeSelection, type Plugin, TextSelection } from '@tiptap/pm/state'
import type { Decoration, DecorationSet } from '@tiptap/pm/view'
import { describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { emptyHeading, PARAGRAPH_STATUSES, type ResolutionDraft } from '../../shared/paragraphs/types'
import { Footnotes } from './footnotes'
import { ResolutionEditing } from './resolutionEditing'
import { annotate, paragraphAtSelection, presentationDecorations, ResolutionPresentation, type ParagraphAnnotations } from './resolutionPresentation'
import { editorFactory, paragraphsOf, type Random, random, replicaOf, seededDoc, textEdits } from './testEditors'

// Counts how often opening words are worked out: once per paragraph a change touches.
const openings = vi.hoisted(() => ({ calls: 0 }))
vi.mock('../../shared/paragraphs/openingWords', async (original) => {
  const actual = await original<typeof import('../../shared/paragraphs/openingWords')>()
  return {
    ...actual,
    openingLength: (...args: Parameters<typeof actual.openingLength>) => {
      openings.calls += 1
      return actual.openingLength(...args)
    },
  }
})

const DRAFT: ResolutionDraft = {
  heading: { ...emptyHeading(), symbol: 'A/C.3/81/L.9' },
  language: 'en',
  adoption: '',
  title: 'Presentation',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling its earlier resolutions on the matter,', footnotes: [{ offset: 9, text: 'Resolution 1/1.' }] },
    { kind: 'pp', text: 'Deeply concerned by the situation,' },
    { kind: 'op', level: 0, text: 'Urges all States to cooperate fully;' },
    { kind: 'op', level: 1, text: 'by providing information;', footnotes: [{ offset: 3, text: 'See annex.' }] },
    { kind: 'op', level: 2, text: 'in writing;' },
    { kind: 'op', level: 1, text: 'by responding promptly;' },
    { kind: 'op', level: 0, text: 'Calls upon all parties to respect the law;', footnotes: [{ offset: 10, text: 'Note.' }] },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}

const editorOn = editorFactory([ResolutionEditing, Footnotes, ResolutionPresentation])

function presentationOf(editor: Editor): DecorationSet {
  const plugin = editor.state.plugins.find((p) => (p as Plugin & { key: string }).key.startsWith('resolutionPresentation$'))!
  return plugin.props.decorations!.call(plugin, editor.state) as DecorationSet
}

/** Every decoration as text: where, which kind, what it sets; sorted, so two sets compare by value. */
function described(set: DecorationSet): string[] {
  return set
    .find()
    .map((d: Decoration) => {
      const { type } = d as unknown as { type: { attrs: object } }
      return `${d.from}-${d.to} ${(d as unknown as { inline: boolean }).inline ? 'inline' : 'node'} ${JSON.stringify(type.attrs)} ${JSON.stringify(d.spec)}`
    })
    .sort()
}

function cursorIn(editor: Editor, rnd: Random): void {
  const { node, pos } = rnd.pick(paragraphsOf(editor.state.doc))
  const at = pos + 1 + rnd.int(node.content.size + 1)
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(at))))
}

const WORDS = ['Urges ', 'Recalling ', 'all ', 'Deeply concerned ', 'x', ' ', 'Decides to ']

/** One random edit, local or from another client, of the kinds a negotiation sees. */
function randomEdit(editor: Editor, replica: Y.Doc, doc: Y.Doc, rnd: Random): void {
  const edits: Array<() => void> = [
    ...textEdits(editor, doc, replica, rnd, WORDS),
    () => {
      cursorIn(editor, rnd)
      editor.commands.splitBlock()
    },
    () => {
      const all = paragraphsOf(editor.state.doc)
      const i = 1 + rnd.int(all.length - 1)
      // From the end of one paragraph into the next: Backspace at a paragraph's start.
      editor.view.dispatch(editor.state.tr.delete(all[i].pos - 1, all[i].pos + 1))
    },
    () => {
      cursorIn(editor, rnd)
      editor.commands.indentParagraph()
    },
    () => {
      cursorIn(editor, rnd)
      editor.commands.outdentParagraph()
    },
    () => {
      cursorIn(editor, rnd)
      editor.commands.togglePreambularOperative()
    },
    () => {
      cursorIn(editor, rnd)
      editor.commands.moveParagraph(rnd.pick(['up', 'down'] as const))
    },
    () => {
      cursorIn(editor, rnd)
      editor.commands.insertFootnote()
    },
    () => {
      const footnotes: number[] = []
      editor.state.doc.descendants((node, pos) => {
        if (node.type.name === 'footnote') footnotes.push(pos)
      })
      if (footnotes.length === 0) return
      editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, rnd.pick(footnotes))))
      editor.commands.removeFootnote()
    },
    () => {
      const { node, pos } = rnd.pick(paragraphsOf(editor.state.doc))
      if (node.content.size > 0) editor.view.dispatch(editor.state.tr.delete(pos + 1, pos + 1 + node.content.size))
    },
    () => {
      const ids = paragraphsOf(editor.state.doc).map(({ node }) => String(node.attrs.id))
      const some = <T,>(value: () => T) => new Map(ids.filter(() => rnd.int(3) === 0).map((id) => [id, value()]))
      annotate(editor.view, {
        statuses: some(() => rnd.pick(PARAGRAPH_STATUSES.filter((s) => s !== 'agreed'))),
        pending: some(() => 1 + rnd.int(3)),
        comments: some(() => 1 + rnd.int(3)),
      })
    },
    () => {
      const heading = editor.state.doc.firstChild!
      editor.view.dispatch(editor.state.tr.setNodeMarkup(0, undefined, { ...heading.attrs, language: rnd.pick(['en', 'fr', 'en']) }))
    },
  ]
  rnd.pick(edits)()
}

function annotationsOf(editor: Editor): ParagraphAnnotations {
  const plugin = editor.state.plugins.find((p) => (p as Plugin & { key: string }).key.startsWith('resolutionPresentation$'))!
  return (plugin.getState(editor.state) as { annotations: ParagraphAnnotations }).annotations
}

describe('resolution presentation', () => {
  it.each([1, 2, 3, 4])('stays what a full recompute gives through random local and remote edits (seed %i)', (seed) => {
    const doc = seededDoc(DRAFT)
    const replica = replicaOf(doc)
    const editor = editorOn(doc)
    const rnd = random(seed)
    for (let step = 0; step < 250; step++) {
      randomEdit(editor, replica, doc, rnd)
      expect(described(presentationOf(editor)), `step ${step}`).toEqual(described(presentationDecorations(editor.state.doc, annotationsOf(editor))))
    }
  })

  it('numbers paragraphs, sub-paragraphs and footnotes and sets opening words in italics', () => {
    const editor = editorOn(seededDoc(DRAFT))
    const labels = (editor.view.dom as HTMLElement).querySelectorAll('[data-label]')
    expect([...labels].map((p) => p.getAttribute('data-label'))).toEqual(['PP1', 'PP2', '1.', '(a)', '(i)', '(b)', '2.', '3.'])
    expect([...editor.view.dom.querySelectorAll('sup[data-type="footnote"]')].map((f) => f.getAttribute('data-number'))).toEqual(['1', '2', '3'])
    expect([...editor.view.dom.querySelectorAll('.opening-words')].map((e) => e.textContent)).toEqual(['Recalling', 'Deeply concerned', 'Urges', 'Calls upon', 'Decides'])
  })

  it('works out the opening words only of the paragraph being typed in', () => {
    const editor = editorOn(seededDoc(DRAFT))
    const last = paragraphsOf(editor.state.doc).at(-1)!
    openings.calls = 0
    editor.view.dispatch(editor.state.tr.insertText('x', last.pos + 1 + last.node.content.size))
    expect(openings.calls).toBe(1)
  })

  it('reads the number of the paragraph at the cursor', () => {
    const editor = editorOn(seededDoc(DRAFT))
    const sub = paragraphsOf(editor.state.doc)[4]
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, sub.pos + 2)))
    expect(paragraphAtSelection(editor.state)).toMatchObject({ kind: 'sub', number: '1 (a) (i)', text: 'in writing;' })
  })
})

describe('locked paragraphs', () => {
  function lockedEditor() {
    const editor = editorOn(seededDoc(DRAFT))
    const all = paragraphsOf(editor.state.doc)
    annotate(editor.view, { statuses: new Map([[String(all[2].node.attrs.id), 'agreed']]), pending: new Map(), comments: new Map() })
    return { editor, all }
  }

  it('refuse local typing and deletions that reach into them', () => {
    const { editor, all } = lockedEditor()
    const before = editor.state.doc
    editor.view.dispatch(editor.state.tr.insertText('x', all[2].pos + 3))
    editor.view.dispatch(editor.state.tr.delete(all[1].pos + 3, all[2].pos + 3))
    expect(editor.state.doc.eq(before)).toBe(true)
  })

  it('let edits in the paragraphs around them through', () => {
    const { editor, all } = lockedEditor()
    editor.view.dispatch(editor.state.tr.insertText('y', all[3].pos + 1))
    editor.view.dispatch(editor.state.tr.insertText('x', all[1].pos + 1 + all[1].node.content.size))
    const texts = paragraphsOf(editor.state.doc).map(({ node }) => node.textContent)
    expect(texts[1]).toBe('Deeply concerned by the situation,x')
    expect(texts[3]).toBe('yby providing information;')
  })
})
