import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { clientAddress } from './clientAddress'
import { RateLimiter } from './rateLimiter'

/** At most `max` in any `windowMs`. */
export interface RateLimit {
  max: number
  windowMs: number
}

/** 20 resolutions per 10 minutes from one address, unless CREATE_LIMIT / CREATE_LIMIT_MINUTES say otherwise. */
export const DEFAULT_CREATION_LIMIT: RateLimit = { max: 20, windowMs: 10 * 60_000 }

/**
 * The creation limit a deployment asks for: `CREATE_LIMIT` resolutions (0: no limit) per
 * `CREATE_LIMIT_MINUTES`. A value that is not a number is ignored, not guessed at.
 */
export function creationLimitFrom(env: Record<string, string | undefined>): RateLimit | null {
  const max = wholeNumber(env.CREATE_LIMIT) ?? DEFAULT_CREATION_LIMIT.max
  const minutes = wholeNumber(env.CREATE_LIMIT_MINUTES)
  if (max === 0) return null
  return { max, windowMs: minutes ? minutes * 60_000 : DEFAULT_CREATION_LIMIT.windowMs }
}

const wholeNumber = (value: string | undefined): number | undefined => {
  const n = Number(value)
  return value?.trim() && Number.isInteger(n) && n >= 0 ? n : undefined
}

const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000))
  return n === 1 ? '1 minute' : `${n} minutes`
}

/**
 * Creating resolutions on an open server (no CREATE_TOKEN): at most `limit` per client address,
 * 429 `{ error }` beyond it. A creation counts from the moment it is asked for (so a burst of
 * parallel requests cannot all slip under the limit) and is given back if it did not create
 * anything (a 4xx or 5xx answer).
 */
export function limitCreation(limit: RateLimit | null, now?: () => number): MiddlewareHandler {
  if (!limit) return createMiddleware(async (_c, next) => next())
  const limiter = new RateLimiter({ limit: limit.max, windowMs: limit.windowMs, now })
  return createMiddleware(async (c, next) => {
    const client = clientAddress(c)
    const taken = limiter.take(client)
    if (!taken.ok) {
      c.header('Retry-After', String(Math.ceil(taken.retryInMs / 1000)))
      return c.json(
        {
          error: `Too many resolutions were created from your address: at most ${limit.max} every ${minutes(limit.windowMs)}. Try again in ${minutes(taken.retryInMs)}.`,
        },
        429,
      )
    }
    await next()
    if (c.res.status !== 201) limiter.giveBack(client)
  })
}
