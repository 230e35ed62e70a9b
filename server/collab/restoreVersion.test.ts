import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { Node as PmNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { paragraphElements, paragraphText } from './paragraphElements'
import { longestIncreasing, restoreById, versionNode } from './restoreVersion'

type Para = { id: string; text: string; level?: number; italic?: string }

const text = (value: string, italic?: string): DocJson[] => {
  if (!value) return []
  if (!italic || !value.startsWith(italic)) return [{ type: 'text', text: value }]
  const rest = value.slice(italic.length)
  return [{ type: 'text', text: italic, marks: [{ type: 'italic' }] }, ...(rest ? [{ type: 'text', text: rest }] : [])]
}
const line = (type: string, value: string): DocJson => ({ type, content: text(value) })

function resolution(title: string, pps: Para[], ops: Para[]): DocJson {
  return {
    type: 'doc',
    content: [
      { type: 'heading', content: [line('symbol', 'A/C.3/80/L.1'), line('session', 'Eightieth session'), line('agendaItem', 'Item 71'), line('sponsors', '')] },
      line('title', title),
      line('enacting', 'The General Assembly,'),
      { type: 'preamble', content: pps.map((p) => ({ type: 'pp', attrs: { id: p.id }, content: text(p.text, p.italic) })) },
      {
        type: 'operatives',
        content: ops.map((p) => ({ type: 'op', attrs: { id: p.id, level: p.level ?? 0 }, content: text(p.text, p.italic) })),
      },
    ],
  }
}

function docFrom(json: DocJson): Y.Doc {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(resolutionSchema, json, doc.getXmlFragment(YJS_FRAGMENT))
  return doc
}

const nodeOf = (doc: Y.Doc): PmNode => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YJS_FRAGMENT), resolutionSchema)
const versionOf = (doc: Y.Doc): PmNode => versionNode(Y.encodeStateAsUpdate(doc))
const ids = (doc: Y.Doc) => paragraphElements(doc).map((element) => element.getAttribute('id'))
const textById = (doc: Y.Doc, id: string) => {
  const element = paragraphElements(doc).find((e) => e.getAttribute('id') === id)
  return element ? paragraphText(element) : undefined
}
const container = (doc: Y.Doc, name: 'preamble' | 'operatives') =>
  doc.getXmlFragment(YJS_FRAGMENT).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === name) as Y.XmlElement
const elementById = (doc: Y.Doc, id: string) => paragraphElements(doc).find((e) => e.getAttribute('id') === id)

/** A move, as the editor makes it: the element is deleted and a copy with the same id inserted. */
function move(doc: Y.Doc, name: 'preamble' | 'operatives', from: number, to: number) {
  doc.transact(() => {
    const holder = container(doc, name)
    const old = holder.get(from) as Y.XmlElement
    const copy = old.clone()
    holder.delete(from, 1)
    holder.insert(to, [copy])
  })
}

const PPS: Para[] = [
  { id: 'pp-1', text: 'Recalling its previous resolutions on the matter,', italic: 'Recalling' },
  { id: 'pp-2', text: 'Noting with concern the situation,', italic: 'Noting with concern' },
]
const OPS: Para[] = [
  { id: 'op-1', text: 'Welcomes the report of the Secretary-General;', italic: 'Welcomes' },
  { id: 'op-2', text: 'Calls upon all Member States to cooperate fully with the Special Rapporteur;', italic: 'Calls upon' },
  { id: 'op-3', text: 'Encourages regional organizations to do likewise:' },
  { id: 'op-3a', text: 'by sharing information;', level: 1 },
  { id: 'op-3b', text: 'by holding consultations;', level: 1 },
  { id: 'op-5', text: 'Old paragraph that the version does not have;' },
  { id: 'op-6', text: 'Decides to remain seized of the matter.', italic: 'Decides' },
]

