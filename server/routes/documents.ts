import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { createDocumentBody, type DocumentListItem } from '../../shared/api/documents'
import { readResolution } from '../../shared/paragraphs/readResolution'
import type { Rooms } from '../collab/rooms'
import { createResolution, MissingTitleError } from '../documents/createResolution'
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

export function documentRoutes(store: Store, rooms: Rooms) {
  const requireDocument = (id: string): DocumentRecord => {
    const record = store.getDocument(id)
    if (!record) throw new HTTPException(404, { message: 'No resolution with this id' })
    return record
  }

  return new Hono()
    .get('/', (c) => c.json({ documents: store.listDocuments().map(toListItem) }))
    .post('/', validate('json', createDocumentBody), (c) => {
      try {
        const id = createResolution(store, c.req.valid('json'))
        return c.json({ id }, 201)
      } catch (error) {
        if (error instanceof MissingTitleError) return c.json({ error: error.message }, 400)
        throw error
      }
    })
    .get('/:id', (c) => c.json({ document: toListItem(requireDocument(c.req.param('id'))) }))
    .get('/:id/paragraphs', (c) => {
      const { id } = requireDocument(c.req.param('id'))
      return c.json(readResolution(rooms.read(id)).paragraphs)
    })
}
