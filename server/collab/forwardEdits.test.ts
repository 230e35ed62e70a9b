import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { codePointDiff, replaceText } from './forwardEdits'
import { paragraphText } from './paragraphElements'

/** An OP as y-tiptap stores it: its words in runs of text, a footnote as an element between them. */
function opWithFootnote(before: string, after: string): { doc: Y.Doc; op: Y.XmlElement } {
  const doc = new Y.Doc()
  const op = new Y.XmlElement('op')
  doc.getXmlFragment('default').insert(0, [op])
  const footnote = new Y.XmlElement('footnote')
  footnote.setAttribute('text', 'United Nations, Treaty Series, vol. 1577, No. 27531.')
  op.insert(0, [new Y.XmlText(before), footnote, new Y.XmlText(after)])
  return { doc, op }
}

const shape = (op: Y.XmlElement) => op.toArray().map((child) => (child instanceof Y.XmlElement ? `[${child.nodeName}]` : child.toString()))

describe('replaceText on a paragraph with a footnote', () => {
  it('edits the words on both sides and keeps the footnote after the word it follows', () => {
    const { doc, op } = opWithFootnote('Urges States to ratify the Convention', ' and to implement it;')
    doc.transact(() => replaceText(op, 'Urges all States to ratify the Convention and to implement it fully;'))
    expect(paragraphText(op)).toBe('Urges all States to ratify the Convention and to implement it fully;')
    expect(shape(op)).toEqual(['Urges all States to ratify the Convention', '[footnote]', ' and to implement it fully;'])
  })

  it('deletes words on both sides of a footnote without deleting the footnote', () => {
    const { doc, op } = opWithFootnote('Urges States to ratify the Convention', ' and to implement it;')
    doc.transact(() => replaceText(op, 'Urges States to implement it;'))
    expect(paragraphText(op)).toBe('Urges States to implement it;')
    expect(op.toArray().filter((child) => child instanceof Y.XmlElement)).toHaveLength(1)
  })
})

describe('replaceText with characters outside the BMP', () => {
  const astral = ['𠀋', '👩🏽‍⚖️', '𝒜', '🇲🇽']

  it('never cuts a surrogate pair, so every copy holds the same whole characters', () => {
    for (const [i, char] of astral.entries()) {
      const doc = new Y.Doc()
      const op = new Y.XmlElement('op')
      doc.getXmlFragment('default').insert(0, [op])
      op.insert(0, [new Y.XmlText(`Urges ${char} States to act;`)])
      const target = `Urges ${astral[(i + 1) % astral.length]} States and ${char} to act;`
      doc.transact(() => replaceText(op, target))
      expect(paragraphText(op)).toBe(target)
      // A second copy built from the update holds the same text, with no lone surrogate.
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
      const text = paragraphText(copy.getXmlFragment('default').get(0) as Y.XmlElement)
      expect(text).toBe(target)
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    }
  })

  it('cuts only between whole characters when two astral characters share a high surrogate', () => {
    // "𝒜" and "𝒞" are D835 DC9C and D835 DC9E: a code-unit diff keeps D835 and swaps the low half.
    const diffs = codePointDiff('x 𝒜 y', 'x 𝒞 y')
    for (const [, chunk] of diffs) expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
  })
})
