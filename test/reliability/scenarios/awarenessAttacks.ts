/**
 * Scenario 3: presence attacks from an observer's raw socket, with frames built by
 * y-protocols/awareness: claiming the facilitator's client id (first thing said, or after its
 * own), an absurd clock (2^53−1) that would freeze the victim, a forged "leave", and malformed
 * fields (a `cursor` that is no relative position, extra fields, `__proto__`, huge or non-object
 * states, invalid JSON). The victim must keep its label and keep updating; malformed states must
 * not reach other clients.
 */
import * as Y from 'yjs'
import { invite, rawSocket } from '../../../server/test/testServer'
import { awarenessFrame, rawStateFrame } from '../awarenessFrames'
import { docParagraphs } from '../docText'
import { client, createRoom, deadline, type Figures, inProcessServer, scoped, type Size, sleep, syncedWithin, track } from '../harness'

export interface AwarenessFigures extends Figures {
  attacks: number
  relabelled: number
  frozen: number
  removed: number
  malformedSent: number
  malformedAccepted: number
  serverAlive: boolean
  /** Which attacks did harm. */
  harmful: string
}

const MAX_CLOCK = Number.MAX_SAFE_INTEGER // 2^53 − 1

let nextAttackerId = 900_000_000

export async function awarenessAttacks(size: Size): Promise<AwarenessFigures> {
  void size // every attack runs once at either size; they are cheap
  const figures: AwarenessFigures = { attacks: 0, relabelled: 0, frozen: 0, removed: 0, malformedSent: 0, malformedAccepted: 0, serverAlive: false, harmful: '' }
  const harmful: string[] = []
  await scoped(async (scope) => {
    const server = await inProcessServer(scope)
    const room = await createRoom(server.url, 'Presence')
    const observer = await invite(server.url, room.facilitator, room.id, { role: 'observer', organisation: 'ISHR' })
    const victim = client(scope, server.wsBase, room.id, room.facilitator)
    const watcher = client(scope, server.wsBase, room.id, room.facilitator)
    await Promise.all([syncedWithin(victim.provider), syncedWithin(watcher.provider)])
    const victimId = victim.doc.clientID
    victim.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#1d4ed8' })
    const seenVictim = () => watcher.provider.awareness.getStates().get(victimId) as { user?: unknown; cursor?: unknown } | undefined
    const until = deadline(5000)
    while (!until.passed() && !seenVictim()?.user) await sleep(10)
    const victimUser = JSON.stringify(seenVictim()?.user)
    const firstText = docParagraphs(victim.doc).find((p) => p.text)!.text!
    const caretAt = (n: number) => {
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(firstText, n % Math.max(1, firstText.length)))
      return { anchor: at, head: at }
    }
    let probe = 0

    /** After an attack on the victim: still there, same label, and its next change still arrives. */
    const checkVictim = async (name: string) => {
      await sleep(150)
      const seen = seenVictim()
      if (!seen) {
        figures.removed++
        harmful.push(`${name}: removed`)
      } else if (JSON.stringify(seen.user) !== victimUser) {
        figures.relabelled++
        harmful.push(`${name}: relabelled`)
      }
      // The probe is a well-formed caret (the only field besides `user` a server need keep).
      const value = caretAt(++probe)
      victim.provider.awareness.setLocalStateField('cursor', value)
      const arrived = () => JSON.stringify(seenVictim()?.cursor) === JSON.stringify(value)
      const wait = deadline(1500)
      while (!wait.passed() && !arrived()) await sleep(10)
      if (!arrived()) {
        figures.frozen++
        harmful.push(`${name}: frozen`)
      }
    }
    const clockOf = () => victim.provider.awareness.meta.get(victimId)?.clock ?? 0
    const impostor = { user: { name: 'Chair (impostor)', role: 'facilitator', color: '#ff0000' } }

    const victimAttacks: Array<[string, (attackerId: number) => Uint8Array[]]> = [
      ['claim victim id first', () => [awarenessFrame([{ id: victimId, clock: clockOf() + 1, state: impostor }])]],
      ['claim victim id after own', (me) => [awarenessFrame([{ id: me, clock: 1, state: { user: {} } }]), awarenessFrame([{ id: victimId, clock: clockOf() + 10, state: impostor }])]],
      ['own and victim in one update', (me) => [awarenessFrame([{ id: me, clock: 1, state: { user: {} } }, { id: victimId, clock: clockOf() + 10, state: impostor }])]],
      ['absurd clock on victim id', () => [awarenessFrame([{ id: victimId, clock: MAX_CLOCK, state: JSON.parse(JSON.stringify(victim.provider.awareness.getLocalState())) }])]],
      ['forged leave of victim', () => [awarenessFrame([{ id: victimId, clock: clockOf() + 5, state: null }])]],
    ]
    for (const [name, frames] of victimAttacks) {
      figures.attacks++
      const socket = track(scope, await rawSocket(server.wsBase, room.id, observer.token))
      for (const f of frames(nextAttackerId++)) socket.send(f)
      await checkVictim(name)
      socket.terminate()
      await sleep(50)
    }

    // Malformed states for the attacker's own id: they must not reach the other clients as sent.
    const deep = `{"user":{},"nested":${'['.repeat(20_000)}${']'.repeat(20_000)}}`
    const malformed: Array<[string, unknown, (seen: unknown) => boolean]> = [
      ['cursor not a relative position', { user: {}, cursor: { anchor: 'garbage', head: { type: 1 } } }, (s) => hasField(s, 'cursor')],
      ['cursor a string', { user: {}, cursor: 'x' }, (s) => hasField(s, 'cursor')],
      ['extra field, 100 KB', { user: {}, evil: 'x'.repeat(100_000) }, (s) => hasField(s, 'evil')],
      ['__proto__ key', JSON.parse('{"user":{},"__proto__":{"polluted":true}}'), (s) => JSON.stringify(s)?.includes('polluted') ?? false],
      ['deeply nested field', new RawJson(deep), (s) => hasField(s, 'nested')],
      ['state a number', 42, (s) => s === 42],
      ['state an array', [1, 2, 3], (s) => Array.isArray(s)],
      ['user a string', { user: 'Chair' }, (s) => typeof (s as { user?: unknown })?.user === 'string'],
    ]
    for (const [name, state, accepted] of malformed) {
      figures.attacks++
      figures.malformedSent++
      const me = nextAttackerId++
      const socket = track(scope, await rawSocket(server.wsBase, room.id, observer.token))
      socket.send(state instanceof RawJson ? rawStateFrame(me, 1, state.json) : awarenessFrame([{ id: me, clock: 1, state }]))
      const wait = deadline(400)
      while (!wait.passed() && !watcher.provider.awareness.getStates().has(me)) await sleep(10)
      const seen = watcher.provider.awareness.getStates().get(me)
      if (watcher.provider.awareness.getStates().has(me) && accepted(seen)) {
        figures.malformedAccepted++
        harmful.push(`${name}: relayed`)
      }
      socket.terminate()
      await sleep(30)
    }
    for (const [name, json] of [['invalid JSON', '{"user":'], ['a huge number', '1e999999']] as const) {
      figures.attacks++
      figures.malformedSent++
      const socket = track(scope, await rawSocket(server.wsBase, room.id, observer.token))
      socket.send(rawStateFrame(nextAttackerId++, 1, json))
      await sleep(150)
      socket.terminate()
      void name
    }
    await checkVictim('after all attacks')
    figures.serverAlive = (await fetch(`${server.url}/api/health`)).ok
  })
  figures.harmful = harmful.join('; ') || 'none'
  return figures
}

/** A state sent as this exact JSON text (JSON.stringify could not even write it). */
class RawJson {
  constructor(readonly json: string) {}
}

function hasField(state: unknown, field: string): boolean {
  return typeof state === 'object' && state !== null && Object.prototype.hasOwnProperty.call(state, field)
}