describe('restoreById', () => {
  it('gives back the version exactly after reordering, rewording, re-levelling and re-titling', () => {
    const live = docFrom(resolution('Original title', PPS, OPS))
    const version = versionOf(live)
    const before = nodeOf(live)
    expect(before.eq(version)).toBe(true)

    // The negotiation goes on: ops reordered, text changed (marks too), a level, the title.
    move(live, 'operatives', 6, 0)
    move(live, 'operatives', 2, 5)
    live.transact(() => {
      const op2 = elementById(live, 'op-2')!
      const t = op2.get(0) as Y.XmlText
      t.insert(t.length - 1, ' and promptly')
      t.format(0, 10, { italic: null })
      elementById(live, 'op-3a')!.setAttribute('level', 0 as unknown as string)
      const title = live.getXmlFragment(YJS_FRAGMENT).get(1) as Y.XmlElement
      ;(title.get(0) as Y.XmlText).insert(0, 'Revised ')
    })
    expect(nodeOf(live).eq(version)).toBe(false)

    restoreById(live, version)
    expect(nodeOf(live).eq(version)).toBe(true)
    expect(nodeOf(live).toJSON()).toEqual(before.toJSON())
  })

  it('matches by id: a paragraph the version dropped is deleted, one it has is re-created with its id', () => {
    const live = docFrom(resolution('T', PPS, OPS.filter((p) => p.id !== 'op-5')))
    const version = versionOf(live)
    // Live: op-3b deleted, op-5 added where it stood, a PP moved into the operative part.
    live.transact(() => {
      const ops = container(live, 'operatives')
      ops.delete(4, 1)
      const op5 = new Y.XmlElement('op')
      op5.setAttribute('id', 'op-5')
      op5.setAttribute('level', 0 as unknown as string)
      op5.insert(0, [new Y.XmlText('Old paragraph that the version does not have;')])
      ops.insert(4, [op5])
      const pps = container(live, 'preamble')
      const pp2 = pps.get(1) as Y.XmlElement
      pps.delete(1, 1)
      const asOp = new Y.XmlElement('op')
      asOp.setAttribute('id', 'pp-2')
      asOp.setAttribute('level', 0 as unknown as string)
      asOp.insert(0, [new Y.XmlText(paragraphText(pp2))])
      ops.insert(0, [asOp])
    })
    const op5 = elementById(live, 'op-5')!
    expect(ids(live)).toEqual(['pp-1', 'pp-2', 'op-1', 'op-2', 'op-3', 'op-3a', 'op-5', 'op-6'])
    const idOfElement = new Map(paragraphElements(live).map((e) => [e, e.getAttribute('id')]))

    restoreById(live, version)
    // Identity never moves: every element that was there before still has its own id, or is gone.
    for (const element of paragraphElements(live)) {
      if (idOfElement.has(element)) expect(element.getAttribute('id')).toBe(idOfElement.get(element))
    }
    expect(nodeOf(live).eq(version)).toBe(true)
    expect(ids(live)).toEqual(['pp-1', 'pp-2', 'op-1', 'op-2', 'op-3', 'op-3a', 'op-3b', 'op-6'])
    expect(op5._item?.deleted).toBe(true)
    // The re-created paragraph is a new Y element, not op-5's repurposed.
    expect(elementById(live, 'op-3b')).not.toBe(op5)
    expect(container(live, 'preamble').get(1)).toBeInstanceOf(Y.XmlElement)
    expect((container(live, 'preamble').get(1) as Y.XmlElement).nodeName).toBe('pp')
  })

  it('keeps the paragraphs that stay in order as the same Y elements', () => {
    const live = docFrom(resolution('T', PPS, OPS))
    const version = versionOf(live)
    const op1 = elementById(live, 'op-1')
    const op6 = elementById(live, 'op-6')
    move(live, 'operatives', 1, 4) // op-2 moves down: only op-2 is re-created
    restoreById(live, version)
    expect(nodeOf(live).eq(version)).toBe(true)
    expect(elementById(live, 'op-1')).toBe(op1)
    expect(elementById(live, 'op-6')).toBe(op6)
  })

  it('changes nothing when the live text already is the version', () => {
    const live = docFrom(resolution('T', PPS, OPS))
    const version = versionOf(live)
    const updates: Uint8Array[] = []
    live.on('update', (update: Uint8Array) => updates.push(update))
    restoreById(live, version)
    expect(updates).toEqual([])
  })

  it('does not let a concurrent edit on a replica land in another paragraph', () => {
    // The version: op-5 absent, op-9 in its place, op-2 as it was.
    const server = docFrom(resolution('T', PPS, OPS.map((p) => (p.id === 'op-5' ? { id: 'op-9', text: 'Requests a report at its next session;' } : p))))
    const version = versionOf(server)
    // Since then: op-9 deleted, op-5 written in its place, op-2 reworded at the start.
    server.transact(() => {
      const ops = container(server, 'operatives')
      ops.delete(5, 1)
      const op5 = new Y.XmlElement('op')
      op5.setAttribute('id', 'op-5')
      op5.setAttribute('level', 0 as unknown as string)
      op5.insert(0, [new Y.XmlText('Old paragraph that the version does not have;')])
      ops.insert(5, [op5])
      const op2 = elementById(server, 'op-2')!.get(0) as Y.XmlText
      op2.delete(0, 'Calls upon'.length)
      op2.insert(0, 'Urges', { italic: {} })
    })
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))

    // Concurrently: the replica types into op-5 and into op-2 (after "Member States").
    const fromReplica: Uint8Array[] = []
    replica.on('update', (u: Uint8Array) => fromReplica.push(u))
    replica.transact(() => {
      ;(elementById(replica, 'op-5')!.get(0) as Y.XmlText).insert(0, 'REPLICA-EDIT-IN-OP5 ')
      const op2 = elementById(replica, 'op-2')!.get(0) as Y.XmlText
      const at = paragraphText(elementById(replica, 'op-2')!).indexOf(' to cooperate')
      op2.insert(at, ' concerned')
    })
    const fromServer: Uint8Array[] = []
    server.on('update', (u: Uint8Array) => fromServer.push(u))
    restoreById(server, version, 'server')

    for (const u of fromReplica) Y.applyUpdate(server, u)
    for (const u of fromServer) Y.applyUpdate(replica, u)

    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(replica))
    expect(nodeOf(server).toJSON()).toEqual(nodeOf(replica).toJSON())
    expect(ids(server)).toEqual(['pp-1', 'pp-2', 'op-1', 'op-2', 'op-3', 'op-3a', 'op-3b', 'op-9', 'op-6'])
    expect(textById(server, 'op-9')).toBe('Requests a report at its next session;')
    expect(textById(server, 'op-2')).toBe('Calls upon all Member States concerned to cooperate fully with the Special Rapporteur;')
    expect(JSON.stringify(nodeOf(server).toJSON())).not.toContain('REPLICA-EDIT')
    // Valid against the schema: one heading, title, enacting line, preamble and operatives.
    expect(() => nodeOf(server).check()).not.toThrow()
    expect(server.getXmlFragment(YJS_FRAGMENT).length).toBe(5)
  })

  it('converges without duplicates when a replica adds a paragraph concurrently', () => {
    const server = docFrom(resolution('T', PPS, OPS))
    const version = versionOf(server)
    move(server, 'operatives', 0, 3)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
    const fromReplica: Uint8Array[] = []
    replica.on('update', (u: Uint8Array) => fromReplica.push(u))
    replica.transact(() => {
      const added = new Y.XmlElement('op')
      added.setAttribute('id', 'op-new')
      added.setAttribute('level', 0 as unknown as string)
      added.insert(0, [new Y.XmlText('Added meanwhile;')])
      container(replica, 'operatives').push([added])
    })
    const fromServer: Uint8Array[] = []
    server.on('update', (u: Uint8Array) => fromServer.push(u))
    restoreById(server, version)
    for (const u of fromReplica) Y.applyUpdate(server, u)
    for (const u of fromServer) Y.applyUpdate(replica, u)

    expect(nodeOf(server).toJSON()).toEqual(nodeOf(replica).toJSON())
    const all = ids(server)
    expect(new Set(all).size).toBe(all.length)
    expect(all).toEqual([...PPS, ...OPS].map((p) => p.id).concat('op-new'))
  })
})

describe('longestIncreasing', () => {
  it('finds the positions of a longest strictly increasing run, skipping negatives', () => {
    expect([...longestIncreasing([])]).toEqual([])
    expect([...longestIncreasing([0, 1, 2])].sort()).toEqual([0, 1, 2])
    expect([...longestIncreasing([6, 0, 1, 2, 3, 4, 5])].sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect([...longestIncreasing([1, -1, 0, 2, -1, 3])].sort()).toEqual([2, 3, 5])
    expect(longestIncreasing([3, 2, 1]).size).toBe(1)
    expect(longestIncreasing([2, 2, 2]).size).toBe(1)
  })
})
