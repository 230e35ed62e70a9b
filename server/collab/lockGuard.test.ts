/**
 * The lock check looks only at what an update touched; these are the ways an update can touch an
 * agreed paragraph without typing into it, each of which a narrower check could miss.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newParagraph } from './forwardEdits'
import { LockGuard } from './lockGuard'

const CLIENT = Symbol('client')

/** A resolution with two PPs and two OPs, the first of each locked, and a client that has it all. */
function setUp() {
  const server = new Y.Doc()
  server.transact(() => {
    const preamble = new Y.XmlElement('preamble')
    const operatives = new Y.XmlElement('operatives')
    server.getXmlFragment('default').insert(0, [preamble, operatives])
    const footnote = new Y.XmlElement('footnote')
    footnote.setAttribute('text', 'A/RES/1/1')
    const agreedPp = newParagraph('pp', 'pp-1', 'Recalling its resolution')
    agreedPp.insert(1, [footnote, new Y.XmlText(' of last year,')])
    preamble.insert(0, [agreedPp, newParagraph('pp', 'pp-2', 'Noting the report,')])
    operatives.insert(0, [newParagraph('op', 'op-1', 'Calls upon all States to act;'), newParagraph('op', 'op-2', 'Decides to remain seized.')])
  })
  const guard = new LockGuard(server)
  guard.lock(['pp-1', 'op-1'])
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = text(server)
  /** Sends what `change` does on the client as one update; answers whether the guard undid it. */
  const send = (change: (parts: ReturnType<typeof partsOf>) => void): boolean => {
    const vector = Y.encodeStateVector(server)
    client.transact(() => change(partsOf(client)))
    const update = Y.encodeStateAsUpdate(client, vector)
    const undone = guard.apply(CLIENT, () => Y.applyUpdate(server, update, CLIENT))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
    return undone
  }
  return { server, client, guard, before, send }
}

const text = (doc: Y.Doc) => doc.getXmlFragment('default').toString()

function partsOf(doc: Y.Doc) {
  const root = doc.getXmlFragment('default')
  const preamble = root.get(0) as Y.XmlElement
  const operatives = root.get(1) as Y.XmlElement
  const paragraph = (container: Y.XmlElement, index: number) => container.get(index) as Y.XmlElement
  return {
    root,
    preamble,
    operatives,
    agreedPp: paragraph(preamble, 0),
    agreedOp: paragraph(operatives, 0),
    openOp: paragraph(operatives, 1),
    textOf: (element: Y.XmlElement) => element.get(0) as Y.XmlText,
  }
}

const refused: Array<[string, (parts: ReturnType<typeof partsOf>) => void]> = [
  ['types into its text', ({ agreedOp, textOf }) => textOf(agreedOp).insert(0, 'Never ')],
  ['formats its words', ({ agreedOp, textOf }) => textOf(agreedOp).format(0, 5, { italic: {} })],
  ['deletes it', ({ operatives }) => operatives.delete(0, 1)],
  ['moves it below its neighbour', ({ operatives }) => {
    operatives.delete(0, 1)
    operatives.insert(1, [newParagraph('op', 'op-1', 'Calls upon all States to act;')])
  }],
  ['replaces it with a copy of itself', ({ operatives }) => {
    operatives.delete(0, 1)
    operatives.insert(0, [newParagraph('op', 'op-1', 'Calls upon all States to act;')])
  }],
  ['changes its level', ({ agreedOp }) => agreedOp.setAttribute('level', '1')],
  ['changes its id', ({ agreedOp }) => agreedOp.setAttribute('id', 'op-9')],
  ['changes a footnote in it', ({ agreedPp }) => (agreedPp.get(1) as Y.XmlElement).setAttribute('text', 'A/RES/2/2')],
  ['inserts a paragraph inside it', ({ agreedOp }) => agreedOp.insert(1, [newParagraph('op', 'op-x', 'Inside')])],
  ['splits it in two (Enter in the middle)', ({ operatives, agreedOp, textOf }) => {
    textOf(agreedOp).delete(10, 19)
    operatives.insert(1, [newParagraph('op', 'op-x', 'all States to act;')])
  }],
  ['joins it with the paragraph after it', ({ operatives, agreedOp, openOp, textOf }) => {
    textOf(agreedOp).insert(textOf(agreedOp).length, textOf(openOp).toString())
    operatives.delete(1, 1)
  }],
  ['gives another paragraph its id', ({ openOp }) => openOp.setAttribute('id', 'op-1')],
  ['adds a second paragraph with its id', ({ operatives }) => operatives.insert(2, [newParagraph('op', 'op-1', 'Calls upon all States to act;')])],
  ['deletes the container that holds it', ({ root }) => root.delete(1, 1)],
  ['edits an open paragraph and the agreed one together', ({ agreedOp, openOp, textOf }) => {
    textOf(openOp).insert(0, 'Also ')
    textOf(agreedOp).insert(0, 'Never ')
  }],
]

describe('an update that touches an agreed paragraph', () => {
  it.each(refused)('is undone whole, on the server and the sender, when it %s', (_name, change) => {
    const { server, client, before, send } = setUp()
    expect(send(change)).toBe(true)
    expect(text(server)).toBe(before)
    expect(text(client)).toBe(before)
  })

  it('keeps the paragraph locked once its deletion is undone (it comes back as a new element)', () => {
    const { server, before, send } = setUp()
    expect(send(({ operatives }) => operatives.delete(0, 1))).toBe(true)
    expect(send(({ agreedOp, textOf }) => textOf(agreedOp).insert(0, 'Never '))).toBe(true)
    expect(text(server)).toBe(before)
  })
})

describe('a malformed update', () => {
  it('is undone as far as Yjs applied it before it threw', () => {
    const { server, client, guard, before } = setUp()
    const vector = Y.encodeStateVector(server)
    ;(partsOf(client).agreedOp.get(0) as Y.XmlText).insert(0, 'Never ')
    const update = Y.encodeStateAsUpdate(client, vector)
    // Without its last byte, the (empty) list of deletions: the insertion is read and applied first.
    const truncated = update.subarray(0, update.length - 1)
    expect(() => guard.apply(CLIENT, () => Y.applyUpdate(server, truncated, CLIENT))).toThrow()
    expect(text(server)).toBe(before)
  })
})

describe('an update that touches only open paragraphs', () => {
  it('is kept: typing, a new paragraph, deleting one', () => {
    const { server, send } = setUp()
    expect(send(({ openOp, textOf }) => textOf(openOp).insert(0, 'Also '))).toBe(false)
    expect(send(({ operatives }) => operatives.insert(2, [newParagraph('op', 'op-3', 'Requests a report;')]))).toBe(false)
    expect(send(({ preamble }) => preamble.delete(1, 1))).toBe(false)
    const { operatives, preamble } = partsOf(server)
    expect(operatives.toArray().map((op) => (op as Y.XmlElement).toString())).toEqual([
      expect.stringContaining('Calls upon all States to act;'),
      expect.stringContaining('Also Decides to remain seized.'),
      expect.stringContaining('Requests a report;'),
    ])
    expect(preamble.length).toBe(1)
  })
})
