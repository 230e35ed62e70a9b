import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { MAX_MESSAGE_BYTES } from '../../shared/api/closeCodes'

/** Room for the longest pasted draft (500,000 characters) as JSON; the same bound as a socket frame. */
const MAX_JSON_BYTES = MAX_MESSAGE_BYTES

const limitJson = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: (c) => c.json({ error: `The request is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB, the most the API accepts.` }, 413),
})

const WORD_UPLOAD = /\/documents\/import(?:\/preview)?$/

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i

/**
 * What every API request body must look like before any route reads it. A body sent as anything
 * but JSON would be skipped by the JSON validator, and the request would quietly act on defaults
 * (an "accept" whose compromise wording was never read), so it is refused instead. The Word
 * import and its preview are the multipart routes and set their own, larger, limit.
 */
export const requestBodies: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || WORD_UPLOAD.test(c.req.path)) return next()
  const type = c.req.header('content-type') ?? ''
  const length = Number(c.req.header('content-length') ?? 0)
  const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined
  if ((type !== '' || hasBody) && !JSON_TYPE.test(type)) {
    return c.json({ error: 'Send the request body as JSON (Content-Type: application/json).' }, 415)
  }
  return limitJson(c, next)
}
