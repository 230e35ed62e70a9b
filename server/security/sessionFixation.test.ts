import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDocument, invite, startTestServer, type TestServer, withToken } from '../test/testServer'

let server: TestServer
let documentId: string
let facilitator: string

beforeEach(async () => {
  server = await startTestServer()
  ;({ id: documentId, token: facilitator } = await createDocument(server.url, { title: 'Fixation' }))
})
afterEach(async () => {
  await server.dispose()
})

const cookieValue = (response: Response) => /penholder_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1]

/** Opens an invite link as the browser does: its own Origin, and whatever cookie it holds. */
async function signIn(token: string, name: string, session?: string) {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...(session ? { cookie: `penholder_session=${session}` } : {}) },
    body: JSON.stringify({ token, name }),
  })
  expect(response.status).toBe(201)
  return cookieValue(response)
}

async function accessOf(session: string) {
  const me = await (await fetch(`${server.url}/api/me`, { headers: { cookie: `penholder_session=${session}` } })).json()
  return (me.access as Array<{ documentId: string; role: string }>).map((a) => `${a.documentId}:${a.role}`).sort()
}

describe('sessions are issued by the server and rotate on every sign-in', () => {
  it('never adopts a cookie value the browser brought: a planted cookie gets none of the victim’s access', async () => {
    const planted = 'attacker-chosen-session-value'
    const delegation = await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Mexico' })
    const issued = await signIn(delegation.token, 'Lucía', planted)

    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 random bits, base64url
    expect(issued).not.toBe(planted)
    expect(await accessOf(issued!)).toEqual([`${documentId}:delegation`])
    expect(await accessOf(planted)).toEqual([])
    const list = await (await fetch(`${server.url}/api/documents`, { headers: { cookie: `penholder_session=${planted}` } })).json()
    expect(list.documents).toEqual([])
  })

  it('gives an attacker’s own planted session nothing of the victim’s link, and ends it', async () => {
    const observer = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    const attackers = await signIn(observer.token, 'Mallory')
    const second = await invite(server.url, facilitator, documentId, { role: 'facilitator' })
    const victims = await signIn(second.token, 'Ana', attackers)

    expect(victims).not.toBe(attackers)
    expect(await accessOf(attackers!)).toEqual([])
    const forged = await fetch(`${server.url}/api/documents/${documentId}/invites`, { headers: { cookie: `penholder_session=${attackers}` } })
    expect(forged.status).toBe(403)
  })

  it('keeps what the person could already open when it rotates, under the same participant', async () => {
    const other = await createDocument(server.url, { title: 'Other' })
    const first = await signIn((await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Chile' })).token, 'Pía')
    const second = await signIn((await invite(server.url, other.token, other.id, { role: 'observer', organisation: 'ICRC' })).token, 'Pía', first)
    expect(second).not.toBe(first)
    expect(await accessOf(second!)).toEqual([`${documentId}:delegation`, `${other.id}:observer`].sort())
    expect(await accessOf(first!)).toEqual([])

    // Creating a resolution with a name is a sign-in too.
    const created = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: `penholder_session=${second}` },
      body: JSON.stringify({ title: 'Third', name: 'Pía' }),
    })
    expect(created.status).toBe(201)
    const third = cookieValue(created)
    expect(third).toBeDefined()
    expect(third).not.toBe(second)
    const { id: thirdId } = await created.json()
    expect(await accessOf(third!)).toEqual([`${documentId}:delegation`, `${other.id}:observer`, `${thirdId}:facilitator`].sort())
    expect(await accessOf(second!)).toEqual([])

    // The People panel still shows one participant on the first link, not one per rotation.
    const { invites } = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites`)).json()
    const chile = invites.find((i: { state: string | null }) => i.state === 'Chile')
    expect(chile.participants.map((p: { name: string }) => p.name)).toEqual(['Pía'])
  })

  it('sets the cookie HttpOnly, SameSite=Lax, for the whole site', async () => {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: (await invite(server.url, facilitator, documentId, { role: 'facilitator' })).token, name: 'Ana' }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
  })
})
