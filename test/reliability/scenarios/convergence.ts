/**
 * Scenario 6: convergence fuzzing in the style of Yjs' own random tests. Three stock providers
 * insert and delete at random (surrogate pairs "𠀋", emoji "👩🏽‍⚖️", flags, combining characters
 * "é"), disconnect and reconnect at random, while proposals are accepted on the server (the
 * server writes them into the text) and versions are saved and restored. At the end every client
 * and the server's GET paragraphs agree, and no U+FFFD or unpaired surrogate appears anywhere.
 */
import { invite, withToken } from '../../../server/test/testServer'
import { allText, docParagraphs } from '../docText'
import {
  brokenCharacters,
  bySize,
  client,
  createRoom,
  deadline,
  type Figures,
  inProcessServer,
  prng,
  type Random,
  scoped,
  SEED,
  serverParagraphs,
  type Size,
  sleep,
  syncedWithin,
} from '../harness'

export interface ConvergenceFigures extends Figures {
  steps: number
  clientEdits: number
  reconnects: number
  accepts: number
  restores: number
  converged: boolean
  serverAgrees: boolean
  brokenInClients: number
  brokenOnServer: number
}

/**
 * What the clients and proposals type. Several astral characters share a high surrogate ("𠀋𠀌𠀍",
 * the flags, "😀😃"): a diff that works on UTF-16 units splits them when it replaces one by another.
 */
const PIECES = ['a', 'b', ' ', ',', '𠀋', '𠀌', '𠀍', '👩🏽‍⚖️', 'é', 'ñ', '中', '🇺🇳', '🇫🇷', '😀', '😃', '𝒜', '𝒞', 'ß', 'з', 'ع'] as const

/** An astral character for another with the same high surrogate (or regional-indicator pair). */
const SIBLING: Record<string, string> = { '😀': '😃', '😃': '😀', '𠀋': '𠀌', '𠀌': '𠀍', '𠀍': '𠀋', '🇺🇳': '🇫🇷', '🇫🇷': '🇺🇳', '𝒜': '𝒞', '𝒞': '𝒜' }

/** Positions between code points (never inside a surrogate pair). */
function boundaries(text: string): number[] {
  const out = [0]
  let i = 0
  for (const point of text) {
    i += point.length
    out.push(i)
  }
  return out
}

const piecesOf = (random: Random) => Array.from({ length: 1 + random.int(3) }, () => random.pick(PIECES)).join('')

