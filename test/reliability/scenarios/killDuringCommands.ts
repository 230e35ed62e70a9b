/**
 * Scenario: SIGKILL in the middle of the server's own multi-step work. Each round first types a
 * few tokens and waits until a witness has them, then does one of three things and kills the
 * server a few milliseconds later, at a random moment:
 *
 * - names a version (the version row and its audit entry);
 * - restores the first named version (a checkpoint, the restored text and its audit entry);
 * - lets every client leave, so the room flushes, compacts its update log and takes its unload
 *   checkpoint, and kills around the moment that happens.
 *
 * After each restart: nothing the witness had is lost unless a restore replaced it; a restore is
 * all or nothing (the text is exactly the one before or exactly the version's, and a restored
 * text always has its audit entry); an acknowledged command is never lost; a stored version
 * always has its audit entry and holds the text it was named on.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../../server/store/sqliteStore'
import { allText, docParagraphs } from '../docText'
import {
  bySize,
  client,
  createRoom,
  deadline,
  type Figures,
  ProcessServer,
  prng,
  type Random,
  type Room,
  scoped,
  SEED,
  serverParagraphs,
  type Size,
  sleep,
  syncedWithin,
} from '../harness'

export interface KillDuringCommandsFigures extends Figures {
  rounds: number
  versionSaves: number
  versionsAcknowledged: number
  versionsLost: number
  versionsInconsistent: number
  restores: number
  restoresAcknowledged: number
  restoresApplied: number
  restoresLost: number
  restoresTorn: number
  restoresUnaudited: number
  unloads: number
  witnessed: number
  editsLost: number
}

type Action = 'version' | 'restore' | 'unload'
const ACTIONS: Action[] = ['version', 'restore', 'unload']
const TOKEN = /k\d+\.\d+;/g

/** The live text as the REST API reads it: one line per paragraph. */
async function liveText(server: ProcessServer, room: Room): Promise<string> {
  return (await serverParagraphs(server.url, room.facilitator, room.id)).map((p) => p.text).join('\n')
}

/** A version's text, in the same form as `liveText`. */
async function versionText(room: Room, versionId: string): Promise<string | undefined> {
  const response = await room.api(`/api/documents/${room.id}/versions/${versionId}`)
  if (response.status === 404) return undefined
  const { version } = (await response.json()) as { version: { paragraphs: Array<{ text: string }> } }
  return version.paragraphs.map((p) => p.text).join('\n')
}

/** The audit entries of one action, read from the stored record itself. */
function audited(dataDir: string, documentId: string, action: string): Array<Record<string, unknown>> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    const rows = db.prepare('SELECT detail FROM audit_log WHERE document_id = ? AND action = ?').all(documentId, action) as Array<{ detail: string }>
    return rows.map((row) => JSON.parse(row.detail) as Record<string, unknown>)
  } finally {
    db.close()
  }
}

/** Types `count` tokens as a facilitator and waits until a second client has them all. */
async function typeWitnessed(server: ProcessServer, room: Room, random: Random, round: number, count: number): Promise<Set<string>> {
  return scoped(async (scope) => {
    const writer = client(scope, server.wsBase, room.id, room.facilitator)
    const witness = client(scope, server.wsBase, room.id, room.facilitator)
    await Promise.all([syncedWithin(writer.provider), syncedWithin(witness.provider)])
    const paragraphs = docParagraphs(writer.doc).filter((p) => p.text)
    for (let k = 0; k < count; k++) {
      const text = random.pick(paragraphs).text!
      text.insert(text.length, ` k${round}.${k};`)
    }
    const until = deadline(10_000)
    while (!until.passed() && (allText(witness.doc).match(TOKEN) ?? []).filter((t) => t.startsWith(`k${round}.`)).length < count) await sleep(10)
    return new Set(allText(witness.doc).match(TOKEN) ?? [])
  })
}

export async function killDuringCommands(size: Size, seed = SEED): Promise<KillDuringCommandsFigures> {
  const rounds = bySize(size, 3, 24)
  const figures: KillDuringCommandsFigures = {
    rounds,
    versionSaves: 0,
    versionsAcknowledged: 0,
    versionsLost: 0,
    versionsInconsistent: 0,
    restores: 0,
    restoresAcknowledged: 0,
    restoresApplied: 0,
    restoresLost: 0,
    restoresTorn: 0,
    restoresUnaudited: 0,
    unloads: 0,
    witnessed: 0,
    editsLost: 0,
  }
  await scoped(async (scope) => {
    const server = await ProcessServer.start(scope)
    const room = await createRoom(server.url, 'Kill during commands')
    const random = prng(seed)
    const first = (await (await room.api(`/api/documents/${room.id}/versions`, { method: 'POST', body: JSON.stringify({ label: 'Zero draft' }) })).json()) as {
      version: { id: string }
    }
    const zeroDraft = (await versionText(room, first.version.id))!

    for (let round = 0; round < rounds; round++) {
      const action = ACTIONS[round % ACTIONS.length]
      const witnessed = await typeWitnessed(server, room, random, round, 5 + random.int(10))
      const before = await liveText(server, room)
      const restoresAuditedBefore = audited(server.dataDir, room.id, 'version.restore').length
      const label = `Rev.${round}`
      let acknowledged = false

      if (action === 'unload') {
        // The room flushes and compacts 2 s after its last client leaves (createServer's flushDelayMs).
        figures.unloads++
        await sleep(1900 + random.int(400))
        server.killNow()
      } else {
        const path = action === 'version' ? `/api/documents/${room.id}/versions` : `/api/documents/${room.id}/versions/${first.version.id}/restore`
        const body = action === 'version' ? JSON.stringify({ label }) : '{}'
        if (action === 'version') figures.versionSaves++
        else figures.restores++
        const sent = room.api(path, { method: 'POST', body }).then(
          (response) => (acknowledged = response.ok),
          () => undefined,
        )
        // Spread over the command's whole course: before it is read, while it runs, after it answered.
        await sleep(random.int(60))
        server.killNow()
        await sent
      }
      await server.restart('SIGKILL')
      const after = await liveText(server, room)

      if (action === 'version') {
        if (acknowledged) figures.versionsAcknowledged++
        const listed = (await (await room.api(`/api/documents/${room.id}/versions?kind=named&limit=100`)).json()) as { versions: Array<{ id: string; label: string }> }
        const stored = listed.versions.find((v) => v.label === label)
        if (acknowledged && !stored) figures.versionsLost++
        if (stored) {
          const hasAudit = audited(server.dataDir, room.id, 'version.name').some((detail) => detail.versionId === stored.id)
          if (!hasAudit || (await versionText(room, stored.id)) !== before) figures.versionsInconsistent++
        }
      }

      let replaced = false
      if (action === 'restore') {
        if (acknowledged) figures.restoresAcknowledged++
        const restoredAudited = audited(server.dataDir, room.id, 'version.restore').length > restoresAuditedBefore
        replaced = after === zeroDraft && before !== zeroDraft
        if (replaced) figures.restoresApplied++
        if (after !== before && after !== zeroDraft) figures.restoresTorn++
        if (acknowledged && after !== zeroDraft) figures.restoresLost++
        if (replaced && !restoredAudited) figures.restoresUnaudited++
      }

      if (!replaced) {
        figures.witnessed += witnessed.size
        const kept = new Set(after.match(TOKEN) ?? [])
        for (const token of witnessed) if (!kept.has(token)) figures.editsLost++
      }
    }
  })
  return figures
}
