import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '../../shared/api/closeCodes'
import { createApp } from '../app'
import { Rooms } from '../collab/rooms'
import { EventHub } from '../events/eventHub'
import { openSqliteStore } from '../store/sqliteStore'
import {
  closeCode,
  connect,
  createDocument,
  eventually,
  invite,
  paragraphText,
  rawSocket,
  startTestServer,
  synced,
  type TestServer,
  withToken,
} from '../test/testServer'

const TEXT = `The General Assembly,
Recalling its previous resolutions,
1. Calls upon all States to cooperate fully;
2. Decides to remain seized of the matter.`

let server: TestServer
let documentId: string
let facilitator: string
const cleanups: Array<() => void> = []

beforeEach(async () => {
  server = await startTestServer()
  ;({ id: documentId, token: facilitator } = await createDocument(server.url, { title: 'Access', text: TEXT }))
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

function client(token: string) {
  const c = connect(server.wsBase, documentId, token)
  cleanups.push(() => c.provider.destroy())
  return c
}

const firstOp = (doc: Y.Doc) => paragraphText(doc, 'operatives', 0).toString()

describe('every route asks the policy', () => {
  /** Routes anyone may call: each states what it gives away without credentials. */
  const PUBLIC = new Set([
    'GET /api/health', // liveness only
    'GET /api/config', // whether creating needs a key
    'GET /api/me', // the caller's own access: nothing without credentials
    'GET /api/documents', // the caller's own resolutions: nothing without credentials
    'POST /api/documents', // open by default; CREATE_TOKEN restricts it
    'POST /api/documents/import', // the same as POST /api/documents, from a Word file
    'POST /api/documents/preview', // reads pasted text back to the caller, stores nothing; CREATE_TOKEN restricts it
    'POST /api/documents/import/preview', // the same, from a Word file
    'GET /api/invites/preview', // needs the invite token itself
    'POST /api/sessions', // needs the invite token itself
  ])

  function protectedRoutes() {
    const store = openSqliteStore(':memory:')
    const rooms = new Rooms(store, { flushDelayMs: 1000, compactAfterUpdates: 100, log: () => {} })
    const app = createApp({ store, rooms, hub: new EventHub(), log: () => {} })
    const routes = app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
      .map((route) => ({ method: route.method, path: route.path, key: `${route.method} ${route.path}` }))
    store.close()
    return routes.filter((route) => !PUBLIC.has(route.key))
  }

  it('knows the route table: every API route is either public on purpose or protected', () => {
    const routes = protectedRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(5)
    for (const route of routes) expect(route.path).toMatch(/^\/api\/documents\/:id/)
  })

  it('refuses every protected route without a token, with a wrong token, a revoked token or another resolution’s token', async () => {
    const observer = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    const revoked = await invite(server.url, facilitator, documentId, { role: 'facilitator' })
    await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites/${revoked.id}`, { method: 'DELETE' })
    const other = await createDocument(server.url, { title: 'Another' })

    const routes = protectedRoutes()
    for (const { method, path } of routes) {
      const url = path.replace(':id', documentId).replace(':inviteId', observer.id)
      const call = (token?: string) =>
        fetch(`${server.url}${url}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: method === 'GET' ? undefined : JSON.stringify({ role: 'facilitator' }),
        })
      const cases: Array<[string | undefined, number]> = [
        [undefined, 401],
        ['not-a-real-token', 401],
        [revoked.token, 403],
        [other.token, 403],
      ]
      for (const [token, status] of cases) {
        const response = await call(token)
        expect({ route: `${method} ${path}`, token, status: response.status }).toEqual({ route: `${method} ${path}`, token, status })
        expect(typeof (await response.json()).error).toBe('string')
      }
    }
  })

  it('refuses the collaboration socket without a token, with a wrong token or a revoked token', async () => {
    const revoked = await invite(server.url, facilitator, documentId, { role: 'facilitator' })
    await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites/${revoked.id}`, { method: 'DELETE' })
    const cases: Array<[string | undefined, number]> = [
      [undefined, CloseCode.Unauthorized],
      ['not-a-real-token', CloseCode.Unauthorized],
      [revoked.token, CloseCode.Forbidden],
    ]
    for (const [token, code] of cases) {
      const socket = await rawSocket(server.wsBase, documentId, token)
      expect(await closeCode(socket)).toBe(code)
    }
  })

  it('keeps facilitator-only routes from delegations and observers', async () => {
    const delegation = await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Mexico' })
    const api = withToken(server.url, delegation.token)
    expect((await api(`/api/documents/${documentId}/paragraphs`)).status).toBe(200)
    const list = await api(`/api/documents/${documentId}/invites`)
    expect(list.status).toBe(403)
    expect((await list.json()).error).toBe('Only the facilitators can manage invite links.')
    const create = await api(`/api/documents/${documentId}/invites`, { method: 'POST', body: JSON.stringify({ role: 'facilitator' }) })
    expect(create.status).toBe(403)
  })
})

describe('read-only connections', () => {
  for (const [role, body] of [
    ['observer', { role: 'observer', organisation: 'ISHR' }],
    ['delegation', { role: 'delegation', state: 'Brazil' }],
  ] as const) {
    it(`never applies, stores or relays text updates from a ${role}`, async () => {
      const readOnly = await invite(server.url, facilitator, documentId, body)
      const watcher = client(facilitator)
      const intruder = client(readOnly.token)
      await Promise.all([synced(watcher.provider), synced(intruder.provider)])
      const before = firstOp(watcher.doc)

      const closes: number[] = []
      intruder.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code))
      for (let i = 0; i < 100; i++) paragraphText(intruder.doc, 'operatives', 0).insert(0, `${role}${i} `)
      await eventually(() => expect(closes).toContain(CloseCode.Forbidden))
      // Give anything that slipped through time to arrive before looking.
      await new Promise((resolve) => setTimeout(resolve, 300))

      expect(firstOp(watcher.doc)).toBe(before)
      const paragraphs = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/paragraphs`)).json()
      expect(paragraphs[1].text).toBe(before)

      intruder.provider.destroy()
      watcher.provider.destroy()
      await server.close()
      server = await startTestServer({ dataDir: server.dataDir })
      const after = client(facilitator)
      await synced(after.provider)
      expect(firstOp(after.doc)).toBe(before)
    })
  }

  it('does not apply an update disguised with overlong varints', async () => {
    const observer = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    const source = new Y.Doc()
    const watcher = client(facilitator)
    await synced(watcher.provider)
    Y.applyUpdate(source, Y.encodeStateAsUpdate(watcher.doc))
    const before = firstOp(watcher.doc)
    const sv = Y.encodeStateVector(source)
    paragraphText(source, 'operatives', 0).insert(0, 'hacked ')
    const update = Y.encodeStateAsUpdate(source, sv)
    const encoder = encoding.createEncoder()
    encoding.writeUint8(encoder, 0x80) // message type 0 (sync), as a two-byte varint
    encoding.writeUint8(encoder, 0x00)
    encoding.writeUint8(encoder, 0x82) // sync type 2 (update), as a three-byte varint
    encoding.writeUint8(encoder, 0x80)
    encoding.writeUint8(encoder, 0x00)
    encoding.writeVarUint8Array(encoder, update)
    const socket = await rawSocket(server.wsBase, documentId, observer.token)
    for (let i = 0; i < 3; i++) socket.send(encoding.toUint8Array(encoder))
    expect(await closeCode(socket)).toBe(CloseCode.Forbidden)
    expect(firstOp(watcher.doc)).toBe(before)
  })
})

