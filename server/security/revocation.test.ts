import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDocument, invite, startTestServer, type TestServer, withToken } from '../test/testServer'

let server: TestServer
let documentId: string
let facilitator: string
const open: Array<ReadableStreamDefaultReader<Uint8Array>> = []

beforeEach(async () => {
  server = await startTestServer()
  ;({ id: documentId, token: facilitator } = await createDocument(server.url, { title: 'Revocation', text: 'The General Assembly,\nRecalling,\n1. Decides;' }))
})
afterEach(async () => {
  for (const reader of open.splice(0)) await reader.cancel().catch(() => {})
  await server.dispose()
})

/** Reads the rest of a stream; answers what it read, or `undefined` if it was still open after `ms`. */
async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<string | undefined> {
  const decoder = new TextDecoder()
  let seen = ''
  const deadline = Date.now() + ms
  for (;;) {
    const left = deadline - Date.now()
    if (left <= 0) return undefined
    const next = await Promise.race([reader.read(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left))])
    if (next === 'timeout') return undefined
    if (next.done) return seen
    seen += decoder.decode(next.value, { stream: true })
  }
}

async function eventStream(headers: Record<string, string>) {
  const response = await fetch(`${server.url}/api/documents/${documentId}/events`, { headers })
  expect(response.status).toBe(200)
  const reader = response.body!.getReader()
  open.push(reader)
  const decoder = new TextDecoder()
  let seen = ''
  while (!seen.includes('event: ready')) {
    const { value, done } = await reader.read()
    if (done) throw new Error('the stream ended before it was ready')
    seen += decoder.decode(value, { stream: true })
  }
  return reader
}

const revoke = (inviteId: string) => withToken(server.url, facilitator)(`/api/documents/${documentId}/invites/${inviteId}`, { method: 'DELETE' })

describe('revoking a link ends its event stream at once', () => {
  it('ends the stream of a link used as a Bearer token, says why, and leaves other streams running', async () => {
    const delegation = await invite(server.url, facilitator, documentId, { role: 'delegation', state: 'Mexico' })
    const revokedStream = await eventStream({ authorization: `Bearer ${delegation.token}` })
    const facilitatorStream = await eventStream({ authorization: `Bearer ${facilitator}` })

    expect((await revoke(delegation.id)).status).toBe(200)
    const rest = await readToEnd(revokedStream, 2000)
    expect(rest).toBeDefined() // ended, not still running
    expect(rest).toContain('event: revoked')

    // The facilitator's stream still tells of changes.
    const paragraphs: Array<{ id: string }> = await (await withToken(server.url, facilitator)(`/api/documents/${documentId}/paragraphs`)).json()
    await withToken(server.url, facilitator)(`/api/documents/${documentId}/comments`, {
      method: 'POST',
      body: JSON.stringify({ paragraphId: paragraphs[0]!.id, body: 'Still here' }),
    })
    const decoder = new TextDecoder()
    let seen = ''
    while (!seen.includes('event: comments')) {
      const { value, done } = await facilitatorStream.read()
      expect(done).toBe(false)
      seen += decoder.decode(value, { stream: true })
    }

    // And the revoked link cannot open a new one.
    const again = await fetch(`${server.url}/api/documents/${documentId}/events`, { headers: { authorization: `Bearer ${delegation.token}` } })
    expect(again.status).toBe(403)
  })

  it('ends the stream of a browser session that joined through the link', async () => {
    const observer = await invite(server.url, facilitator, documentId, { role: 'observer', organisation: 'ISHR' })
    const joined = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ token: observer.token, name: 'Sam' }),
    })
    const cookie = (joined.headers.get('set-cookie') ?? '').split(';')[0]!
    const stream = await eventStream({ cookie })
    await revoke(observer.id)
    expect(await readToEnd(stream, 2000)).toContain('event: revoked')
  })
})
