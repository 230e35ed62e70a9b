/**
 * The collaboration socket's handshake, read from the raw request before any upgrade: which
 * requests are refused over HTTP, which sockets are opened only to be closed with a code, and
 * which connect, for tokens, session cookies and Origins.
 */
import type { IncomingMessage } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/api/closeCodes'
import { hashToken } from '../access/tokens'
import { createResolution } from '../documents/createResolution'
import { openSqliteStore } from '../store/sqliteStore'
import type { Store } from '../store/types'
import { Rooms } from './rooms'
import { decideUpgrade } from './upgradeAccess'

const HOST = '127.0.0.1:8787'
const SESSION = 'session-of-ana'

let dir: string
let store: Store
let rooms: Rooms
let documentId: string
let token: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'penholder-upgrade-'))
  store = openSqliteStore(dir)
  rooms = new Rooms(store, { flushDelayMs: 60_000, compactAfterUpdates: 500, log: () => {} })
  const created = createResolution(store, { title: 'Handshakes' })
  documentId = created.id
  token = created.token
  store.joinInvite({ id: 'u-ana', inviteId: created.creator.id, sessionHash: hashToken(SESSION), name: 'Ana', joinedAt: 0, lastSeenAt: 0 })
})
afterEach(() => {
  rooms.closeAll()
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

function handshake(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const request = { method, url: path, headers: { host: HOST, ...headers } } as unknown as IncomingMessage
  const decision = decideUpgrade(request, store, rooms)
  if (decision.kind === 'http') return { http: decision.status }
  if (decision.kind === 'close') return { close: decision.code }
  return { open: decision.access.name }
}

const cookie = `penholder_session=${SESSION}`

describe('the collaboration handshake', () => {
  it('connects a token in the address or as a Bearer header, from any origin', () => {
    expect(handshake(`/collab/${documentId}?token=${token}`)).toEqual({ open: 'Facilitator' })
    expect(handshake(`/collab/${documentId}`, { authorization: `Bearer ${token}`, origin: 'https://evil.example' })).toEqual({ open: 'Facilitator' })
  })

  it('connects the session cookie from our own pages only', () => {
    expect(handshake(`/collab/${documentId}`, { cookie, origin: `http://${HOST}` })).toEqual({ open: 'Ana' })
    // Refused before the upgrade: another site, no Origin, an opaque one.
    expect(handshake(`/collab/${documentId}`, { cookie, origin: 'https://evil.example' })).toEqual({ http: 403 })
    expect(handshake(`/collab/${documentId}`, { cookie })).toEqual({ http: 403 })
    expect(handshake(`/collab/${documentId}`, { cookie, origin: 'null' })).toEqual({ http: 403 })
    // Our host under another scheme is not our origin for a socket.
    expect(handshake(`/collab/${documentId}`, { cookie, origin: `https://${HOST}` })).toEqual({ close: CloseCode.Forbidden })
  })

  it('closes with a code the browser can read when credentials or the resolution are missing', () => {
    expect(handshake(`/collab/${documentId}`)).toEqual({ close: CloseCode.Unauthorized })
    expect(handshake(`/collab/${documentId}?token=not-a-token`)).toEqual({ close: CloseCode.Unauthorized })
    expect(handshake(`/collab/${documentId}`, { origin: 'https://evil.example' })).toEqual({ close: CloseCode.Forbidden })
    expect(handshake(`/collab/r-nothere?token=${token}`)).toEqual({ close: CloseCode.NotFound })
    const other = createResolution(store, { title: 'Another' })
    expect(handshake(`/collab/${other.id}?token=${token}`)).toEqual({ close: CloseCode.Forbidden })
  })

  it('answers 404 to any other address or method, and 400 without a Host', () => {
    expect(handshake(`/collab/${documentId}/more?token=${token}`)).toEqual({ http: 404 })
    expect(handshake(`/api/documents?token=${token}`)).toEqual({ http: 404 })
    expect(handshake(`/collab/${documentId}?token=${token}`, {}, 'POST')).toEqual({ http: 404 })
    const request = { method: 'GET', url: `/collab/${documentId}`, headers: {} } as unknown as IncomingMessage
    expect(decideUpgrade(request, store, rooms)).toMatchObject({ kind: 'http', status: 400 })
  })
})