describe('identity in the room', () => {
  it('shows a client that announces another name or State with its own', async () => {
    const mexico = await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Mexico' })
    const watcher = client(facilitator)
    const impostor = client(mexico.token)
    await Promise.all([synced(watcher.provider), synced(impostor.provider)])
    impostor.provider.awareness.setLocalStateField('user', {
      name: 'Chair of the Third Committee',
      role: 'facilitator',
      state: 'France',
      color: '#ff0000',
    })
    await eventually(() => {
      const seen = watcher.provider.awareness.getStates().get(impostor.doc.clientID)?.user
      expect(seen).toEqual({ name: 'Delegation of Mexico', role: 'delegation', state: 'Mexico', organisation: null, color: '#ff0000' })
    })
  })

  it('drops awareness entries for client ids the connection does not own', async () => {
    const watcher = client(facilitator)
    await synced(watcher.provider)
    watcher.provider.awareness.setLocalStateField('user', { name: 'x', color: '#00ff00' })
    const observer = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    const socket = await rawSocket(server.wsBase, documentId, observer.token)
    // The observer's own presence first, then a forged "leave" for the facilitator's client id.
    const own = new awarenessProtocol.Awareness(new Y.Doc())
    own.setLocalState({ user: { name: 'me' } })
    const forged = new awarenessProtocol.Awareness(new Y.Doc())
    forged.clientID = watcher.doc.clientID
    forged.setLocalState(null)
    for (const aw of [own, forged]) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(aw, [aw.clientID], new Map([[aw.clientID, { clock: 99, lastUpdated: 0 }]])))
      socket.send(encoding.toUint8Array(encoder))
    }
    await eventually(() => expect(watcher.provider.awareness.getStates().get(own.clientID)?.user?.name).toBe('Observer (ISHR)'))
    expect(watcher.provider.awareness.getStates().get(watcher.doc.clientID)?.user?.name).toBe('x')
    socket.close()
  })
})

