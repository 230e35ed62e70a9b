import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createDocument, invite, startTestServer, type TestServer, withToken } from '../test/testServer'

let server: TestServer
let documentId: string
let facilitator: string
let cookie: string
let observerId: string

beforeEach(async () => {
  server = await startTestServer()
  ;({ id: documentId, token: facilitator } = await createDocument(server.url, { title: 'Origins', text: 'The General Assembly,\nRecalling,\n1. Decides;' }))
  const second = await invite(server.url, facilitator, documentId, { role: 'facilitator' })
  observerId = (await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })).id
  const joined = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: second.token, name: 'Ana' }),
  })
  cookie = (joined.headers.get('set-cookie') ?? '').split(';')[0]!
})
afterEach(async () => {
  await server.dispose()
})

const EVIL = 'https://evil.example'

function withCookie(path: string, method: string, origin: string | undefined, body?: object) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: body && JSON.stringify(body),
  })
}

describe('a request that relies on the session cookie must come from our own pages', () => {
  it('refuses JSON POST, PATCH and DELETE from a foreign origin, or with no origin, with 403 { error }, and changes nothing', async () => {
    const paragraphs: Array<{ id: string }> = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/paragraphs`)).json()
    const attempts: Array<[string, string, object | undefined]> = [
      ['POST', `/api/documents/${documentId}/invites`, { role: 'facilitator' }],
      ['DELETE', `/api/documents/${documentId}/invites/${observerId}`, undefined],
      ['POST', `/api/documents/${documentId}/comments`, { paragraphId: paragraphs[0]!.id, body: 'forged' }],
      ['PATCH', `/api/documents/${documentId}/comments/c-any`, { body: 'forged' }],
    ]
    for (const origin of [EVIL, 'null', undefined, `http://127.0.0.1.evil.example:${server.port}`]) {
      for (const [method, path, body] of attempts) {
        const response = await withCookie(path, method, origin, body)
        expect({ method, path, origin, status: response.status }).toEqual({ method, path, origin, status: 403 })
        expect((await response.json()).error).toMatch(/did not come from this site/)
      }
    }
    const { invites } = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites`)).json()
    expect(invites).toHaveLength(3)
    expect(invites.every((i: { revokedAt: string | null }) => i.revokedAt === null)).toBe(true)
    const { comments } = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/comments`)).json()
    expect(comments).toEqual([])
  })

  it('accepts the same requests from our own origin, and Bearer requests from anywhere', async () => {
    const own = await withCookie(`/api/documents/${documentId}/invites`, 'POST', server.url, { role: 'observer', organisation: 'Amnesty International' })
    expect(own.status).toBe(201)
    const bearer = await withToken(server.url, facilitator)(`/api/documents/${documentId}/invites`, {
      method: 'POST',
      headers: { origin: EVIL, cookie },
      body: JSON.stringify({ role: 'observer', organisation: 'ICRC' }),
    })
    expect(bearer.status).toBe(201)
    const revoked = await withCookie(`/api/documents/${documentId}/invites/${observerId}`, 'DELETE', server.url)
    expect(revoked.status).toBe(200)
  })

  it('refuses a collaboration socket opened with the cookie from a foreign page', async () => {
    const handshake = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${server.wsBase}/${documentId}`, { headers: { cookie }, origin })
        // Closed before answering, so the server is done with it before the test stops the server.
        socket.once('open', () => {
          socket.once('close', () => setTimeout(() => resolve(101), 100))
          socket.close()
        })
        socket.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0)
          socket.terminate()
        })
        socket.once('error', (error) => reject(error))
      })
    expect(await handshake(EVIL)).toBe(403)
    expect(await handshake(server.url)).toBe(101)
  })
})
