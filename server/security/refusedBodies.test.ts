import { connect, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDocument, startTestServer, type TestServer } from '../test/testServer'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

/** What the server writes on `socket` until it has written `count` HTTP responses, or closed. */
function responses(socket: Socket, count: number): Promise<{ heads: string[]; closed: boolean }> {
  return new Promise((resolve) => {
    let text = ''
    const heads = () => [...text.matchAll(/HTTP\/1\.1 \d{3}[^]*?\r\n\r\n/g)].map((match) => match[0])
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1')
      if (heads().length >= count) resolve({ heads: heads(), closed: false })
    })
    socket.on('close', () => resolve({ heads: heads(), closed: true }))
  })
}

async function open(): Promise<Socket> {
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  return socket
}

const post = (path: string, token: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`

describe('an answer given before the request body was read', () => {
  it('closes its connection, so that no next request is read as the rest of that body', async () => {
    const socket = await open()
    try {
      const body = JSON.stringify({ paragraphId: 'p-1', body: 'A comment sent with a bad token' })
      const refused = responses(socket, 1)
      // Headers only: the gate refuses before any of the body arrives, and the body never does.
      socket.write(post('/api/documents/r-none/comments', 'not-a-token', body))
      const { heads } = await refused
      expect(heads[0]).toMatch(/^HTTP\/1\.1 404/)
      expect(heads[0]).toMatch(/\r\nconnection: close/i)
      // The server ends the connection itself rather than wait for a body that is not coming.
      expect(await new Promise((resolve) => (socket.destroyed ? resolve(true) : socket.once('close', () => resolve(true))))).toBe(true)
    } finally {
      socket.destroy()
    }
  })

  it('keeps the connection when the body was read, even to refuse it', async () => {
    const { id, token } = await createDocument(server.url, { text: 'Title\n\nThe General Assembly,\n1. Decides to act.' })
    const socket = await open()
    try {
      const invalid = JSON.stringify({ label: '' })
      const both = responses(socket, 2)
      socket.write(post(`/api/documents/${id}/versions`, token, invalid) + invalid)
      socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
      const { heads, closed } = await both
      expect(closed).toBe(false)
      expect(heads[0]).toMatch(/^HTTP\/1\.1 400/)
      expect(heads[0]).not.toMatch(/\r\nconnection: close/i)
      expect(heads[1]).toMatch(/^HTTP\/1\.1 200/)
    } finally {
      socket.destroy()
    }
  })
})
