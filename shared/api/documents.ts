import { z } from 'zod'
import { HEADING_FIELDS, type HeadingField, LANGUAGES, type ResolutionDraft } from '../paragraphs/types'

/** Longest pasted text accepted when creating a resolution (a long resolution is ~60 KB). */
export const MAX_PASTED_TEXT = 500_000
/** Grouped by hand: toLocaleString here, at import, would load ICU's locale data into every process. */
export const MAX_PASTED_TEXT_SHOWN = String(MAX_PASTED_TEXT).replace(/\B(?=(\d{3})+$)/g, ',')
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

/** Most paragraphs a reviewed draft may have (the longest resolutions have a few hundred). */
const MAX_DRAFT_PARAGRAPHS = 2000
/** Longest heading line, enacting line or adoption line (a sponsors list of 190 States fits). */
const MAX_DRAFT_LINE = 5000
/** Most footnotes or italic ranges in one paragraph. */
const MAX_MARKS_PER_PARAGRAPH = 500

const pastedText = z.string().max(MAX_PASTED_TEXT, `text: at most ${MAX_PASTED_TEXT} characters`)
const line = z.string().max(MAX_DRAFT_LINE, `at most ${MAX_DRAFT_LINE} characters`)
const offset = z.number().int().nonnegative()

/** Italics and footnotes must stand inside their paragraph's text, or the editor would place them nowhere. */
function marksWithinText(
  paragraph: { text: string; italics?: Array<[number, number]>; footnotes?: Array<{ offset: number }> },
  context: z.RefinementCtx,
): void {
  const length = paragraph.text.length
  paragraph.italics?.forEach(([from, to], i) => {
    if (from >= to || to > length) {
      context.addIssue({ code: 'custom', path: ['italics', i], message: `must be a range inside the text (0 to ${length})` })
    }
  })
  paragraph.footnotes?.forEach((footnote, i) => {
    if (footnote.offset > length) {
      context.addIssue({ code: 'custom', path: ['footnotes', i, 'offset'], message: `past the end of the text (at most ${length})` })
    }
  })
}

const paragraphFields = {
  text: z.string().max(MAX_PASTED_TEXT, `at most ${MAX_PASTED_TEXT} characters`),
  italics: z.array(z.tuple([offset, offset])).max(MAX_MARKS_PER_PARAGRAPH).optional(),
  footnotes: z
    .array(z.object({ offset, text: line.trim().min(1, 'empty') }).strict())
    .max(MAX_MARKS_PER_PARAGRAPH)
    .optional(),
}

const draftParagraph = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('pp'), ...paragraphFields }).strict().superRefine(marksWithinText),
    z
      .object({
        kind: z.literal('op'),
        level: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: '0 (OP), 1 (a) or 2 (i)' }),
        ...paragraphFields,
      })
      .strict()
      .superRefine(marksWithinText),
  ],
  { error: '"pp" or "op"' },
)

const headingShape = Object.fromEntries(HEADING_FIELDS.map((field) => [field, line.default('')])) as Record<
  HeadingField,
  z.ZodDefault<z.ZodString>
>

/** Every character a draft holds, counted against the same limit as pasted text. */
const draftSize = (draft: ResolutionDraft) =>
  Object.values(draft.heading).join('').length +
  draft.title.length +
  draft.paragraphs.reduce((sum, p) => sum + p.text.length + (p.footnotes ?? []).reduce((n, f) => n + f.text.length, 0), 0)

/**
 * A ResolutionDraft as the preview shows it, reviewed (and perhaps corrected) by the person
 * creating the resolution. Strict: an unknown key is more likely a typo than something to ignore.
 */
const resolutionDraftBody = z
  .object({
    heading: z.object(headingShape).strict(),
    title: z.string().trim().max(MAX_TITLE, `at most ${MAX_TITLE} characters`),
    enacting: line.trim().min(1, 'required ("The General Assembly," or the like)'),
    paragraphs: z
      .array(draftParagraph)
      .min(1, 'at least one')
      .max(MAX_DRAFT_PARAGRAPHS, `at most ${MAX_DRAFT_PARAGRAPHS}`),
    language: z.enum(LANGUAGES, { error: `one of ${LANGUAGES.join(', ')}` }),
    adoption: line.default(''),
  })
  .strict()
  .refine((draft) => draftSize(draft) <= MAX_PASTED_TEXT, {
    path: ['paragraphs'],
    message: `more text than a resolution may have (${MAX_PASTED_TEXT_SHOWN} characters)`,
  })

export const createDocumentBody = z
  .object({
    title: z.string().trim().max(MAX_TITLE, `title: at most ${MAX_TITLE} characters`).optional(),
    text: pastedText.optional(),
    /** A draft reviewed in the preview (POST /api/documents/preview); `title`, when given, overrides its title. */
    draft: resolutionDraftBody.optional(),
    /** The creator's display name, for the people list; a script may leave it out. */
    name: z.string().trim().max(80, 'name: at most 80 characters').optional(),
  })
  .refine((body) => body.text === undefined || body.draft === undefined, {
    path: ['draft'],
    message: 'send either the text or the reviewed draft, not both',
  })
export type CreateDocumentBody = z.infer<typeof createDocumentBody>

/** POST /api/documents/preview: what creating from this text would give, without creating anything. */
export const previewTextBody = z.object({
  text: pastedText.refine((text) => text.trim() !== '', 'text: paste the text of a draft resolution'),
})

/** POST /api/documents/import: multipart/form-data with the .docx as `file`; `title` overrides the file's. */
export const importDocumentForm = z.object({
  file: z.instanceof(File, { message: 'file: choose a Word (.docx) file to import' }),
  title: createDocumentBody.shape.title,
  name: createDocumentBody.shape.name,
})

/** POST /api/documents/import/preview: the same file, read but not created. */
export const previewImportForm = importDocumentForm.pick({ file: true })

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
