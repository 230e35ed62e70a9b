import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rateLimiter'

describe('RateLimiter', () => {
  it('lets a key act up to the limit in the window, then says how long to wait', () => {
    let now = 1_000_000
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now })
    expect([limiter.take('ana'), limiter.take('ana'), limiter.take('ana')]).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    now += 20_000
    expect(limiter.take('ana')).toEqual({ ok: false, retryInMs: 40_000 })
    expect(limiter.take('ben')).toEqual({ ok: true })
  })

  it('lets the key act again once its oldest action leaves the window, and not before', () => {
    let now = 0
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => now })
    limiter.take('ana')
    now = 30_000
    limiter.take('ana')
    now = 59_999
    expect(limiter.take('ana').ok).toBe(false)
    now = 60_000
    expect(limiter.take('ana').ok).toBe(true)
    expect(limiter.take('ana')).toEqual({ ok: false, retryInMs: 30_000 })
  })

  it('keeps at most maxKeys keys, forgetting the expired and then the least recently active first', () => {
    let now = 0
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, maxKeys: 3, now: () => now })
    for (const key of ['a', 'b', 'c']) limiter.take(key)
    expect(limiter.take('a').ok).toBe(false)
    limiter.take('d')
    expect(limiter.size).toBe(3)
    // 'a' was the least recently active: forgotten, it may act again; 'b' and 'c' still may not.
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.size).toBe(3)
    now = 5000
    for (let i = 0; i < 100; i++) limiter.take(`k${i}`)
    expect(limiter.size).toBe(3)
  })
})
