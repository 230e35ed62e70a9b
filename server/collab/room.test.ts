/**
 * The room's update path without sockets: changes that arrive together are stored in one store
 * transaction before any of them is relayed, and the whole document is encoded once per change
 * however many peers ask for it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Store } from '../store/types'
import { newParagraph } from './forwardEdits'
import { textHash } from './paragraphTexts'
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol'
import { type Peer, Room } from './room'

/** What the room did, in order: stored, committed, sent. */
type Event = string

interface FakeStoreOptions {
  failing?: boolean
  /** The update log the room loads. */
  stored?: Uint8Array[]
  /** Receives the hashes of each rememberParagraphTexts call. */
  remembered?: string[][]
}

function fakeStore(log: Event[], { failing = false, stored = [], remembered = [] }: FakeStoreOptions): Store {
  let seq = 0
  const store: Partial<Store> = {
    loadUpdates: () => stored.map((data) => ({ seq: ++seq, data, encoding: 'v1' as const })),
    rememberParagraphTexts: (_id, texts) => remembered.push(texts.map((text) => text.textHash)),
    appendUpdate: () => {
      log.push('append')
      return ++seq
    },
    transaction: <T>(work: () => T): T => {
      log.push('begin')
      const result = work()
      if (failing) throw new Error('SQLITE_FULL')
      log.push('commit')
      return result
    },
  }
  return store as Store
}

function peer(name: string, log: Event[]): Peer & { received: Uint8Array[] } {
  const received: Uint8Array[] = []
  return {
    received,
    canEditText: true,
    identity: { inviteId: name, name, role: 'facilitator', state: null, organisation: null },
    send(message) {
      received.push(message)
      log.push(`send ${name}`)
    },
    close: () => log.push(`close ${name}`),
  }
}

function roomWith(log: Event[], options: FakeStoreOptions = {}) {
  const room = new Room('doc', fakeStore(log, options), { flushDelayMs: 60_000, compactAfterUpdates: 1_000, log: () => {} }, () => {})
  const [a, b, watcher] = ['a', 'b', 'watcher'].map((name) => peer(name, log))
  for (const p of [a, b, watcher]) {
    room.join(p)
    p.received.length = 0
  }
  log.length = 0
  return { room, a, b, watcher }
}

/** A one-change update from a fresh client, as a y-websocket update message. */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

const turn = () => new Promise((resolve) => setImmediate(resolve))
const askAll = encodeSyncStep1(new Uint8Array([0]))

/** Applies sync step 2 and update messages, in order, to a new document. */
function docOf(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const message of messages) {
    const decoded = decodeClientMessage(message)
    if (decoded.type === 'sync-step-2' || decoded.type === 'update') Y.applyUpdate(doc, decoded.update)
  }
  return doc
}

const textOf = (...messages: Uint8Array[]) => docOf(messages).getText('t').toString()

describe('group commit', () => {
  it('stores changes from several peers in one transaction, then relays them', async () => {
    const log: Event[] = []
    const { room, a, b, watcher } = roomWith(log)
    room.receive(a, typed('one'))
    room.receive(b, typed('two'))
    expect(log).toEqual([])
    await turn()
    expect(log.slice(0, 4)).toEqual(['begin', 'append', 'append', 'commit'])
    expect(log.slice(4).sort()).toEqual(['send a', 'send b', 'send watcher', 'send watcher'])
    expect(textOf(...watcher.received)).toMatch(/^(onetwo|twoone)$/)
    expect(textOf(...a.received)).toBe('two')
  })

  it('relays nothing when the store refuses the batch', async () => {
    const log: Event[] = []
    const { room, a } = roomWith(log, { failing: true })
    room.receive(a, typed('lost'))
    await turn()
    expect(log.filter((event) => event.startsWith('send'))).toEqual([])
    expect(log).toContain('close watcher')
    expect(room.hasFailed).toBe(true)
  })

  it('makes no server edit, and records none, once the changes before it could not be stored', () => {
    const { room, a } = roomWith([], { failing: true })
    room.receive(a, typed('lost'))
    let edited = false
    expect(() => room.editAndRecord(() => (edited = true), () => {})).toThrow(/failed/)
    expect(edited).toBe(false)
  })

  it('stores a pending change before answering a sync request that would show it', () => {
    const log: Event[] = []
    const { room, a, watcher } = roomWith(log)
    room.receive(a, typed('fresh'))
    room.receive(watcher, askAll)
    expect(log.indexOf('commit')).toBeLessThan(log.indexOf('send watcher'))
    expect(textOf(watcher.received.at(-1)!)).toBe('fresh')
  })
})

