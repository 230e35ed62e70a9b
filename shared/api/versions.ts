import { z } from 'zod'
import { VERSION_KINDS } from '../versions/types'

export const MAX_VERSION_LABEL = 100
export const MAX_VERSION_NOTE = 2_000
export const MAX_VERSIONS_PAGE = 200
export const DEFAULT_VERSIONS_PAGE = 50

/** Saving the current text as a named version: "Zero draft", "Rev.1" … */
export const nameVersionBody = z.object({
  label: z
    .string({ message: 'label: required' })
    .max(MAX_VERSION_LABEL, `label: at most ${MAX_VERSION_LABEL} characters`)
    .refine((label) => label.trim().length > 0, 'label: required, e.g. "Rev.1"'),
  note: z.string().max(MAX_VERSION_NOTE, `note: at most ${MAX_VERSION_NOTE} characters`).optional(),
})
export type NameVersionBody = z.infer<typeof nameVersionBody>

/** `GET …/versions`: newest first; `before` is the `next` of the previous page. */
export const listVersionsQuery = z.object({
  kind: z.enum(VERSION_KINDS, { message: `kind: one of ${VERSION_KINDS.join(', ')}` }).optional(),
  before: z.string().min(1, 'before: the next cursor of the previous page').max(100, 'before: not a cursor').optional(),
  limit: z
    .string()
    .regex(/^\d+$/, `limit: a whole number from 1 to ${MAX_VERSIONS_PAGE}`)
    .refine((value) => Number(value) >= 1 && Number(value) <= MAX_VERSIONS_PAGE, `limit: from 1 to ${MAX_VERSIONS_PAGE}`)
    .optional(),
})

/** The live text, wherever a version id is expected in a comparison. */
export const LIVE = 'live'

/** `GET …/compare`: `to` defaults to the live text, `from` to the newest named version. */
export const compareQuery = z.object({
  from: z.string().min(1, 'from: a version id or "live"').max(100).optional(),
  to: z.string().min(1, 'to: a version id or "live"').max(100).optional(),
  format: z.enum(['json', 'html'], { message: 'format: json or html' }).optional(),
})
