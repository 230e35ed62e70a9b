import { z } from 'zod'

/** Longest pasted text accepted when creating a resolution (a long resolution is ~60 KB). */
export const MAX_PASTED_TEXT = 500_000
export const MAX_TITLE = 500

/** Largest Word (.docx) file accepted by POST /api/documents/import (a long resolution is ~50 KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
/** Largest total size of a .docx's parts once expanded; more is refused unread (a zip bomb). */
export const MAX_IMPORT_EXPANDED_BYTES = 50 * 1024 * 1024
/**
 * Largest total size of its XML parts (text, styles, notes) once expanded: the reader parses them
 * whole, at about a second per MB, and a long resolution's are well under 2 MB.
 */
export const MAX_IMPORT_XML_BYTES = 8 * 1024 * 1024

export const createDocumentBody = z.object({
  title: z.string().trim().max(MAX_TITLE, `title: at most ${MAX_TITLE} characters`).optional(),
  text: z.string().max(MAX_PASTED_TEXT, `text: at most ${MAX_PASTED_TEXT} characters`).optional(),
  /** The creator's display name, for the people list; a script may leave it out. */
  name: z.string().trim().max(80, 'name: at most 80 characters').optional(),
})
export type CreateDocumentBody = z.infer<typeof createDocumentBody>

/** POST /api/documents/import: multipart/form-data with the .docx as `file`; `title` overrides the file's. */
export const importDocumentForm = z.object({
  file: z.instanceof(File, { message: 'file: choose a Word (.docx) file to import' }),
  title: createDocumentBody.shape.title,
  name: createDocumentBody.shape.name,
})

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