describe('invite links', () => {
  it('creates, lists and revokes links, and revoking closes the open connections at once', async () => {
    const api = withToken(server.url, facilitator)
    const bad = await api(`/api/documents/${documentId}/invites`, { method: 'POST', body: JSON.stringify({ role: 'delegation', state: 'Atlantis' }) })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatch(/^state: /)
    const noOrg = await api(`/api/documents/${documentId}/invites`, { method: 'POST', body: JSON.stringify({ role: 'observer' }) })
    expect((await noOrg.json()).error).toMatch(/^organisation: /)

    const observer = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    const { invites } = await (await api(`/api/documents/${documentId}/invites`)).json()
    expect(invites.map((i: { role: string; organisation: string | null; yours: boolean }) => [i.role, i.organisation, i.yours])).toEqual([
      ['facilitator', null, true],
      ['observer', 'ISHR', false],
    ])

    const connected = client(observer.token)
    await synced(connected.provider)
    const closes: number[] = []
    connected.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code))
    const revoke = await api(`/api/documents/${documentId}/invites/${observer.id}`, { method: 'DELETE' })
    expect(revoke.status).toBe(200)
    expect((await revoke.json()).invite.revokedAt).toEqual(expect.any(String))
    await eventually(() => expect(closes).toContain(CloseCode.Forbidden))
    expect((await withToken(server.url, observer.token)(`/api/documents/${documentId}/paragraphs`)).status).toBe(403)
  })

  it('will not let a facilitator revoke the link they are using', async () => {
    const { invites } = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites`)).json()
    const response = await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites/${invites[0].id}`, { method: 'DELETE' })
    expect(response.status).toBe(400)
  })
})

describe('sessions', () => {
  async function join(token: string, name: string) {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name }),
    })
    return { response, cookie: response.headers.get('set-cookie') ?? '' }
  }

  it('opens a link into an HttpOnly, SameSite session cookie that carries the access', async () => {
    const delegation = await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Mexico' })
    const { response, cookie } = await join(delegation.token, 'Lucía')
    expect(response.status).toBe(201)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const session = cookie.split(';')[0]
    expect(session).not.toContain(delegation.token)

    const me = await (await fetch(`${server.url}/api/me`, { headers: { cookie: session } })).json()
    expect(me.access).toEqual([expect.objectContaining({ documentId, role: 'delegation', state: 'Mexico', name: 'Lucía' })])
    const list = await (await fetch(`${server.url}/api/documents`, { headers: { cookie: session } })).json()
    expect(list.documents.map((d: { id: string }) => d.id)).toEqual([documentId])

    const socket = await rawSocket(server.wsBase, documentId)
    expect(await closeCode(socket)).toBe(CloseCode.Unauthorized)
  })

  it('refuses a cookie-authenticated change that comes from another site', async () => {
    const second = await invite(server.url, facilitator, documentId, { role: 'facilitator' })
    const { cookie } = await join(second.token, 'Ana')
    const session = cookie.split(';')[0]
    const forged = await fetch(`${server.url}/api/documents/${documentId}/invites`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ role: 'facilitator' }),
    })
    expect(forged.status).toBe(403)
    const genuine = await fetch(`${server.url}/api/documents/${documentId}/invites`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ role: 'observer', organisation: 'Amnesty International' }),
    })
    expect(genuine.status).toBe(201)
  })

  it('tells a person whose link was revoked, or mistyped, what to do', async () => {
    const revoked = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites/${revoked.id}`, { method: 'DELETE' })
    const { response } = await join(revoked.token, 'Sam')
    expect(response.status).toBe(403)
    expect((await response.json()).error).toMatch(/revoked/)
    const preview = await fetch(`${server.url}/api/invites/preview?token=garbage`)
    expect(preview.status).toBe(404)
    const empty = await join(revoked.token, '   ')
    expect((await empty.response.json()).error).toMatch(/^name: /)
  })
})
