import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'

/**
 * zod validation that answers a bad request with `400 { error }`, where the message names the
 * offending field ("title: at most 500 characters"). Text with a broken character (an unpaired
 * UTF-16 surrogate) is refused too: SQLite would store it as replacement characters and Word
 * would refuse the exported file.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) {
      const broken = brokenText(result.data, [])
      if (broken) return c.json({ error: `${broken.join('.') || target}: contains a broken character; paste the text again` }, 400)
      return
    }
    const issue = result.error.issues[0]
    const field = issue?.path.join('.') || target
    const message = issue?.message ?? 'invalid'
    return c.json({ error: message.startsWith(`${field}:`) ? message : `${field}: ${message}` }, 400)
  })
}

/** With the u flag a surrogate pair reads as one code point, so only unpaired halves match. */
const LONE_SURROGATE = /\p{Cs}/u

/** The path of the first string that is not well-formed UTF-16, or null. */
function brokenText(value: unknown, path: Array<string | number>): Array<string | number> | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = brokenText(item, [...path, i])
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const found = brokenText(item, [...path, key])
      if (found) return found
    }
  }
  return null
}
