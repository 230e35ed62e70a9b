/**
 * Scenario 1: SIGKILL with N writers and a witness. Writers insert unique tokens ("w3.17;") at
 * token boundaries of random paragraphs; the witness only reads. The server is killed with
 * SIGKILL mid-stream (optionally while a facilitator accepts proposals), restarted on the same
 * data directory, and every token the witness had received must be in the restored text.
 * With accepts: a proposal's marker is in the restored text exactly when it is accepted.
 */
import { invite, withToken } from '../../../server/test/testServer'
import { docParagraphs, allText } from '../docText'
import {
  bySize,
  client,
  createRoom,
  deadline,
  type Figures,
  ProcessServer,
  prng,
  type Random,
  scoped,
  SEED,
  serverParagraphs,
  type Size,
  sleep,
  syncedWithin,
} from '../harness'

const TOKEN = /w\d+\.\d+;/g

export interface SigkillFigures extends Figures {
  runs: number
  writers: number
  witnessed: number
  editsLost: number
  restoredMismatch: number
  accepts: number
  acceptsAcknowledged: number
  acceptsLost: number
  acceptsInconsistent: number
}

/** Inserts a token at a token boundary (start, end, or just after a ';') of a random paragraph. */
function typeToken(doc: import('yjs').Doc, random: Random, token: string): void {
  const paragraphs = docParagraphs(doc).filter((p) => p.text)
  if (paragraphs.length === 0) return
  const { text, plain } = random.pick(paragraphs)
  const boundaries = [0, plain.length]
  for (let i = 0; i < plain.length; i++) if (plain[i] === ';') boundaries.push(i + 1)
  text!.insert(random.pick(boundaries), token)
}

export async function sigkill(size: Size, { duringAccept = false, seed = SEED } = {}): Promise<SigkillFigures> {
  const writers = bySize(size, 5, 20)
  const runs = bySize(size, 1, duringAccept ? 3 : 5)
  const killAfter = bySize(size, 150, 1500)
  const everyMs = bySize(size, 20, 50)
  const figures: SigkillFigures = {
    runs,
    writers,
    witnessed: 0,
    editsLost: 0,
    restoredMismatch: 0,
    accepts: 0,
    acceptsAcknowledged: 0,
    acceptsLost: 0,
    acceptsInconsistent: 0,
  }
  await scoped(async (scope) => {
    const server = await ProcessServer.start(scope)
    for (let run = 0; run < runs; run++) {
      const random = prng(seed + run)
      const room = await createRoom(server.url, `Kill ${run}`)
      const delegation = duringAccept ? await invite(server.url, room.facilitator, room.id, { role: 'delegation', state: 'Mexico' }) : undefined

      await scoped(async (runScope) => {
        const writerClients = Array.from({ length: writers }, () => client(runScope, server.wsBase, room.id, room.facilitator))
        const witness = client(runScope, server.wsBase, room.id, room.facilitator)
        await Promise.all([...writerClients, witness].map((c) => syncedWithin(c.provider)))

        let stopped = false
        const timers = writerClients.map((writer, w) => {
          let k = 0
          const own = prng(seed * 31 + run * 1000 + w)
          return setInterval(() => {
            if (!stopped && writer.provider.wsconnected) typeToken(writer.doc, own, `w${w}.${k++};`)
          }, everyMs + random.int(5))
        })
        runScope.add(() => timers.forEach(clearInterval))

        // Facilitator accepts proposals while the writers type; the kill lands during one.
        const acknowledged = new Set<string>()
        const markers = new Map<string, string>()
        let acceptLoop: Promise<void> = Promise.resolve()
        let acceptInFlight: Promise<unknown> | undefined
        if (delegation) {
          const asDelegation = withToken(server.url, delegation.token)
          acceptLoop = (async () => {
            for (let n = 0; !stopped && n < 500; n++) {
              try {
                const paragraphs = await serverParagraphs(server.url, room.facilitator, room.id)
                const target = random.pick(paragraphs.filter((p) => p.kind === 'op'))
                const marker = `[A${run}.${n}]`
                const created = await asDelegation(`/api/documents/${room.id}/amendments`, {
                  method: 'POST',
                  body: JSON.stringify({ paragraphId: target.id, kind: 'replace', text: `${target.text} ${marker}`, baseText: target.text }),
                })
                if (created.status !== 201) continue
                const { amendment } = (await created.json()) as { amendment: { id: string } }
                markers.set(amendment.id, marker)
                figures.accepts++
                acceptInFlight = room.api(`/api/documents/${room.id}/amendments/${amendment.id}/accept`, { method: 'POST', body: '{}' })
                const response = (await acceptInFlight) as Response
                if (response.status === 200) acknowledged.add(amendment.id)
              } catch {
                return // the server is gone
              }
            }
          })()
        }

        // Kill once the witness has seen enough (and, with accepts, right after an accept is sent).
        const until = deadline(30_000)
        while (!until.passed() && (allText(witness.doc).match(TOKEN)?.length ?? 0) < killAfter) await sleep(10)
        if (delegation) {
          const before = figures.accepts
          const wait = deadline(10_000)
          while (!wait.passed() && figures.accepts === before) await sleep(1)
          await sleep(random.int(4))
        }
        server.killNow()
        const witnessed = new Set(allText(witness.doc).match(TOKEN) ?? [])
        stopped = true
        timers.forEach(clearInterval)
        for (const c of [...writerClients, witness]) c.provider.destroy()
        await acceptLoop
        void acceptInFlight?.catch(() => {})
        figures.acceptsAcknowledged += acknowledged.size

        await server.restart('SIGKILL')
        const fresh = client(runScope, server.wsBase, room.id, room.facilitator)
        await syncedWithin(fresh.provider)
        const restoredText = allText(fresh.doc)
        const restored = new Set(restoredText.match(TOKEN) ?? [])
        figures.witnessed += witnessed.size
        for (const token of witnessed) if (!restored.has(token)) figures.editsLost++

        // The REST API reads the same text the socket serves.
        const viaApi = (await serverParagraphs(server.url, room.facilitator, room.id)).map((p) => p.text).join('\n')
        if (viaApi !== docParagraphs(fresh.doc).map((p) => p.plain).join('\n')) figures.restoredMismatch++

        if (delegation) {
          const listed = (await (await room.api(`/api/documents/${room.id}/amendments`)).json()) as {
            amendments: Array<{ id: string; status: string }>
          }
          for (const { id, status } of listed.amendments) {
            const marker = markers.get(id)
            if (!marker) continue
            const inText = restoredText.includes(marker)
            if (acknowledged.has(id) && !inText) figures.acceptsLost++
            if (inText !== (status === 'accepted')) figures.acceptsInconsistent++
          }
        }
      })
    }
  })
  return figures
}
