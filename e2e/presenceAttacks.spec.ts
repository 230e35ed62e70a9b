/**
 * Issue 13: presence sent by a hostile participant, rendered in a real browser. The server keeps
 * only a caret whose two positions have the shape Yjs gives them (server/collab/pinAwareness.ts),
 * but a well-shaped caret can still point at nothing: at items that do not exist, at a piece of
 * text instead of a paragraph, at a root type named `__proto__`, with absurd clocks. Each of these
 * reaches every browser in the room, whose caret plugin resolves it on every change of the text.
 * The facilitator's page must not throw, and must keep editing and showing honest carets.
 */
import * as Y from 'yjs'
import { connect, rawSocket, synced } from '../server/test/testServer'
import { awarenessFrame } from '../test/reliability/awarenessFrames'
import { docParagraphs } from '../test/reliability/docText'
import { caretAtEnd, createFromText, createInviteLink, documentIdOf, expect, live, ops, personPage, test, textOf } from './support/fixtures'

const TEXT = `Safety of journalists

The General Assembly,
Recalling its previous resolutions,
1. Calls upon all States to protect journalists;
2. Decides to remain seized of the matter.`

type Position = { type: { client: number; clock: number } | null; tname: string | null; item: { client: number; clock: number } | null; assoc: number }
const at = (position: Partial<Position>): Position => ({ type: null, tname: null, item: null, assoc: 0, ...position })

/** Carets with the right shape that point at nothing sensible in `doc`. */
function hostileCarets(doc: Y.Doc): Array<[string, { anchor: Position; head: Position }]> {
  const text = docParagraphs(doc).find((p) => p.text && p.text.length > 5)!.text!
  const textItem = text._start!.id // a run of characters: an item, but not a type
  const paragraph = text._item!.id
  const real = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 2)) as Position
  const both = (p: Position) => ({ anchor: p, head: p })
  return [
    ['items that do not exist', both(at({ item: { client: 424242, clock: 99 } }))],
    ['a run of text as the type', both(at({ type: textItem, item: null }))],
    ['a paragraph element as the type', both(at({ type: paragraph, item: textItem }))],
    ['a root named __proto__', both(at({ tname: '__proto__' }))],
    ['a root named constructor', both(at({ tname: 'constructor', item: { client: 1, clock: 1 } }))],
    ['a root that is not the text', both(at({ tname: 'comments' }))],
    ['absurd clocks', both(at({ type: { client: Number.MAX_SAFE_INTEGER, clock: Number.MAX_SAFE_INTEGER }, item: { client: 0, clock: Number.MAX_SAFE_INTEGER } }))],
    ['an absurd association', both({ ...real, assoc: 2 ** 31 })],
    ['anchor and head in different roots', { anchor: real, head: at({ tname: 'elsewhere' }) }],
  ]
}

test('hostile carets reach the browser and break nothing', async ({ browser, server }) => {
  const ana = await personPage(browser, server, 'Ana')
  const pageErrors: string[] = []
  ana.on('pageerror', (error) => pageErrors.push(error.message))
  await createFromText(ana, TEXT)
  await live(ana)
  const link = await createInviteLink(ana, { role: 'observer', organisation: 'Hostile NGO' })
  await ana.getByRole('button', { name: 'Close the people panel' }).click()
  const token = new URL(link).pathname.split('/').pop()!
  const documentId = documentIdOf(ana)
  const wsBase = `${server.url.replace('http', 'ws')}/collab`

  // A reader in Node learns the ids of the document's items, which the carets then misuse.
  const reader = connect(wsBase, documentId, token)
  const sockets: Array<Awaited<ReturnType<typeof rawSocket>>> = []
  try {
    await synced(reader.provider)
    const carets = hostileCarets(reader.doc)
    let attackerId = 700_000_000
    for (const [, cursor] of carets) {
      const socket = await rawSocket(wsBase, documentId, token)
      sockets.push(socket)
      socket.send(awarenessFrame([{ id: attackerId++, clock: 1, state: { user: { name: 'x', color: '#ff0000' }, cursor } }]))
    }
    // The server relays them as they are (they have the right shape): the reader sees them too.
    await expect.poll(() => [...reader.provider.awareness.getStates().values()].filter((s) => s.cursor).length).toBeGreaterThanOrEqual(carets.length)

    // Ana keeps typing: every change makes her caret plugin resolve every remote caret again.
    const second = ops(ana).nth(1)
    await caretAtEnd(ana, second)
    await ana.keyboard.type(' Still typing.')
    await expect.poll(() => textOf(second)).toContain('Still typing.')
    await expect.poll(() => docParagraphs(reader.doc).map((p) => p.plain).join('\n')).toContain('Still typing.')

    // An honest caret from the same kind of connection is still drawn, with the name the server knows.
    const honest = await rawSocket(wsBase, documentId, token)
    sockets.push(honest)
    const firstOp = docParagraphs(reader.doc).find((p) => p.plain.startsWith('Calls'))!.text!
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(firstOp, 4))
    honest.send(awarenessFrame([{ id: attackerId++, clock: 1, state: { user: { color: '#0f766e' }, cursor: { anchor: position, head: position } } }]))
    await expect(ana.locator('.collaboration-carets__label', { hasText: 'Hostile NGO' }).first()).toBeVisible()
    expect(pageErrors).toEqual([])
  } finally {
    for (const socket of sockets) socket.terminate()
    reader.provider.destroy()
  }
})
