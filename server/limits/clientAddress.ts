import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { isIPv6 } from 'node:net'

/**
 * Who a per-client limit counts: the peer's address as the socket sees it. X-Forwarded-For is
 * not trusted (anyone can send it); behind a reverse proxy every client is the proxy. An IPv6
 * client holds a whole /64, so it is counted by that prefix; an IPv4-mapped address as IPv4.
 */
export function clientAddress(c: Context): string {
  let address: string | undefined
  try {
    address = getConnInfo(c).remote.address
  } catch {
    // Not a Node socket (an in-process app.request()): one shared bucket.
  }
  if (!address) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  return isIPv6(address) ? `${ipv6Groups(address).slice(0, 4).join(':')}::/64` : address
}

/** The eight groups of an IPv6 address, "::" expanded (a zone id dropped). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0')
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''))
}
