import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocument, startTestServer, type TestServer, withToken } from '../test/testServer'

let server: TestServer
let documentId: string
let facilitator: string

beforeAll(async () => {
  server = await startTestServer()
  ;({ id: documentId, token: facilitator } = await createDocument(server.url, { title: 'Headers', text: 'The General Assembly,\nRecalling,\n1. Decides;' }))
})
afterAll(async () => {
  await server.dispose()
})

/** The directives of a Content-Security-Policy header, by name. */
const directives = (policy: string | null) =>
  Object.fromEntries((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]))

describe('security headers on every response', () => {
  it('sends a strict Content-Security-Policy, nosniff, no framing and a same-origin referrer policy, on pages, API answers and errors', async () => {
    const api = withToken(server.url, facilitator)
    const responses = [
      await fetch(`${server.url}/api/health`),
      await fetch(`${server.url}/api/no-such-route`),
      await fetch(`${server.url}/nothing-here`),
      await fetch(`${server.url}/api/documents/${documentId}/paragraphs`),
      await api(`/api/documents/${documentId}/compilation?format=html`),
      await api(`/api/documents/${documentId}/versions`, { method: 'POST', body: '{"label": ' }),
    ]
    const host = new URL(server.url).host
    for (const response of responses) {
      const csp = directives(response.headers.get('content-security-policy'))
      expect(csp).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'", `ws://${host}`, `wss://${host}`],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
      })
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
    }
  })

  it('keeps the printable export page’s own policy, which allows its print button’s handler by hash and nothing else', async () => {
    const response = await withToken(server.url, facilitator)(`/api/documents/${documentId}/export?format=html&view=clean`)
    expect(response.status).toBe(200)
    const csp = directives(response.headers.get('content-security-policy'))
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['script-src']).toEqual(["'unsafe-hashes'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)])
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})
