import type { Context, MiddlewareHandler } from 'hono'
import { credentialsOf } from './credentials'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const FOREIGN_ORIGIN_ERROR = 'Refused: the request did not come from this site.'

/**
 * Whether the browser says the request comes from one of our own pages: its `Origin` names this
 * very host (and port). The scheme is not compared, so that a server behind a TLS proxy (which
 * sees http while the browser says https) still knows its pages. Browsers send `Origin` on every
 * POST, PUT, PATCH and DELETE and on every WebSocket handshake, and a page cannot forge it; a
 * missing or opaque (`null`) origin is not ours.
 */
export function fromOwnOrigin(c: Context): boolean {
  const origin = c.req.header('origin')
  if (!origin || origin === 'null') return false
  try {
    return new URL(origin).host === new URL(c.req.url).host
  } catch {
    return false
  }
}

/**
 * Cross-site request protection for cookie sessions: a state-changing request that relies on the
 * cookie must come from our own pages, whatever its content type. (Hono's `csrf()` only looks at
 * the form content types a plain HTML form can send, so a JSON request from a foreign origin went
 * through.) A request with a Bearer token, or with no credentials at all, carries nothing a forger
 * could borrow, so it needs no such check.
 */
export const csrfForCookies: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next()
  const { token, session } = credentialsOf(c)
  if (token || !session) return next()
  if (!fromOwnOrigin(c)) return c.json({ error: FOREIGN_ORIGIN_ERROR }, 403)
  return next()
}
