/**
 * Scenario 2: forged writes from read-only connections. An observer's and a delegation's raw
 * socket send text updates in every wrapping we could think of (sync step 2, update, overlong
 * varints, V2 encoding, concatenated messages, another root type, a spoofed client id …), each
 * several times. Nothing may change: the facilitator's copy, the REST text and the stored text
 * after a restart stay as they were; each socket is closed after its repeated tries.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { closeCode, invite, rawSocket, startTestServer, type TestServer } from '../../../server/test/testServer'
import { docParagraphs } from '../docText'
import { bySize, client, createRoom, type Figures, scoped, serverParagraphs, type Size, sleep, syncedWithin, track } from '../harness'

export interface ForgedFigures extends Figures {
  wrappings: number
  forgedFrames: number
  forgedWritesApplied: number
  restApiChanged: number
  storedChanged: number
  socketsNotClosed: number
  /** The wrappings whose socket stayed open after its tries, with the close codes seen for the others. */
  notClosed: string
  closeCodes: string
}

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
/** A varint written with more bytes than needed (lib0 reads 0x80 0x80 0x00 as 0). */
const overlong = (e: encoding.Encoder, value: number, extra = 2) => {
  for (let i = 0; i < extra; i++) encoding.writeUint8(e, 0x80 | (i === 0 ? value & 0x7f : 0))
  encoding.writeUint8(e, i0(value, extra))
}
const i0 = (value: number, extra: number) => (extra > 0 ? value >> 7 : value) & 0x7f
const bytes = (e: encoding.Encoder, data: Uint8Array, lengthExtra = 0) => {
  if (lengthExtra === 0) encoding.writeVarUint8Array(e, data)
  else {
    overlongLength(e, data.length, lengthExtra)
    encoding.writeUint8Array(e, data)
  }
}
/** The length of a byte array as a varint padded with `extra` continuation bytes. */
function overlongLength(e: encoding.Encoder, length: number, extra: number) {
  const groups: number[] = []
  let n = length
  do {
    groups.push(n & 0x7f)
    n = Math.floor(n / 128)
  } while (n > 0)
  for (let i = 0; i < extra; i++) groups.push(0)
  groups.forEach((g, i) => encoding.writeUint8(e, i < groups.length - 1 ? 0x80 | g : g))
}
const sync = (type: number, update: Uint8Array) => frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, type), bytes(e, update)))

/**
 * Not recognisable as a text update (an awareness message whose payload happens to be a sync
 * frame): the server may ignore it quietly rather than close.
 */
const MAY_STAY_OPEN = new Set(['update inside an awareness message'])

/** The forged updates, each made on a copy of the document as the intruder received it. */
function forgeries(base: Y.Doc, spoofClientId: number): Array<[string, Uint8Array[]]> {
  const fork = (edit: (doc: Y.Doc) => void, clientId?: number, v2 = false) => {
    const doc = new Y.Doc()
    if (clientId !== undefined) doc.clientID = clientId
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    const sv = Y.encodeStateVector(doc)
    edit(doc)
    return v2 ? Y.encodeStateAsUpdateV2(doc, sv) : Y.encodeStateAsUpdate(doc, sv)
  }
  const firstText = (doc: Y.Doc) => docParagraphs(doc).find((p) => p.text)!.text!
  const insert = fork((doc) => firstText(doc).insert(0, 'FORGED '))
  const remove = fork((doc) => firstText(doc).delete(0, 5))
  const attribute = fork((doc) => docParagraphs(doc).at(-1)!.element.setAttribute('level', '2'))
  const newParagraph = fork((doc) => {
    const holder = docParagraphs(doc).at(-1)!.element.parent as Y.XmlElement
    const p = new Y.XmlElement('op')
    p.insert(0, [new Y.XmlText('FORGED PARAGRAPH')])
    holder.insert(holder.length, [p])
  })
  const otherRoot = fork((doc) => doc.getText('evil').insert(0, 'FORGED ROOT'))
  const spoofed = fork((doc) => firstText(doc).insert(0, 'SPOOFED '), spoofClientId)
  const v2 = fork((doc) => firstText(doc).insert(0, 'FORGED V2 '), undefined, true)
  const whole = (() => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    firstText(doc).insert(0, 'WHOLE ')
    return Y.encodeStateAsUpdate(doc)
  })()
  return [
    ['sync step 2', [sync(1, insert)]],
    ['update', [sync(2, insert)]],
    ['delete-only update', [sync(2, remove)]],
    ['attribute change', [sync(2, attribute)]],
    ['new paragraph', [sync(2, newParagraph)]],
    ['another root type', [sync(2, otherRoot)]],
    ['spoofed client id', [sync(2, spoofed)]],
    ['whole state as step 2', [sync(1, whole)]],
    ['V2-encoded update', [sync(2, v2)]],
    ['overlong message type', [frame((e) => (overlong(e, 0), encoding.writeVarUint(e, 2), bytes(e, insert)))]],
    ['overlong sync type', [frame((e) => (encoding.writeVarUint(e, 0), overlong(e, 2, 3), bytes(e, insert)))]],
    ['overlong payload length', [frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), bytes(e, insert, 3)))]],
    ['overlong everything', [frame((e) => (overlong(e, 0, 5), overlong(e, 2, 5), bytes(e, insert, 5)))]],
    ['two messages in one frame', [frame((e) => (encoding.writeUint8Array(e, sync(0, Y.encodeStateVector(base))), encoding.writeUint8Array(e, sync(2, insert))))]],
    ['update with trailing bytes', [frame((e) => (encoding.writeUint8Array(e, sync(2, insert)), encoding.writeUint8(e, 0)))]],
    ['update inside an awareness message', [frame((e) => (encoding.writeVarUint(e, 1), bytes(e, sync(2, insert))))]],
    ['step 1 then update, two frames', [sync(0, new Uint8Array([0])), sync(2, insert)]],
  ]
}

