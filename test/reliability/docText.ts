import * as Y from 'yjs'

/** The paragraphs of a client's copy of a resolution, in order (PPs then OPs), read straight from Yjs. */
export interface DocParagraph {
  id: string
  element: Y.XmlElement
  /** The paragraph's first run of text (created by the server for every non-empty paragraph). */
  text: Y.XmlText | undefined
  /** All its words, footnote bodies left out. */
  plain: string
}

export function docParagraphs(doc: Y.Doc): DocParagraph[] {
  const out: DocParagraph[] = []
  for (const container of doc.getXmlFragment('default').toArray()) {
    if (!(container instanceof Y.XmlElement) || !['preamble', 'operatives'].includes(container.nodeName)) continue
    for (const element of container.toArray()) {
      if (!(element instanceof Y.XmlElement)) continue
      const runs = element.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)
      out.push({
        id: String(element.getAttribute('id') ?? ''),
        element,
        text: runs[0],
        plain: runs.map(plainText).join(''),
      })
    }
  }
  return out
}

export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
}

/** Every word of the text, paragraph after paragraph. */
export const allText = (doc: Y.Doc) => docParagraphs(doc).map((p) => p.plain).join('\n')
