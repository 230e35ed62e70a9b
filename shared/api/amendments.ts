import { z } from 'zod'
import { AMENDMENT_KINDS } from '../amendments/types'
import { PARAGRAPH_STATUSES } from '../paragraphs/types'
import { isDelegation } from '../people/delegations'

export const MAX_PARAGRAPH_TEXT = 10_000
export const MAX_NOTE = 2_000

export const createAmendmentBody = z
  .object({
    paragraphId: z.string().min(1, 'paragraphId: required').max(100),
    kind: z.enum(AMENDMENT_KINDS, { message: `kind: one of ${AMENDMENT_KINDS.join(', ')}` }),
    text: z.string().max(MAX_PARAGRAPH_TEXT, `text: at most ${MAX_PARAGRAPH_TEXT} characters`).optional(),
    /**
     * replace: the paragraph's text the wording was drafted on (the form's text when it opened).
     * When the paragraph changed since, the server rebases the proposal's own changes onto the
     * current text, or answers 409 with the conflict; absent means "drafted on the current text".
     */
    baseText: z.string().max(MAX_PARAGRAPH_TEXT, `baseText: at most ${MAX_PARAGRAPH_TEXT} characters`).optional(),
    /** insert-after only: a new PP or OP (default: the same kind as the paragraph it follows). */
    newParagraphKind: z.enum(['pp', 'op']).optional(),
    note: z.string().max(MAX_NOTE, `note: at most ${MAX_NOTE} characters`).optional(),
    /** A facilitator entering a proposal a State sent by e-mail. */
    onBehalfOf: z
      .string()
      .refine(isDelegation, 'onBehalfOf: choose a UN Member State, an observer State or the European Union')
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind !== 'delete' && !body.text?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text: the proposed wording is required' })
    }
  })
export type CreateAmendmentBody = z.infer<typeof createAmendmentBody>

/**
 * Accepting a proposal, optionally with compromise wording written by the facilitator, and the
 * other pending proposals on the paragraph whose language went into it (credited as merged).
 */
export const acceptBody = z.object({
  text: z
    .string()
    .max(MAX_PARAGRAPH_TEXT, `text: at most ${MAX_PARAGRAPH_TEXT} characters`)
    .refine((text) => text.trim() !== '', 'text: the compromise wording is empty; leave it out to accept the proposal as it stands')
    .optional(),
  merged: z.array(z.string().min(1).max(100)).max(100, 'merged: at most 100 proposals').optional(),
})

/** Reopening a decision says why, for the record. */
export const reopenBody = z.object({
  reason: z.string().trim().min(1, 'reason: say why the decision is reopened').max(MAX_NOTE, `reason: at most ${MAX_NOTE} characters`),
})

/** A 409 answer to a proposal or a reopening whose changes overlap changes made since. */
export interface ConflictAnswer {
  error: string
  conflict: {
    /** The text the changes were made on, the changes, and the paragraph's text now. */
    baseText: string
    changedText: string
    currentText: string
  }
}

export const statusBody = z.object({
  status: z.enum(PARAGRAPH_STATUSES, { message: `status: one of ${PARAGRAPH_STATUSES.join(', ')}` }),
})
