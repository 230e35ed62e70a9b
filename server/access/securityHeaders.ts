import type { Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The WebSocket origins of this very host, for `connect-src`: CSP Level 3 lets `'self'` match
 * ws(s) of the page's host, but older browsers need them named. The host comes from the request;
 * anything but a plain host name, address and port is left out rather than echoed into a header.
 */
const sameHostSockets = (c: Context): string => {
  const host = new URL(c.req.url).host
  return /^[\w.\-:[\]]+$/.test(host) ? `ws://${host} wss://${host}` : ''
}

/**
 * The Content-Security-Policy of every response, written out (the header adds the sockets of the
 * host the request came to). Scripts only from our own files: no inline script, no eval. Styles
 * also allow inline `<style>` and `style=""`: the printable pages carry their stylesheet inline,
 * and the editor (Tiptap/ProseMirror) injects its own. No plugins, no framing by anyone, no
 * `<base>`, forms post only to us.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", sameHostSockets],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
}

/**
 * Security headers on every response (Hono's `secureHeaders`): the CSP above, `nosniff`, no
 * framing (`X-Frame-Options: DENY` for browsers without `frame-ancestors`), referrers only to our
 * own pages (an invite token is in the path of /join/<token>; `same-origin` rather than
 * `no-referrer`, because with `no-referrer` a browser may send `Origin: null` on our own POSTs,
 * which the cross-site check would refuse). A response that sets its own policy keeps it: the
 * printable export page allows exactly its print button's handler by hash.
 *
 * Strict-Transport-Security is left to whatever terminates TLS: this server speaks plain HTTP
 * and cannot know the host names it is reached by.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    overwrite: false,
  })
