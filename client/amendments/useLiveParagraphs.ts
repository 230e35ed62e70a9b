import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution } from '../../shared/paragraphs/readResolution'
import { laterWhenIdle } from '../idle'
import { keepUnchanged } from '../../shared/paragraphs/keepUnchanged'
import type { Paragraph } from '../../shared/paragraphs/types'

/**
 * How long the panels lag the text, at least (then they wait for an idle moment, see idle.ts):
 * soon enough to read as live, and the room re-renders at most ten times a second however fast
 * twenty delegates type, never between a keystroke and its paint.
 */
export const FOLLOW_MS = 100

/**
 * The paragraphs as the editor holds them — every local keystroke and every remote change (an
 * accepted proposal arrives as a Yjs update), at most FOLLOW_MS later — read by the same function
 * the server uses, with the statuses the server last announced. Panels read the present from here,
 * never from a fetch that may be seconds old; until the editor exists, the server's reading stands
 * in. A paragraph that did not change keeps its object, so a panel memoised on it does not render,
 * and a change that alters nothing the panels show (a caret's move, a mark) renders nothing.
 */
export function useLiveParagraphs(editor: Editor | null, fromServer: readonly Paragraph[]): readonly Paragraph[] {
  const [live, setLive] = useState<Paragraph[] | null>(null)
  useEffect(() => {
    if (!editor) return
    const statuses = new Map(fromServer.map((p) => [p.id, p.status] as const))
    let cancel: (() => void) | undefined
    const read = () => {
      cancel = undefined
      if (editor.isDestroyed) return
      const now = readResolution(editor.state.doc.toJSON() as DocJson, statuses).paragraphs
      // The previous list itself when nothing shown changed: the room then skips the render.
      setLive((previous) => keepUnchanged(previous ?? [], now))
    }
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) cancel ??= laterWhenIdle(read, FOLLOW_MS)
    }
    editor.on('transaction', onTransaction)
    read()
    return () => {
      cancel?.()
      editor.off('transaction', onTransaction)
    }
  }, [editor, fromServer])
  return (editor && live) || fromServer
}