export async function forgedWrites(size: Size): Promise<ForgedFigures> {
  const rounds = bySize(size, 1, 6)
  const tries = 5
  const figures: ForgedFigures = { wrappings: 0, forgedFrames: 0, forgedWritesApplied: 0, restApiChanged: 0, storedChanged: 0, socketsNotClosed: 0, notClosed: '', closeCodes: '' }
  await scoped(async (scope) => {
    let server: TestServer = await startTestServer()
    const dataDir = server.dataDir
    scope.add(() => server.dispose())
    const room = await createRoom(server.url, 'Forged writes')
    const readers = [
      await invite(server.url, room.facilitator, room.id, { role: 'observer', organisation: 'ISHR' }),
      await invite(server.url, room.facilitator, room.id, { role: 'delegation', state: 'Brazil' }),
    ]
    const watcher = client(scope, server.wsBase, room.id, room.facilitator)
    await syncedWithin(watcher.provider)
    const restBefore = JSON.stringify(await serverParagraphs(server.url, room.facilitator, room.id))
    const snapshot = () => JSON.stringify([Array.from(Y.encodeStateVector(watcher.doc)), watcher.doc.getXmlFragment('default').toString(), watcher.doc.getText('evil').toString()])
    let before = snapshot()
    const notClosed = new Set<string>()
    const codes = new Set<number>()

    for (let round = 0; round < rounds; round++) {
      const list = forgeries(watcher.doc, watcher.doc.clientID)
      figures.wrappings = list.length
      for (const [name, frames] of list) {
        for (const reader of readers) {
          const socket = track(scope, await rawSocket(server.wsBase, room.id, reader.token))
          const closed = closeCode(socket)
          let isClosed = false
          void closed.then(() => (isClosed = true))
          for (let t = 0; t < tries && !isClosed; t++) {
            for (const f of frames) {
              if (socket.readyState !== socket.OPEN) break
              socket.send(f)
              figures.forgedFrames++
            }
            await sleep(5)
          }
          const outcome = await Promise.race([closed, sleep(1000).then(() => 'open' as const)])
          if (outcome === 'open' && !MAY_STAY_OPEN.has(name)) {
            figures.socketsNotClosed++
            notClosed.add(name)
          } else if (outcome !== 'open') codes.add(outcome)
          socket.terminate()
          await sleep(30)
          const now = snapshot()
          if (now !== before) {
            figures.forgedWritesApplied++
            before = now
          }
        }
      }
    }
    figures.notClosed = [...notClosed].join('; ') || 'none'
    figures.closeCodes = [...codes].sort().join(' ')
    await sleep(200)
    if (JSON.stringify(await serverParagraphs(server.url, room.facilitator, room.id)) !== restBefore) figures.restApiChanged++
    watcher.provider.destroy()

    // What was stored: a fresh server on the same data directory.
    await server.close()
    server = await startTestServer({ dataDir })
    if (JSON.stringify(await serverParagraphs(server.url, room.facilitator, room.id)) !== restBefore) figures.storedChanged++
  })
  return figures
}
