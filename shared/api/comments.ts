import { z } from 'zod'

export const MAX_COMMENT = 4_000
export const MAX_QUOTE = 2_000
/** A relative position encodes to a few dozen bytes; this bound leaves room and stops abuse. */
const MAX_ANCHOR = 400

const body = z
  .string()
  .max(MAX_COMMENT, `body: at most ${MAX_COMMENT} characters`)
  .refine((text) => text.trim().length > 0, 'body: write something')

const position = z
  .string()
  .max(MAX_ANCHOR, 'anchor: too long')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'anchor: from and to must be base64 of Y.encodeRelativePosition')

export const createCommentBody = z
  .object({
    paragraphId: z.string().min(1, 'paragraphId: required').max(100).optional(),
    anchor: z.object({ from: position, to: position }).optional(),
    quote: z.string().max(MAX_QUOTE, `quote: at most ${MAX_QUOTE} characters`).optional(),
    body,
    parentId: z.string().min(1).max(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.parentId && !value.paragraphId) {
      ctx.addIssue({ code: 'custom', path: ['paragraphId'], message: 'paragraphId: required (or parentId for a reply)' })
    }
    if (value.parentId && value.anchor) {
      ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'anchor: a reply belongs to its thread and has no anchor' })
    }
  })
export type CreateCommentBody = z.infer<typeof createCommentBody>

export const editCommentBody = z.object({ body })
