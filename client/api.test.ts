import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, errorMessage, UNREACHABLE } from './api'

afterEach(() => vi.unstubAllGlobals())

describe('the API client', () => {
  it('turns a request that cannot reach the server into a refusal the forms already show', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const response = await api.health.$get()
    expect(response.ok).toBe(false)
    expect(await errorMessage(response)).toBe(UNREACHABLE)
  })

  it('passes the server’s own answers through unchanged', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: 'Only the facilitators can …' }, { status: 403 })))
    const response = await api.health.$get()
    expect(response.status).toBe(403)
    expect(await errorMessage(response)).toBe('Only the facilitators can …')
  })
})
