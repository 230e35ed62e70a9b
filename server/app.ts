import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { csrfForCookies, FOREIGN_ORIGIN_ERROR } from './access/csrfForCookies'
import { ConflictRefusal } from './access/enforce'
import { securityHeaders } from './access/securityHeaders'
import type { Rooms } from './collab/rooms'
import type { EventHub } from './events/eventHub'
import { creationLimitFrom, type RateLimit } from './limits/creationLimit'
import { amendmentRoutes } from './routes/amendments'
import { commentRoutes } from './routes/comments'
import { compilationRoutes } from './routes/compilation'
import { documentRoutes } from './routes/documents'
import { exportRoutes } from './routes/export'
import { paragraphRoutes } from './routes/paragraphs'
import { inviteRoutes } from './routes/invites'
import { requestBodies } from './routes/requestBodies'
import { sessionRoutes } from './routes/sessions'
import { compareRoutes, versionRoutes } from './routes/versions'
import type { Store } from './store/types'

export interface AppDeps {
  store: Store
  rooms: Rooms
  hub: EventHub
  /** The built client (vite build output); omitted in API-only tests. */
  staticDir?: string
  /** When set, creating a resolution needs `Authorization: Bearer <createToken>` (CREATE_TOKEN). */
  createToken?: string
  /**
   * Without CREATE_TOKEN, how many resolutions one client address may create (null: no limit);
   * when omitted, CREATE_LIMIT and CREATE_LIMIT_MINUTES of the environment (default 20 per 10 minutes).
   */
  creationLimit?: RateLimit | null
  log: (message: string, error?: unknown) => void
}

/** The API alone, so that its type can be handed to the client's typed `hc` client. */
export function createApi(deps: Pick<AppDeps, 'store' | 'rooms' | 'hub' | 'createToken' | 'creationLimit'>) {
  return new Hono()
    .use('*', csrfForCookies)
    .use('*', requestBodies)
    .get('/health', (c) => c.json({ ok: true }))
    .get('/config', (c) => c.json({ createRestricted: Boolean(deps.createToken) }))
    .route('/', sessionRoutes(deps.store))
    .route('/documents', documentRoutes(deps))
    .route('/documents/:id/invites', inviteRoutes(deps.store, deps.rooms, deps.hub))
    .route('/documents/:id/paragraphs', paragraphRoutes(deps))
    .route('/documents/:id/amendments', amendmentRoutes(deps))
    .route('/documents/:id/comments', commentRoutes(deps))
    .route('/documents/:id/versions', versionRoutes(deps))
    .route('/documents/:id', compilationRoutes(deps))
    .route('/documents/:id', compareRoutes(deps))
    .route('/documents/:id', exportRoutes(deps))
}
export type ApiType = ReturnType<typeof createApi>

/** Pages and JSON gzipped on the fly (hono/compress leaves event streams alone). */
const compressResponses = compress()

/**
 * compress() leaves an answer under 1 KB as it is only when it knows its size, and `c.json()` gives
 * none: every JSON answer, `{"ok":true}` and a new resolution's id included, went through a gzip
 * stream of its own (about a millisecond of CPU each, for no gain). A JSON answer is made whole
 * anyway, so it is given its Content-Length here, before compress() looks at it.
 */
const sizeJson = createMiddleware(async (c, next) => {
  await next()
  const res = c.res
  if (res.headers.has('content-length') || !res.headers.get('content-type')?.startsWith('application/json')) return
  const body = await res.text()
  const headers = new Headers(res.headers)
  headers.set('content-length', String(Buffer.byteLength(body)))
  // Replaced whole: assigned over a response, Hono's setter would re-wrap the new one as a stream.
  c.res = undefined as unknown as Response
  c.res = new Response(body, { status: res.status, headers })
})

/**
 * An answer given before the request's body was read (refused by the gate, too large, of the
 * wrong type) leaves that body on the wire. A client may stop sending it once it has the answer
 * and reuse the connection: the server would then read the next request as the rest of this body,
 * and the connection would die under it. Such an answer closes its connection instead; the client
 * opens a fresh one for its next request.
 */
const closeAfterUnreadBody = createMiddleware(async (c, next) => {
  await next()
  const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined
  if (hasBody && !c.req.raw.bodyUsed) c.header('Connection', 'close')
})

/** Hashed file names change with their content: a browser keeps each for a year and never asks again. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.use('*', securityHeaders())
  app.use('*', closeAfterUnreadBody)
  app.use('*', compressResponses)
  app.use('*', sizeJson)
  const creationLimit = deps.creationLimit !== undefined ? deps.creationLimit : creationLimitFrom(process.env)
  app.route('/api', createApi({ ...deps, creationLimit }))
  app.all('/api/*', (c) => c.json({ error: `No API route for ${c.req.method} ${c.req.path}` }, 404))

  if (deps.staticDir && existsSync(join(deps.staticDir, 'index.html'))) {
    const indexHtml = readFileSync(join(deps.staticDir, 'index.html'), 'utf8')
    // The same page, with the room's code to fetch at once (vite.config.ts).
    const roomFile = join(deps.staticDir, 'room.html')
    const roomHtml = existsSync(roomFile) ? readFileSync(roomFile, 'utf8') : indexHtml
    // The build wrote a .br and a .gz beside each file (vite.config.ts): sent as they are.
    app.use('/assets/*', serveStatic({ root: deps.staticDir, precompressed: true, onFound: (_path, c) => c.header('Cache-Control', IMMUTABLE) }))
    // The page names the current build's files, so it is checked again on every visit.
    const page = (c: Context, status: 200 | 404 = 200, html = indexHtml) => {
      c.header('Cache-Control', 'no-cache')
      return c.html(html, status)
    }
    // The draft room of an unknown resolution is a real 404, rendered by the client.
    app.get('/d/:id', (c) => (deps.store.getDocument(c.req.param('id')) ? page(c, 200, roomHtml) : page(c, 404)))
    app.get('/', (c) => page(c))
    app.get('/join/:token', (c) => page(c))
    // Any other address: the client renders "Page not found", with the status to match.
    app.get('*', (c) => page(c, 404))
  }
  app.notFound((c) => c.text('Not found', 404))

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const fallback = error.status === 403 ? FOREIGN_ORIGIN_ERROR : 'Bad request'
      const conflict = error instanceof ConflictRefusal ? { conflict: error.conflict } : {}
      return c.json({ error: error.message || fallback, ...conflict }, error.status)
    }
    deps.log(`unhandled error on ${c.req.method} ${c.req.path}`, error)
    return c.json({ error: 'Internal error; the change was not made. Try again.' }, 500)
  })
  return app
}
