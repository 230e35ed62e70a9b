const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * A random id: `prefix` + `length` base-36 characters (12 characters ≈ 62 bits). Used for ids that
 * show up in URLs, logs and exports, where short beats a UUID. Not for secrets.
 */
export function randomId(prefix: string, length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let id = prefix
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
