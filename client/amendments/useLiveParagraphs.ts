import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useState } from 'react'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { readResolution } from '../../shared/paragraphs/readResolution'
import type { Paragraph } from '../../shared/paragraphs/types'

/**
 * The paragraphs as the editor holds them now — every local keystroke and every remote change
 * (an accepted proposal arrives as a Yjs update) — read by the same function the server uses, with
 * the statuses the server last announced. Panels read the present from here, never from a fetch
 * that may be seconds old; until the editor exists, the server's reading stands in.
 */
export function useLiveParagraphs(editor: Editor | null, fromServer: readonly Paragraph[]): Paragraph[] {
  const [revision, setRevision] = useState(0)
  useEffect(() => {
    if (!editor) return
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) setRevision((n) => n + 1)
    }
    editor.on('transaction', onTransaction)
    setRevision((n) => n + 1)
    return () => {
      editor.off('transaction', onTransaction)
    }
  }, [editor])
  const doc = useMemo(() => (editor && !editor.isDestroyed ? (editor.getJSON() as DocJson) : null), [editor, revision])
  return useMemo(() => {
    if (!doc) return [...fromServer]
    const statuses = new Map(fromServer.map((p) => [p.id, p.status] as const))
    return readResolution(doc, statuses).paragraphs
  }, [doc, fromServer])
}
