import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { randomId } from '../../shared/randomId'
import type { Store } from '../store/types'
import type { Credentials } from './resolveAccess'
import { hashToken, newToken } from './tokens'

export const SESSION_COOKIE = 'penholder_session'

/** The caller's credentials: `Authorization: Bearer`, then `?token=` (collaboration socket only), then the cookie. */
export function credentialsOf(c: Context, { allowQueryToken = false } = {}): Credentials {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
  const token = bearer ?? (allowQueryToken ? c.req.query('token') : undefined)
  return { token: token || undefined, session: getCookie(c, SESSION_COOKIE) || undefined }
}

/** The browser's session secret, created and set as an HttpOnly cookie if it has none yet. */
export function ensureSession(c: Context): string {
  const existing = getCookie(c, SESSION_COOKIE)
  if (existing) return existing
  const session = newToken()
  setCookie(c, SESSION_COOKIE, session, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: 60 * 60 * 24 * 180,
  })
  return session
}

/** Signs this browser in on an invite under the name the person gave (opening a link, creating a resolution). */
export function joinInSession(c: Context, store: Store, inviteId: string, name: string): void {
  const now = Date.now()
  store.joinInvite({
    id: randomId('u-', 10),
    inviteId,
    sessionHash: hashToken(ensureSession(c)),
    name,
    joinedAt: now,
    lastSeenAt: now,
  })
}
