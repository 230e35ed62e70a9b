import type { IncomingMessage } from 'node:http'
import { parse as parseCookies } from 'hono/utils/cookie'
import { getQueryParam, tryDecodeURIComponent } from 'hono/utils/url'
import { CloseCode } from '../../shared/api/closeCodes'
import { SESSION_COOKIE } from '../access/credentials'
import { FOREIGN_ORIGIN_ERROR } from '../access/csrfForCookies'
import { type Granted, resolveAccess } from '../access/resolveAccess'
import type { Store } from '../store/types'
import type { Rooms } from './rooms'

/**
 * What a WebSocket handshake on `/collab/:documentId` gets:
 * - `http`: an HTTP refusal before the upgrade (not our route, or a cookie used from another site);
 * - `close`: the socket is opened and closed at once with this code (browsers only see close codes);
 * - `open`: the connection, with the access its credentials give.
 */
export type UpgradeDecision =
  | { kind: 'http'; status: 400 | 403 | 404; error: string }
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'open'; documentId: string; access: Granted }

const ROUTE = /^\/collab\/([^/]+)$/

/**
 * The collaboration socket's access checks, read from the raw handshake: the upgrade is answered
 * before any Fetch `Request` is built for it. Same rules as the HTTP routes (Hono's own cookie and
 * query parsers read the credentials): an `Authorization: Bearer` or `?token=` token, else the
 * session cookie; a token wins.
 */
export function decideUpgrade(request: IncomingMessage, store: Store, rooms: Rooms): UpgradeDecision {
  const host = request.headers.host
  if (!host) return { kind: 'http', status: 400, error: 'Bad request' }
  // The address as the HTTP routes see it (node-server builds it the same way).
  const url = `http://${host}${request.url ?? '/'}`
  let ours: URL
  try {
    ours = new URL(url)
  } catch {
    return { kind: 'http', status: 400, error: 'Bad request' }
  }
  const match = request.method === 'GET' ? ROUTE.exec(ours.pathname) : null
  if (!match) return { kind: 'http', status: 404, error: 'Not found' }
  const documentId = tryDecodeURIComponent(match[1]!)

  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
  // With a key, Hono's parser gives that one value (a string), or undefined.
  const query = ours.search ? (getQueryParam(url, 'token') as string | undefined) : undefined
  const token = bearer || query || undefined
  const cookies = request.headers.cookie
  const session = (cookies && parseCookies(cookies, SESSION_COOKIE)[SESSION_COOKIE]) || undefined
  const origin = request.headers.origin

  // Cross-site WebSocket hijacking: a socket that relies on the session cookie must be opened by
  // one of our own pages (browsers always send Origin on the handshake; a page cannot forge it),
  // and is refused before the upgrade otherwise. The host is compared, not the scheme, as for the
  // HTTP routes (csrfForCookies.ts). A token carries nothing a forger could borrow.
  if (!token && session && !sameHost(origin, ours.host)) return { kind: 'http', status: 403, error: FOREIGN_ORIGIN_ERROR }
  // Without a token, any Origin given must be exactly ours, scheme included.
  if (!token && origin !== undefined && origin !== ours.origin) {
    return { kind: 'close', code: CloseCode.Forbidden, reason: 'Cross-site connection refused' }
  }
  // Resolutions are never deleted: one that is loaded exists, and needs no lookup.
  if (!rooms.has(documentId) && !store.getDocument(documentId)) return { kind: 'close', code: CloseCode.NotFound, reason: 'No resolution with this id' }
  const result = resolveAccess(store, documentId, { token, session })
  if (!result.ok) return { kind: 'close', code: result.status === 401 ? CloseCode.Unauthorized : CloseCode.Forbidden, reason: result.error }
  return { kind: 'open', documentId, access: result.access }
}

/** Whether an Origin header names this host (and port); a missing or opaque (`null`) origin does not. */
function sameHost(origin: string | undefined, host: string): boolean {
  if (!origin || origin === 'null') return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