describe('sync answers', () => {
  it('encode the whole document once per change, whoever asks', async () => {
    const log: Event[] = []
    const { room, a, b, watcher } = roomWith(log)
    room.receive(a, askAll)
    room.receive(b, askAll)
    expect(b.received.at(-1)).toBe(a.received.at(-1))

    room.receive(a, typed('new'))
    await turn()
    room.receive(watcher, askAll)
    room.receive(b, askAll)
    expect(watcher.received.at(-1)).not.toBe(a.received.at(-1))
    expect(b.received.at(-1)).toBe(watcher.received.at(-1))
    expect(textOf(watcher.received.at(-1)!)).toBe('new')
  })

  it('send a peer that has part of the document only what it lacks', async () => {
    const log: Event[] = []
    const { room, a, b } = roomWith(log)
    const client = new Y.Doc()
    client.getText('t').insert(0, 'mine')
    room.receive(a, encodeUpdate(Y.encodeStateAsUpdate(client)))
    room.receive(b, typed('theirs'))
    await turn()
    room.receive(a, encodeSyncStep1(Y.encodeStateVector(client)))
    const answer = decodeClientMessage(a.received.at(-1)!)
    if (answer.type !== 'sync-step-2') throw new Error(`expected sync step 2, got ${answer.type}`)
    Y.applyUpdate(client, answer.update)
    expect(client.getText('t').toString()).toMatch(/^(minetheirs|theirsmine)$/)
    expect(answer.update.byteLength).toBeLessThan(room.encodedState().byteLength)
  })
})

describe('a refused update', () => {
  it('reaches the other peers in one message with its undoing, and its sender gets only the undoing', async () => {
    const log: Event[] = []
    const { room, a, watcher } = roomWith(log)
    const editor = new Y.Doc()
    const operatives = new Y.XmlElement('operatives')
    editor.getXmlFragment('default').insert(0, [operatives])
    operatives.insert(0, [newParagraph('op', 'op-1', 'Decides to act;')])
    room.receive(a, encodeUpdate(Y.encodeStateAsUpdate(editor)))
    await turn()
    room.setLocked(['op-1'])
    const agreed = room.doc.getXmlFragment('default').toString()
    const seen = watcher.received.length

    const vector = Y.encodeStateVector(editor)
    ;((operatives.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Never ')
    room.receive(a, encodeUpdate(Y.encodeStateAsUpdate(editor, vector)))
    await turn()
    expect(watcher.received.length).toBe(seen + 1)
    expect(docOf(watcher.received).getXmlFragment('default').toString()).toBe(agreed)
    const undoing = decodeClientMessage(a.received.at(-1)!)
    if (undoing.type !== 'update') throw new Error(`expected an update, got ${undoing.type}`)
    Y.applyUpdate(editor, undoing.update)
    expect(editor.getXmlFragment('default').toString()).toBe(agreed)
  })
})

describe('the paragraph texts as loaded', () => {
  it('are remembered before the first change, and not when a client only syncs', async () => {
    const editor = new Y.Doc()
    const operatives = new Y.XmlElement('operatives')
    editor.getXmlFragment('default').insert(0, [operatives])
    operatives.insert(0, [newParagraph('op', 'op-1', 'Decides to act;')])
    const remembered: string[][] = []
    const { room, a } = roomWith([], { stored: [Y.encodeStateAsUpdate(editor)], remembered })
    room.receive(a, askAll)
    room.receive(a, encodeSyncStep2(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(room.doc))))
    expect(remembered).toEqual([])

    const vector = Y.encodeStateVector(editor)
    ;((operatives.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Never ')
    room.receive(a, encodeUpdate(Y.encodeStateAsUpdate(editor, vector)))
    expect(remembered).toEqual([[textHash('Decides to act;')]])
  })
})
