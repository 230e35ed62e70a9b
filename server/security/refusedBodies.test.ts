import { connect, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test/testServer'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

/** The statuses of the next `count` HTTP responses on `socket`, or what came before it closed. */
function responses(socket: Socket, count: number): Promise<{ statuses: number[]; closed: boolean }> {
  return new Promise((resolve) => {
    let text = ''
    const statuses = () => [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]))
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1')
      if (statuses().length >= count) resolve({ statuses: statuses(), closed: false })
    })
    socket.on('close', () => resolve({ statuses: statuses(), closed: true }))
  })
}

describe('a request refused before its body arrived', () => {
  it('leaves the kept-alive connection usable for the next request, however late the body comes', async () => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    try {
      const body = JSON.stringify({ paragraphId: 'p-1', body: 'A comment sent with a bad token' })
      const first = responses(socket, 1)
      // Headers first: the server refuses (no access) before the body arrives.
      socket.write(
        `POST /api/documents/r-none/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer not-a-token\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      )
      expect((await first).statuses[0]).toBeGreaterThanOrEqual(400)
      // The body comes late (a slow uplink, or a server busy with something else meanwhile), and
      // the browser sends its next request on the same connection right after it.
      await new Promise((resolve) => setTimeout(resolve, 700))
      const next = responses(socket, 1)
      socket.write(body)
      socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
      expect(await next).toEqual({ statuses: [200], closed: false })
    } finally {
      socket.destroy()
    }
  })
})
