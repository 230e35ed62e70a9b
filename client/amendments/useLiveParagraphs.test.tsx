// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { emptyHeading, type Paragraph, type ResolutionDraft } from '../../shared/paragraphs/types'
import { resolutionExtensions, resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { FOLLOW_MS, useLiveParagraphs } from './useLiveParagraphs'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const DRAFT: ResolutionDraft = {
  heading: emptyHeading(),
  language: 'en',
  adoption: '',
  title: 'Safe water',
  enacting: 'The General Assembly,',
  paragraphs: [
    { kind: 'pp', text: 'Recalling its resolutions on the human right to safe drinking water,' },
    { kind: 'op', level: 0, text: 'Calls upon all States to ensure access to safe drinking water;' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}

const editors: Editor[] = []
let root: Root | undefined
afterEach(() => {
  vi.useRealTimers()
  act(() => root?.unmount())
  root = undefined
  for (const editor of editors.splice(0)) editor.destroy()
  document.body.innerHTML = ''
})

function editorOn(doc: Y.Doc): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: [...resolutionExtensions, Collaboration.configure({ document: doc })] })
  editors.push(editor)
  return editor
}

const renders = { count: 0 }

function Probe({ editor, fromServer }: { editor: Editor; fromServer: Paragraph[] }) {
  const paragraphs = useLiveParagraphs(editor, fromServer)
  renders.count += 1
  return (
    <ol>
      {paragraphs.map((p) => (
        <li key={p.id} data-status={p.status}>
          {p.kind === 'pp' ? p.number : `OP ${p.number}`}: {p.text}
        </li>
      ))}
    </ol>
  )
}

describe('useLiveParagraphs', () => {
  it('follows a remote change to the text within FOLLOW_MS, in one render however many changes, with the statuses the server announced', () => {
    vi.useFakeTimers()
    const here = new Y.Doc()
    prosemirrorJSONToYXmlFragment(resolutionSchema, draftToDocJson(DRAFT), here.getXmlFragment(YJS_FRAGMENT))
    const there = new Y.Doc()
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    here.on('update', (update: Uint8Array, origin: unknown) => origin !== 'there' && Y.applyUpdate(there, update, 'here'))
    there.on('update', (update: Uint8Array, origin: unknown) => origin !== 'here' && Y.applyUpdate(here, update, 'there'))
    const editor = editorOn(here)
    const remote = editorOn(there)

    // The server's reading, seconds old: the old text, and OP 1 agreed ad ref.
    let op1 = ''
    editor.state.doc.descendants((node) => {
      if (!op1 && node.type.name === 'op') op1 = String(node.attrs.id)
      return !op1
    })
    const fromServer: Paragraph[] = [{ id: op1, kind: 'op', number: '1', text: 'stale', status: 'agreed-ad-ref', footnotes: [] }]
    const container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
    act(() => root!.render(<Probe editor={editor} fromServer={fromServer} />))
    const items = () => [...container.querySelectorAll('li')].map((li) => li.textContent)
    expect(items()).toEqual([
      'PP1: Recalling its resolutions on the human right to safe drinking water,',
      'OP 1: Calls upon all States to ensure access to safe drinking water;',
      'OP 2: Decides to remain seized of the matter.',
    ])
    expect(container.querySelectorAll('li')[1]!.dataset.status).toBe('agreed-ad-ref')

    // Someone else's change (as an accepted proposal arrives): replace "Calls upon" with "Urges".
    act(() => {
      let from = -1
      remote.state.doc.descendants((node, pos) => {
        if (from < 0 && node.type.name === 'op') from = pos + 1
        return from < 0
      })
      remote.chain().insertContentAt({ from, to: from + 'Calls upon'.length }, 'Urges').run()
      remote.chain().insertContentAt(from + 'Urges'.length, ' again').run()
    })
    // Not between the keystroke and its paint: the room renders a moment later, once for both changes.
    const before = renders.count
    expect(items()[1]).toBe('OP 1: Calls upon all States to ensure access to safe drinking water;')
    act(() => vi.advanceTimersByTime(FOLLOW_MS))
    expect(items()[1]).toBe('OP 1: Urges again all States to ensure access to safe drinking water;')
    expect(renders.count).toBe(before + 1)
  })
})
