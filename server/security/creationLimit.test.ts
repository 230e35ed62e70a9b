import { afterEach, describe, expect, it } from 'vitest'
import { creationLimitFrom } from '../limits/creationLimit'
import { startTestServer, type TestServer } from '../test/testServer'

const servers: TestServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.dispose()
})

/** A real server whose app read CREATE_LIMIT / CREATE_LIMIT_MINUTES from the environment as main.ts leaves it. */
async function serverWith(env: Record<string, string>, options: { createToken?: string } = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, env)
  try {
    const server = await startTestServer(options)
    servers.push(server)
    return server
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

const create = (server: TestServer, body: object | string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('creating resolutions on an open server is rate-limited per client', () => {
  it('answers 429 { error } with Retry-After past the limit, and counts only what was created', async () => {
    const server = await serverWith({ CREATE_LIMIT: '3', CREATE_LIMIT_MINUTES: '10' })
    for (let i = 0; i < 3; i++) {
      // A refused request creates nothing and costs nothing.
      expect((await create(server, { title: 42 })).status).toBe(400)
      expect((await create(server, { title: `Draft ${i}` })).status).toBe(201)
    }
    const refused = await create(server, { title: 'One too many' })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error).toBe(
      'Too many resolutions were created from your address: at most 3 every 10 minutes. Try again in 10 minutes.',
    )
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590)
    // The Word import is the same creation.
    const form = new FormData()
    form.append('file', new File([new Uint8Array([1, 2, 3])], 'draft.docx'))
    const imported = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: form })
    expect(imported.status).toBe(429)
  })

  it('does not let a burst of parallel requests slip under the limit', async () => {
    const server = await serverWith({ CREATE_LIMIT: '5' })
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => create(server, { title: `Burst ${i}` }).then((r) => r.status)))
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(15)
  })

  it('does not limit holders of the creation key, and can be turned off', async () => {
    const keyed = await serverWith({ CREATE_LIMIT: '1' }, { createToken: 'open-sesame' })
    for (let i = 0; i < 3; i++) expect((await create(keyed, { title: `Keyed ${i}` }, { authorization: 'Bearer open-sesame' })).status).toBe(201)
    const unlimited = await serverWith({ CREATE_LIMIT: '0' })
    for (let i = 0; i < 25; i++) expect((await create(unlimited, { title: `Open ${i}` })).status).toBe(201)
  })
})

describe('creationLimitFrom', () => {
  it('reads CREATE_LIMIT and CREATE_LIMIT_MINUTES, 20 per 10 minutes by default', () => {
    expect(creationLimitFrom({})).toEqual({ max: 20, windowMs: 600_000 })
    expect(creationLimitFrom({ CREATE_LIMIT: '5', CREATE_LIMIT_MINUTES: '1' })).toEqual({ max: 5, windowMs: 60_000 })
    expect(creationLimitFrom({ CREATE_LIMIT: '0' })).toBeNull()
    expect(creationLimitFrom({ CREATE_LIMIT: 'lots', CREATE_LIMIT_MINUTES: '-3' })).toEqual({ max: 20, windowMs: 600_000 })
  })
})
