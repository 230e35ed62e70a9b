/**
 * How many times each key (a person, in one resolution) did something in the last `windowMs`: a
 * sliding window of their timestamps, at most `limit` of them per key. In memory, and bounded:
 * at most `maxKeys` keys are kept; past that, the expired ones go first, then the least recently
 * active. Forgetting a key can only let its holder act again sooner, never refuse anyone wrongly.
 */
export interface RateLimiterOptions {
  limit: number
  windowMs: number
  /** Most keys remembered at once (default 10,000: with a limit of 60, under 5 MB). */
  maxKeys?: number
  now?: () => number
}

export type RateAnswer = { ok: true } | { ok: false; retryInMs: number }

export class RateLimiter {
  private readonly times = new Map<string, number[]>()
  readonly limit: number
  private readonly windowMs: number
  private readonly maxKeys: number
  private readonly now: () => number

  constructor({ limit, windowMs, maxKeys = 10_000, now = Date.now }: RateLimiterOptions) {
    this.limit = limit
    this.windowMs = windowMs
    this.maxKeys = maxKeys
    this.now = now
  }

  /** Counts one more for `key`, unless it already has `limit` in the window: then says how long to wait. */
  take(key: string): RateAnswer {
    const now = this.now()
    const recent = this.recent(key, now)
    if (recent.length >= this.limit) return { ok: false, retryInMs: Math.max(0, recent[0]! + this.windowMs - now) }
    recent.push(now)
    // Insertion order is recency: the key goes to the back, the least recently active stay in front.
    this.times.delete(key)
    if (this.times.size >= this.maxKeys) this.makeRoom(now)
    this.times.set(key, recent)
    return { ok: true }
  }

  /** Gives back the last one taken for `key` (what it was taken for did not happen after all). */
  giveBack(key: string): void {
    this.times.get(key)?.pop()
  }

  /** How many keys are remembered (for tests of the bound). */
  get size(): number {
    return this.times.size
  }

  private recent(key: string, now: number): number[] {
    const times = this.times.get(key) ?? []
    const from = times.findIndex((time) => time > now - this.windowMs)
    return from === -1 ? [] : times.slice(from)
  }

  private makeRoom(now: number): void {
    for (const [key, times] of this.times) {
      if (times[times.length - 1]! <= now - this.windowMs) this.times.delete(key)
    }
    for (const key of this.times.keys()) {
      if (this.times.size < this.maxKeys) break
      this.times.delete(key)
    }
  }
}