export async function convergence(size: Size, seed = SEED): Promise<ConvergenceFigures> {
  const steps = bySize(size, 300, 3000)
  const random = prng(seed)
  const figures: ConvergenceFigures = {
    steps,
    clientEdits: 0,
    reconnects: 0,
    accepts: 0,
    restores: 0,
    converged: false,
    serverAgrees: false,
    brokenInClients: 0,
    brokenOnServer: 0,
  }
  await scoped(async (scope) => {
    const server = await inProcessServer(scope)
    const room = await createRoom(server.url, 'Convergence')
    const delegation = await invite(server.url, room.facilitator, room.id, { role: 'delegation', state: 'Japan' })
    const asDelegation = withToken(server.url, delegation.token)
    const clients = Array.from({ length: 3 }, () => client(scope, server.wsBase, room.id, room.facilitator))
    await Promise.all(clients.map((c) => syncedWithin(c.provider)))
    const versions: string[] = []

    const serverSide = async (kind: 'accept' | 'version' | 'restore') => {
      if (kind === 'version') {
        const response = await room.api(`/api/documents/${room.id}/versions`, { method: 'POST', body: JSON.stringify({ label: `v${versions.length}` }) })
        if (response.status === 201) versions.push(((await response.json()) as { version: { id: string } }).version.id)
        return
      }
      if (kind === 'restore') {
        if (versions.length === 0) return
        const response = await room.api(`/api/documents/${room.id}/versions/${random.pick(versions)}/restore`, { method: 'POST', body: '{}' })
        if (response.ok) figures.restores++
        return
      }
      const paragraphs = await serverParagraphs(server.url, room.facilitator, room.id)
      if (paragraphs.length === 0) return
      const target = random.pick(paragraphs)
      // Replace a few code points (or none) by a few pieces, or swap astral characters for their
      // siblings: the server diffs the two texts.
      const points = boundaries(target.text)
      const from = random.int(points.length)
      const to = Math.min(points.length - 1, from + random.int(3))
      const swapped = target.text.replace(/😀|😃|𠀋|𠀌|𠀍|🇺🇳|🇫🇷|𝒜|𝒞/gu, (c) => SIBLING[c] ?? c)
      const text =
        random.chance(0.5) && swapped !== target.text ? swapped : target.text.slice(0, points[from]) + piecesOf(random) + target.text.slice(points[to])
      const created = await asDelegation(`/api/documents/${room.id}/amendments`, {
        method: 'POST',
        body: JSON.stringify({ paragraphId: target.id, kind: 'replace', text, baseText: target.text }),
      })
      if (created.status !== 201) return
      const { amendment } = (await created.json()) as { amendment: { id: string } }
      const accepted = await room.api(`/api/documents/${room.id}/amendments/${amendment.id}/accept`, { method: 'POST', body: '{}' })
      if (accepted.ok) figures.accepts++
    }

    await serverSide('version')
    const pending: Array<Promise<void>> = []
    for (let step = 0; step < steps; step++) {
      const c = random.pick(clients)
      const roll = random.next()
      if (roll < 0.05) {
        if (c.provider.wsconnected || c.provider.wsconnecting) c.provider.disconnect()
        else {
          c.provider.connect()
          figures.reconnects++
        }
      } else if (roll < 0.12) {
        pending.push(serverSide(random.pick(['accept', 'accept', 'accept', 'version', 'restore'] as const)).catch(() => {}))
      } else {
        const paragraphs = docParagraphs(c.doc).filter((p) => p.text)
        if (paragraphs.length === 0) continue
        const { text, plain } = random.pick(paragraphs)
        const points = boundaries(plain)
        if (roll < 0.7 || points.length < 3) {
          text!.insert(random.pick(points), piecesOf(random))
        } else {
          const from = random.int(points.length - 1)
          const to = Math.min(points.length - 1, from + 1 + random.int(3))
          text!.delete(points[from], points[to] - points[from])
        }
        figures.clientEdits++
      }
      if (random.chance(0.3)) await sleep(random.int(8))
    }
    await Promise.all(pending)
    for (const c of clients) if (!c.provider.wsconnected && !c.provider.wsconnecting) c.provider.connect()

    const wait = deadline(8_000)
    let restText = ''
    const agree = async () => {
      const texts = clients.map((c) => allText(c.doc))
      figures.converged = texts.every((t) => t === texts[0])
      restText = (await serverParagraphs(server.url, room.facilitator, room.id)).map((p) => p.text).join('\n')
      figures.serverAgrees = figures.converged && restText === texts[0]
      return figures.serverAgrees
    }
    while (!wait.passed() && !(await agree())) await sleep(100)
    figures.brokenInClients = clients.reduce((n, c) => n + brokenCharacters(allText(c.doc)), 0)
    figures.brokenOnServer = brokenCharacters(restText)
  })
  return figures
}

/** Several independent runs (seeds SEED, SEED+1 …), their figures added up. */
export async function convergenceRuns(size: Size, seed = SEED): Promise<ConvergenceFigures & { runs: number; runsDiverged: number }> {
  const runs = bySize(size, 3, 10)
  const total = { runs, runsDiverged: 0, steps: 0, clientEdits: 0, reconnects: 0, accepts: 0, restores: 0, converged: true, serverAgrees: true, brokenInClients: 0, brokenOnServer: 0 }
  for (let run = 0; run < runs; run++) {
    const f = await convergence(size, seed + run)
    for (const key of ['steps', 'clientEdits', 'reconnects', 'accepts', 'restores', 'brokenInClients', 'brokenOnServer'] as const) total[key] += f[key]
    total.converged &&= f.converged
    total.serverAgrees &&= f.serverAgrees
    if (!f.serverAgrees) total.runsDiverged++
  }
  return total
}
