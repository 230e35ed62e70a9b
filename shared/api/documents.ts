import { z } from 'zod'

/** Longest pasted text accepted when creating a resolution (a long resolution is ~60 KB). */
export const MAX_PASTED_TEXT = 500_000
export const MAX_TITLE = 500

export const createDocumentBody = z.object({
  title: z.string().trim().max(MAX_TITLE, `title: at most ${MAX_TITLE} characters`).optional(),
  text: z.string().max(MAX_PASTED_TEXT, `text: at most ${MAX_PASTED_TEXT} characters`).optional(),
  /** The creator's display name, for the people list; a script may leave it out. */
  name: z.string().trim().max(80, 'name: at most 80 characters').optional(),
})
export type CreateDocumentBody = z.infer<typeof createDocumentBody>

/** One row of the resolutions list. */
export interface DocumentListItem {
  id: string
  title: string
  symbol: string
  ppCount: number
  opCount: number
  /** ISO 8601 time of the last change to the text. */
  updatedAt: string
}

/** The shape of every error the API returns. */
export interface ApiError {
  error: string
}
