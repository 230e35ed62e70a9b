import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A secret for an invite link or a session: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url')

/** Tokens are stored only as this hash, so a copy of the database opens no door. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest()
  const right = createHash('sha256').update(b).digest()
  return timingSafeEqual(left, right)
}
