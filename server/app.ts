import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { collabHandler } from './collab/collabRoute'
import type { Rooms } from './collab/rooms'
import { documentRoutes } from './routes/documents'
import type { Store } from './store/types'

export interface AppDeps {
  store: Store
  rooms: Rooms
  /** The built client (vite build output); omitted in API-only tests. */
  staticDir?: string
  log: (message: string, error?: unknown) => void
}

/** The API alone, so that its type can be handed to the client's typed `hc` client. */
export function createApi(deps: Pick<AppDeps, 'store' | 'rooms'>) {
  return new Hono()
    .get('/health', (c) => c.json({ ok: true }))
    .route('/documents', documentRoutes(deps.store, deps.rooms))
}
export type ApiType = ReturnType<typeof createApi>

export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.route('/api', createApi(deps))
  app.all('/api/*', (c) => c.json({ error: `No API route for ${c.req.method} ${c.req.path}` }, 404))
  app.get('/collab/:documentId', collabHandler(deps.store, deps.rooms))

  if (deps.staticDir && existsSync(join(deps.staticDir, 'index.html'))) {
    const indexHtml = readFileSync(join(deps.staticDir, 'index.html'), 'utf8')
    app.use('/assets/*', serveStatic({ root: deps.staticDir }))
    // The draft room of an unknown resolution is a real 404, rendered by the client.
    app.get('/d/:id', (c) => c.html(indexHtml, deps.store.getDocument(c.req.param('id')) ? 200 : 404))
    app.get('/', (c) => c.html(indexHtml))
    app.use('*', serveStatic({ root: deps.staticDir }))
  }
  app.notFound((c) => c.text('Not found', 404))

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status
      return c.json({ error: error.message || 'Bad request' }, status)
    }
    deps.log(`unhandled error on ${c.req.method} ${c.req.path}`, error)
    return c.json({ error: 'Internal error; the change was not made. Try again.' }, 500)
  })
  return app
}
