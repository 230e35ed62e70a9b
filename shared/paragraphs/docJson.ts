import type { Footnote } from './types'

/**
 * The ProseMirror JSON shape of a resolution document, as both `editor.getJSON()` and y-tiptap's
 * schema-less `yXmlFragmentToProsemirrorJSON` produce it. Kept loose on purpose: the readers below
 * must cope with anything a Yjs document may hold without throwing.
 */
export interface DocJson {
  type: string
  attrs?: Record<string, unknown>
  content?: DocJson[]
  text?: string
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
}

export function textOf(node: DocJson | undefined): string {
  if (!node) return ''
  if (typeof node.text === 'string') return node.text
  return (node.content ?? []).map(textOf).join('')
}

export function childOfType(node: DocJson | undefined, type: string): DocJson | undefined {
  return node?.content?.find((child) => child.type === type)
}

/** The footnotes of a paragraph node, each with its marker's offset in `textOf(node)`. */
export function footnotesOf(node: DocJson | undefined): Footnote[] {
  const footnotes: Footnote[] = []
  let offset = 0
  for (const child of node?.content ?? []) {
    if (child.type === 'footnote') footnotes.push({ offset, text: String(child.attrs?.text ?? '') })
    else offset += textOf(child).length
  }
  return footnotes
}
