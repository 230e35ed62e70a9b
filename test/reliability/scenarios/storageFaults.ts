/**
 * Scenario: the disk fills up under a room in use. The server runs under `prlimit --fsize`, so
 * once its database or write-ahead log would grow past the limit every write fails as on a full
 * disk (Node ignores SIGXFSZ, so the write returns EFBIG to SQLite). Writers keep typing, a
 * witness reads, one peer never reads anything (its TCP socket is paused), and a new viewer
 * looks in every half second. Then the disk is "freed" (a restart without the limit).
 *
 * What must hold: the server stays up and says so; the room closes its connections when it
 * cannot store, rather than relaying what it did not store (the paused peer must not keep the
 * failed room loaded); so nothing the witness or any viewer ever saw is missing after the restart.
 */
import { rawSocket } from '../../../server/test/testServer'
import { allText, docParagraphs } from '../docText'
import {
  bySize,
  client,
  createRoom,
  deadline,
  type Figures,
  ProcessServer,
  prng,
  scoped,
  SEED,
  type Size,
  sleep,
  syncedWithin,
  track,
} from '../harness'

export interface StorageFaultFigures extends Figures {
  writers: number
  faultSeconds: number
  /** Connections the server closed because it could not store (close code 1011). */
  closedForStorage: number
  viewers: number
  witnessed: number
  editsLost: number
  /** Edits a new viewer was shown that were not stored. */
  shownButNeverStored: number
  healthChecksFailed: number
}

/** Bytes a file of the server may grow to: the database and its log start well below it. */
const FILE_SIZE_LIMIT = 1_500_000
const TOKEN = /f\d+\.\d+;/g
const tokensOf = (text: string) => new Set(text.match(TOKEN) ?? [])

export async function storageFaults(size: Size, seed = SEED): Promise<StorageFaultFigures> {
  const writers = bySize(size, 4, 12)
  const faultSeconds = bySize(size, 4, 15)
  const figures: StorageFaultFigures = {
    writers,
    faultSeconds,
    closedForStorage: 0,
    viewers: 0,
    witnessed: 0,
    editsLost: 0,
    shownButNeverStored: 0,
    healthChecksFailed: 0,
  }
  await scoped(async (scope) => {
    const server = await ProcessServer.start(scope, { prefix: ['prlimit', `--fsize=${FILE_SIZE_LIMIT}`] })
    const room = await createRoom(server.url, 'Full disk')
    const random = prng(seed)
    const shown = new Set<string>()

    await scoped(async (faultScope) => {
      const writerClients = Array.from({ length: writers }, () => client(faultScope, server.wsBase, room.id, room.facilitator))
      const witness = client(faultScope, server.wsBase, room.id, room.facilitator)
      await Promise.all([...writerClients, witness].map((c) => syncedWithin(c.provider)))
      for (const c of [...writerClients, witness]) {
        c.provider.on('connection-close', (event: CloseEvent | null) => {
          if (event?.code === 1011) figures.closedForStorage++
        })
      }
      // A peer that never reads: the server cannot deliver a close frame to it.
      const silent = track(faultScope, await rawSocket(server.wsBase, room.id, room.facilitator))
      ;(silent as unknown as { _socket: { pause(): void } })._socket.pause()

      const timers = writerClients.map((writer, w) => {
        let k = 0
        return setInterval(() => {
          if (!writer.provider.wsconnected) return
          const paragraphs = docParagraphs(writer.doc).filter((p) => p.text)
          const text = random.pick(paragraphs).text!
          text.insert(text.length, ` f${w}.${k++};`)
        }, 20)
      })
      faultScope.add(() => timers.forEach(clearInterval))

      const until = deadline(faultSeconds * 1000)
      while (!until.passed()) {
        await sleep(500)
        const health = await fetch(`${server.url}/api/health`).catch(() => undefined)
        if (!health?.ok) figures.healthChecksFailed++
        await scoped(async (viewScope) => {
          const viewer = client(viewScope, server.wsBase, room.id, room.facilitator)
          try {
            await syncedWithin(viewer.provider, 3000)
            figures.viewers++
            for (const token of tokensOf(allText(viewer.doc))) shown.add(token)
          } catch {
            // the room was closing as the viewer arrived: it sees nothing, and that is allowed
          }
        })
      }
      timers.forEach(clearInterval)
      const witnessed = tokensOf(allText(witness.doc))
      figures.witnessed = witnessed.size
      for (const c of [...writerClients, witness]) c.provider.destroy()

      await server.restart('SIGKILL', { prefix: [] })
      const fresh = client(faultScope, server.wsBase, room.id, room.facilitator)
      await syncedWithin(fresh.provider)
      const stored = tokensOf(allText(fresh.doc))
      for (const token of witnessed) if (!stored.has(token)) figures.editsLost++
      for (const token of shown) if (!stored.has(token)) figures.shownButNeverStored++
    })
  })
  return figures
}
