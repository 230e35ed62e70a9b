import * as Y from 'yjs'
import { YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'

/** Reading paragraphs straight from the Yjs document, without going through the schema. */

export interface LocatedParagraph {
  element: Y.XmlElement
  container: Y.XmlElement
  index: number
}

export const CONTAINERS = ['preamble', 'operatives'] as const

function containers(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(YJS_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && (CONTAINERS as readonly string[]).includes(node.nodeName))
}

export function findParagraph(doc: Y.Doc, paragraphId: string): LocatedParagraph | undefined {
  for (const container of containers(doc)) {
    const children = container.toArray()
    for (let index = 0; index < children.length; index++) {
      const element = children[index]
      if (element instanceof Y.XmlElement && element.getAttribute('id') === paragraphId) return { element, container, index }
    }
  }
  return undefined
}

/** The paragraph's Y.XmlText; an empty paragraph has none until something is typed into it. */
export function textOf(element: Y.XmlElement, create: boolean): Y.XmlText | undefined {
  const first = element.get(0)
  if (first instanceof Y.XmlText) return first
  if (!create) return undefined
  const text = new Y.XmlText()
  element.insert(0, [text])
  return text
}

/**
 * The runs of text of a paragraph, in order, with where each starts in the paragraph's words. A
 * footnote is an element between two runs, so a paragraph with footnotes has several.
 */
export function textRuns(element: Y.XmlElement): { text: Y.XmlText; start: number; length: number }[] {
  const runs: { text: Y.XmlText; start: number; length: number }[] = []
  let start = 0
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue
    const length = deltaText(child).length
    runs.push({ text: child, start, length })
    start += length
  }
  return runs
}

function deltaText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
}

/** The paragraph's words, without footnote bodies: the same text `readResolution` gives. */
export function paragraphText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? deltaText(child) : ''))
    .join('')
}


/** Every PP and OP element, in document order. */
export function paragraphElements(doc: Y.Doc): Y.XmlElement[] {
  return containers(doc).flatMap((container) =>
    container.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement),
  )
}

export function containerOf(doc: Y.Doc, name: (typeof CONTAINERS)[number]): Y.XmlElement {
  return containers(doc).find((container) => container.nodeName === name)!
}
