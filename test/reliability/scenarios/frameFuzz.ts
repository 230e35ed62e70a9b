/**
 * Scenario 4: frame fuzzing. A hostile connection (mostly a delegation's, read-only; some a
 * facilitator's, sending only garbage) sends random, truncated and bit-flipped frames, opening a
 * new socket whenever the server closes one, while two honest clients type. The server never
 * crashes, the honest clients converge (with each other and with a fresh client), and the echo
 * time of their typing is recorded (p50/p99).
 */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import { invite, rawSocket } from '../../../server/test/testServer'
import { allText, docParagraphs } from '../docText'
import { EchoMeter } from '../echo'
import {
  bySize,
  client,
  createRoom,
  deadline,
  type Figures,
  inProcessServer,
  percentile,
  prng,
  type Random,
  scoped,
  SEED,
  type Size,
  sleep,
  syncedWithin,
} from '../harness'

export interface FrameFuzzFigures extends Figures {
  framesFuzzed: number
  socketsOpened: number
  honestEdits: number
  honestP50Ms: number
  honestP99Ms: number
  honestLost: number
  converged: boolean
  serverAlive: boolean
}

const withType = (type: number, write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

/** Valid frames of every kind, to mutate. */
function seeds(doc: Y.Doc): Uint8Array[] {
  const shadow = new Y.Doc()
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc))
  const sv = Y.encodeStateVector(shadow)
  docParagraphs(shadow).find((p) => p.text)?.text?.insert(0, 'fuzz ')
  const update = Y.encodeStateAsUpdate(shadow, sv)
  const aw = new awarenessProtocol.Awareness(new Y.Doc())
  aw.setLocalState({ user: { name: 'x', color: '#000000' }, cursor: null })
  const awareness = awarenessProtocol.encodeAwarenessUpdate(aw, [aw.clientID])
  aw.destroy()
  return [
    withType(0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, sv))),
    withType(0, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update))),
    withType(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))),
    withType(1, (e) => encoding.writeVarUint8Array(e, awareness)),
    withType(3, () => {}),
  ]
}

function mutate(random: Random, seedFrames: Uint8Array[]): Uint8Array {
  const base = random.pick(seedFrames)
  switch (random.int(6)) {
    case 0:
      return random.bytes(1 + random.int(64)) // random bytes
    case 1: {
      const out = base.slice() // bit flips
      for (let i = 1 + random.int(4); i > 0; i--) out[random.int(out.length)] ^= 1 << random.int(8)
      return out
    }
    case 2:
      return base.slice(0, random.int(base.length)) // truncated
    case 3: {
      const out = new Uint8Array(base.length + 1 + random.int(16)) // trailing garbage
      out.set(base)
      out.set(random.bytes(out.length - base.length), base.length)
      return out
    }
    case 4: {
      const out = base.slice() // a byte replaced by 0xff (huge varints)
      out[random.int(out.length)] = 0xff
      return out
    }
    default: {
      const out = base.slice() // a random byte overwritten
      out[random.int(out.length)] = random.int(256)
      return out
    }
  }
}

export async function frameFuzz(size: Size, seed = SEED): Promise<FrameFuzzFigures> {
  const frames = bySize(size, 1000, 10_000)
  const random = prng(seed)
  const figures: FrameFuzzFigures = {
    framesFuzzed: 0,
    socketsOpened: 0,
    honestEdits: 0,
    honestP50Ms: NaN,
    honestP99Ms: NaN,
    honestLost: 0,
    converged: false,
    serverAlive: false,
  }
  await scoped(async (scope) => {
    const server = await inProcessServer(scope)
    const room = await createRoom(server.url, 'Frame fuzz')
    const delegation = await invite(server.url, room.facilitator, room.id, { role: 'delegation', state: 'Chile' })
    const a = client(scope, server.wsBase, room.id, room.facilitator)
    const b = client(scope, server.wsBase, room.id, room.facilitator)
    await Promise.all([syncedWithin(a.provider), syncedWithin(b.provider)])
    const seedFrames = seeds(a.doc)

    const meter = new EchoMeter(a.doc, b.doc, 'e')
    const meterBack = new EchoMeter(b.doc, a.doc, 'f')
    let fuzzing = true
    const typing = (async () => {
      const until = deadline(bySize(size, 40_000, 240_000))
      while (fuzzing && !until.passed()) {
        meter.type()
        meterBack.type()
        await sleep(20)
      }
    })()

    let socket: WebSocket | undefined
    const until = deadline(bySize(size, 40_000, 240_000))
    while (figures.framesFuzzed < frames && !until.passed()) {
      if (!socket || socket.readyState !== socket.OPEN) {
        socket?.terminate()
        const token = random.chance(0.7) ? delegation.token : room.facilitator
        try {
          socket = await rawSocket(server.wsBase, room.id, token)
        } catch {
          await sleep(10)
          continue
        }
        scope.add(() => socket?.terminate())
        figures.socketsOpened++
      }
      const garbage = mutate(random, seedFrames)
      // The facilitator's socket only ever sends what no Yjs encoder would make (never a valid update).
      socket.send(random.chance(0.5) ? garbage : random.bytes(1 + random.int(32)))
      figures.framesFuzzed++
      await new Promise((resolve) => setImmediate(resolve))
      if (figures.framesFuzzed % 20 === 0) await sleep(1)
    }
    socket?.terminate()
    fuzzing = false
    await typing
    await sleep(500)

    figures.honestEdits = meter.sent + meterBack.sent
    const latencies = [...meter.latencies, ...meterBack.latencies]
    figures.honestP50Ms = percentile(latencies, 50)
    figures.honestP99Ms = percentile(latencies, 99)
    figures.honestLost = meter.missing() + meterBack.missing()
    figures.serverAlive = (await fetch(`${server.url}/api/health`)).ok

    const fresh = client(scope, server.wsBase, room.id, room.facilitator)
    await syncedWithin(fresh.provider)
    const wait = deadline(5000)
    const same = () => allText(a.doc) === allText(b.doc) && allText(b.doc) === allText(fresh.doc)
    while (!wait.passed() && !same()) await sleep(20)
    figures.converged = same()
  })
  return figures
}
