/**
 * Scenario 7: exhaustion. Hundreds of idle sockets (they open, never speak, and stop reading), a
 * slow reader (a paused socket that asks for the whole 1 MB document again and again, never
 * reading the answers) and an observer exporting the 1 MB compilation as Word in a loop (as many
 * as its per-person limit lets it have built, then refused), while an honest pair types in another room:
 * the honest echo p99 stays under 100 ms; the server's RSS before and after, how many idle sockets
 * the server closed, and whether it closed the slow reader (backpressure) are recorded.
 */
import { invite, rawSocket, withToken } from '../../../server/test/testServer'
import type { WebSocket } from 'ws'
import { EchoMeter } from '../echo'
import { docParagraphs } from '../docText'
import {
  bySize,
  client,
  createRoom,
  deadline,
  type Figures,
  percentile,
  pool,
  ProcessServer,
  scoped,
  type Size,
  sleep,
  syncedWithin,
  track,
} from '../harness'

export interface ExhaustionFigures extends Figures {
  idleSockets: number
  idleOpened: number
  idleClosedByServer: number
  slowReaderClosed: boolean
  /** MB of document the slow reader asked for (and did not read). */
  bulkMbSent: number
  /** Word files the observer's loop had built, and requests it had refused. */
  exportsBuilt: number
  exportsRefused: number
  honestEdits: number
  honestP50Ms: number
  honestP99Ms: number
  rssBeforeMb: number
  rssPeakMb: number
  rssAfterMb: number
}

export async function exhaustion(size: Size): Promise<ExhaustionFigures> {
  const idle = bySize(size, 200, 1000)
  const bulkRounds = bySize(size, 60, 300)
  const edits = bySize(size, 150, 500)
  const figures: ExhaustionFigures = {
    idleSockets: idle,
    idleOpened: 0,
    idleClosedByServer: 0,
    slowReaderClosed: false,
    bulkMbSent: 0,
    exportsBuilt: 0,
    exportsRefused: 0,
    honestEdits: 0,
    honestP50Ms: NaN,
    honestP99Ms: NaN,
    rssBeforeMb: NaN,
    rssPeakMb: NaN,
    rssAfterMb: NaN,
  }
  await scoped(async (scope) => {
    const server = await ProcessServer.start(scope)
    const honestRoom = await createRoom(server.url, 'Honest room')
    const bulkRoom = await createRoom(server.url, 'Bulk room')
    const a = client(scope, server.wsBase, honestRoom.id, honestRoom.facilitator)
    const b = client(scope, server.wsBase, honestRoom.id, honestRoom.facilitator)
    await Promise.all([syncedWithin(a.provider), syncedWithin(b.provider)])
    await sleep(300)
    figures.rssBeforeMb = server.rssMb()

    // Idle sockets, spread over both rooms: they never send a byte and stop reading.
    const idleSockets: WebSocket[] = []
    let ending = false
    await pool(20, idle, async (i) => {
      const room = i % 2 ? honestRoom : bulkRoom
      try {
        const socket = track(scope, await rawSocket(server.wsBase, room.id, room.facilitator))
        socket.on('close', () => !ending && figures.idleClosedByServer++)
        socket.on('error', () => {})
        idleSockets.push(socket)
        figures.idleOpened++
        ;(socket as unknown as { _socket: { pause(): void } })._socket.pause()
      } catch {
        // refused: counted as not opened
      }
    })

    // The slow reader: joins the bulk room and stops reading.
    const slow = track(scope, await rawSocket(server.wsBase, bulkRoom.id, bulkRoom.facilitator))
    slow.on('close', () => (figures.slowReaderClosed ||= !ending))
    slow.on('error', () => {})
    ;(slow as unknown as { _socket: { pause(): void } })._socket.pause()

    // The bulk room holds 1 MB of text; the slow reader keeps asking for all of it (sync step 1
    // with an empty state vector) and never reads the answers.
    const bulk = client(scope, server.wsBase, bulkRoom.id, bulkRoom.facilitator)
    await syncedWithin(bulk.provider)
    const text = docParagraphs(bulk.doc).find((p) => p.text)!.text!
    for (let i = 0; i < 5; i++) text.insert(0, 'x'.repeat(200_000))
    await sleep(300)
    const askAll = new Uint8Array([0, 0, 1, 0]) // sync step 1, state vector: no clients
    let peak = figures.rssBeforeMb
    const bulkLoop = (async () => {
      for (let i = 0; i < bulkRounds; i++) {
        if (slow.readyState !== slow.OPEN) break
        slow.send(askAll)
        figures.bulkMbSent += 1
        if (i % 10 === 0) peak = Math.max(peak, server.rssMb())
        await sleep(15)
      }
    })()

    // A read-only participant exports the bulk room's compilation as Word, again and again.
    let typing = true
    const observer = await invite(server.url, bulkRoom.facilitator, bulkRoom.id, { role: 'observer', organisation: 'Export loop' })
    const asObserver = withToken(server.url, observer.token)
    const exportLoop = (async () => {
      for (let i = 0; typing && i < 1000; i++) {
        const response = await asObserver(`/api/documents/${bulkRoom.id}/export?format=docx&view=compilation`)
        await response.arrayBuffer()
        if (response.ok) figures.exportsBuilt++
        else figures.exportsRefused++
      }
    })()

    const meter = new EchoMeter(a.doc, b.doc, 'h')
    const until = deadline(bySize(size, 20_000, 60_000))
    for (let i = 0; i < edits && !until.passed(); i++) {
      meter.type()
      await sleep(20)
    }
    typing = false
    await Promise.all([bulkLoop, exportLoop])
    await sleep(500)
    peak = Math.max(peak, server.rssMb())
    figures.honestEdits = meter.sent
    figures.honestP50Ms = percentile(meter.latencies, 50)
    figures.honestP99Ms = percentile(meter.latencies, 99)
    if (meter.missing() > 0) figures.honestP99Ms = Infinity
    figures.rssPeakMb = peak

    // The server's idle timeout and heartbeat are 60 s and 30 s: the full run waits for them.
    // A paused socket cannot see its close until it reads again: resume them all, then look.
    if (size === 'full') await sleep(75_000)
    const resume = (socket: WebSocket) => (socket as unknown as { _socket: { resume(): void } })._socket.resume()
    idleSockets.forEach(resume)
    resume(slow)
    const wait = deadline(5000)
    const idleOpen = () => size === 'full' && idleSockets.some((socket) => socket.readyState === socket.OPEN)
    while (!wait.passed() && (idleOpen() || slow.readyState === slow.OPEN)) await sleep(100)
    await sleep(300)
    ending = true
    for (const socket of idleSockets) socket.terminate()
    slow.terminate()
    await sleep(1000)
    figures.rssAfterMb = server.rssMb()
  })
  return figures
}
