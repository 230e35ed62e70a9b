import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'

/**
 * zod validation that answers a bad request with `400 { error }`, where the message names the
 * offending field ("title: at most 500 characters").
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return
    const issue = result.error.issues[0]
    const field = issue?.path.join('.') || target
    const message = issue?.message ?? 'invalid'
    return c.json({ error: message.startsWith(`${field}:`) ? message : `${field}: ${message}` }, 400)
  })
}
