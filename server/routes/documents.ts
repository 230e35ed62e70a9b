import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import {
  createDocumentBody,
  type DocumentListItem,
  importDocumentForm,
  MAX_IMPORT_BYTES,
  previewImportForm,
  previewTextBody,
} from '../../shared/api/documents'
import { draftWarnings } from '../../shared/api/draftWarnings'
import { readPastedText } from '../../shared/paragraphs/parseResolutionText'
import type { ResolutionDraft, TextReading } from '../../shared/paragraphs/types'
import { authorize } from '../access/authorize'
import { credentialsOf, joinInSession } from '../access/credentials'
import { inviteUrl } from '../access/invites'
import { accessList } from '../access/resolveAccess'
import { sameSecret } from '../access/tokens'
import { type CreatedResolution, createResolution, createResolutionFromDraft, MissingTitleError } from '../documents/createResolution'
import { limitCreation, type RateLimit } from '../limits/creationLimit'
import { DocxImportError, unreadable } from '../import/docxImport'
import { draftFromDocxInWorker } from '../import/readInWorker'
import type { DocumentRecord, Store } from '../store/types'
import { validate } from './validate'

const toListItem = (record: DocumentRecord): DocumentListItem => ({
  id: record.id,
  title: record.title,
  symbol: record.symbol,
  ppCount: record.ppCount,
  opCount: record.opCount,
  updatedAt: new Date(record.updatedAt).toISOString(),
})

/** Room for the file and the form's few other fields. */
const limitUpload = bodyLimit({
  maxSize: MAX_IMPORT_BYTES + 64 * 1024,
  onError: (c) =>
    c.json({ error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most an imported Word file may be.` }, 413),
})

/** Reads an uploaded .docx on the worker; whatever a file does to the reader is the file's fault: a 4xx, never a 500. */
async function readWordFile(file: File): Promise<{ draft: ResolutionDraft } | { refusal: DocxImportError }> {
  try {
    return { draft: await draftFromDocxInWorker(new Uint8Array(await file.arrayBuffer()), { fileName: file.name }) }
  } catch (error) {
    return { refusal: error instanceof DocxImportError ? error : new DocxImportError(unreadable(file.name)) }
  }
}

export interface DocumentRoutesDeps {
  store: Store
  /** When set, creating a resolution needs `Authorization: Bearer <createToken>`. */
  createToken?: string
  /** Without a creation key, how many resolutions one client address may create (null: no limit). */
  creationLimit?: RateLimit | null
}

export function documentRoutes({ store, createToken, creationLimit = null }: DocumentRoutesDeps) {
  /** CREATE_TOKEN: checked before anything is read from the request. */
  const mayCreate = createMiddleware(async (c, next) => {
    if (createToken && !sameSecret(credentialsOf(c).token ?? '', createToken)) {
      return c.json({ error: 'Creating resolutions on this server needs its creation key.' }, 403)
    }
    await next()
  })
  // Holders of the creation key are trusted; an open server limits each client instead.
  const limited = limitCreation(createToken ? null : creationLimit)

  /** The answer to a creation: the creator's link; a browser that gave a name is signed in as facilitator. */
  const created = (c: Context, resolution: CreatedResolution, name: string | undefined) => {
    if (name) joinInSession(c, store, resolution.creator.id, name)
    const url = inviteUrl(new URL(c.req.url).origin, resolution.token)
    return c.json({ id: resolution.id, token: resolution.token, url }, 201)
  }

  return new Hono()
    .get('/', (c) => {
      const ids = accessList(store, credentialsOf(c)).map((access) => access.documentId)
      return c.json({ documents: store.listDocuments(ids).map(toListItem) })
    })
    // Previews read exactly as creation would, and create nothing: the person checks the reading first.
    .post('/preview', mayCreate, validate('json', previewTextBody), (c) =>
      c.json<TextReading>(readPastedText(c.req.valid('json').text)),
    )
    .post('/', mayCreate, limited, validate('json', createDocumentBody), (c) => {
      const body = c.req.valid('json')
      let resolution
      try {
        resolution = createResolution(store, body)
      } catch (error) {
        if (error instanceof MissingTitleError) return c.json({ error: error.message }, 400)
        throw error
      }
      return created(c, resolution, body.name)
    })
    // Before '/:id' (which only answers GET anyway), so "import" is never taken for an id.
    .post('/import/preview', mayCreate, limitUpload, validate('form', previewImportForm), async (c) => {
      const read = await readWordFile(c.req.valid('form').file)
      if ('refusal' in read) return c.json({ error: read.refusal.message }, read.refusal.status)
      // Word's structure is explicit, so nothing is dropped; the doubts are about the structure found.
      return c.json<TextReading>({ draft: read.draft, dropped: [], warnings: draftWarnings(read.draft) })
    })
    .post('/import', mayCreate, limited, limitUpload, validate('form', importDocumentForm), async (c) => {
      const { file, title, name } = c.req.valid('form')
      const read = await readWordFile(file)
      if ('refusal' in read) return c.json({ error: read.refusal.message }, read.refusal.status)
      const { draft } = read
      if (!title && !draft.title) {
        return c.json(
          { error: `title: required (no title was found above “${draft.enacting}” in the file); type one and import again` },
          400,
        )
      }
      return created(c, createResolutionFromDraft(store, title ? { ...draft, title } : draft), name)
    })
    .get('/:id', authorize(store, 'document.read'), (c) =>
      c.json({ document: toListItem(store.getDocument(c.req.param('id'))!) }),
    )
}
