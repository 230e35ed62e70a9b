import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { randomId } from '../../shared/randomId'
import type { Store } from '../store/types'
import type { Credentials } from './resolveAccess'
import { hashToken, newToken } from './tokens'

export const SESSION_COOKIE = 'penholder_session'

/** How long a browser stays signed in without opening a link again. */
const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 180

/** The caller's credentials: `Authorization: Bearer`, then `?token=` (collaboration socket only), then the cookie. */
export function credentialsOf(c: Context, { allowQueryToken = false } = {}): Credentials {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
  const token = bearer ?? (allowQueryToken ? c.req.query('token') : undefined)
  return { token: token || undefined, session: getCookie(c, SESSION_COOKIE) || undefined }
}

/**
 * Signs this browser in on an invite under the name the person gave (opening a link, creating a
 * resolution with a name).
 *
 * Session fixation: the session id is never one the browser brought. Every sign-in issues a new
 * one (256 random bits, stored only as its hash) and sets it as the cookie, so a value planted in
 * a victim's browser is never given the victim's access. What the old session could open moves
 * over to the new one (the person keeps their other resolutions); a cookie the server never
 * issued owns nothing, so nothing moves, and the old value opens nothing any more.
 */
export function joinInSession(c: Context, store: Store, inviteId: string, name: string): void {
  const previous = getCookie(c, SESSION_COOKIE)
  const session = newToken()
  const sessionHash = hashToken(session)
  const now = Date.now()
  store.transaction(() => {
    if (previous) store.moveParticipations(hashToken(previous), sessionHash)
    store.joinInvite({ id: randomId('u-', 10), inviteId, sessionHash, name, joinedAt: now, lastSeenAt: now })
  })
  setCookie(c, SESSION_COOKIE, session, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  })
}
