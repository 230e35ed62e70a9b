import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import {
  createDocumentBody,
  type DocumentListItem,
  importDocumentForm,
  MAX_IMPORT_BYTES,
} from '../../shared/api/documents'
import { authorize } from '../access/authorize'
import { credentialsOf, joinInSession } from '../access/credentials'
import { inviteUrl } from '../access/invites'
import { accessList } from '../access/resolveAccess'
import { sameSecret } from '../access/tokens'
import { type CreatedResolution, createResolution, createResolutionFromDraft, MissingTitleError } from '../documents/createResolution'
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

export interface DocumentRoutesDeps {
  store: Store
  /** When set, creating a resolution needs `Authorization: Bearer <createToken>`. */
  createToken?: string
}

export function documentRoutes({ store, createToken }: DocumentRoutesDeps) {
  /** CREATE_TOKEN: checked before anything is read from the request. */
  const mayCreate = createMiddleware(async (c, next) => {
    if (createToken && !sameSecret(credentialsOf(c).token ?? '', createToken)) {
      return c.json({ error: 'Creating resolutions on this server needs its creation key.' }, 403)
    }
    await next()
  })

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
    .post('/', mayCreate, validate('json', createDocumentBody), (c) => {
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
    .post(
      '/import',
      mayCreate,
      bodyLimit({
        maxSize: MAX_IMPORT_BYTES + 64 * 1024, // the file and the form's few other fields
        onError: (c) =>
          c.json({ error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most an imported Word file may be.` }, 413),
      }),
      validate('form', importDocumentForm),
      async (c) => {
        const { file, title, name } = c.req.valid('form')
        let draft
        try {
          draft = await draftFromDocxInWorker(new Uint8Array(await file.arrayBuffer()), { fileName: file.name })
        } catch (error) {
          // Whatever a file does to the reader is the file's fault: a 4xx, never a 500.
          const refusal = error instanceof DocxImportError ? error : new DocxImportError(unreadable(file.name))
          return c.json({ error: refusal.message }, refusal.status)
        }
        if (!title && !draft.title) {
          return c.json(
            { error: `title: required (no title was found above “${draft.enacting}” in the file); type one and import again` },
            400,
          )
        }
        return created(c, createResolutionFromDraft(store, title ? { ...draft, title } : draft), name)
      },
    )
    .get('/:id', authorize(store, 'document.read'), (c) =>
      c.json({ document: toListItem(store.getDocument(c.req.param('id'))!) }),
    )
}
