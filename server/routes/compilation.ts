import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { type CompilationFilter, compileText } from '../../shared/amendments/compile'
import { footnotesById } from '../../shared/paragraphs/readResolution'
import { PARAGRAPH_STATUSES } from '../../shared/paragraphs/types'
import { type CommandDeps, currentParagraphs } from '../amendments/amendmentCommands'
import { renderCompilationHtml } from '../amendments/compilationHtml'
import { listComments } from '../comments/commentCommands'
import { authorize } from '../access/authorize'
import { compilationPage, pageNavigation } from '../limits/compilationPages'
import { limitsOf } from '../limits/limitsOf'
import { validate } from './validate'

const compilationQuery = z.object({
  format: z.enum(['json', 'html'], { message: 'format: json or html' }).optional(),
  state: z.string().max(100).optional(),
  status: z.enum(PARAGRAPH_STATUSES, { message: `status: one of ${PARAGRAPH_STATUSES.join(', ')}` }).optional().or(z.literal('')),
  contested: z.enum(['1', 'true', '']).optional(),
  comments: z.enum(['1', 'true', '']).optional(),
  /** The HTML page only: which of its pages, when it is long (server/limits/compilationPages.ts). */
  page: z.coerce.number({ message: 'page: a page number' }).int('page: a page number').min(1, 'page: from 1').optional(),
})

/** How often an idle event stream says it is alive (and looks again at the link it came through). */
const EVENT_STREAM_PING_MS = 20_000

const REVOKED_STREAM_ERROR = 'Your link has been revoked. Ask the facilitator for a new one.'

/** The compilation text, and the live event stream of the room. */
export function compilationRoutes(deps: CommandDeps) {
  const read = authorize(deps.store, 'document.read')
  return new Hono()
    .get('/compilation', read, validate('query', compilationQuery), (c) => {
      const documentId = c.req.param('id')!
      const query = c.req.valid('query')
      const filter: CompilationFilter = {
        ...(query.state ? { state: query.state } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.contested === '1' || query.contested === 'true' ? { contestedOnly: true } : {}),
      }
      const amendments = deps.store.listAmendments(documentId)
      const withComments = query.comments === '1' || query.comments === 'true'
      // Comments as everyone is shown them: hidden and deleted ones have no body to leak.
      const comments = withComments ? listComments(deps.store, documentId) : undefined
      const paragraphs = currentParagraphs(deps, documentId)
      const compilation = compileText(paragraphs, amendments, filter, comments)
      if (query.format !== 'html') return c.json(compilation)
      const page = compilationPage(compilation, query.page ?? 1, limitsOf(deps.store).settings.compilationPageChars)
      if (!page) return c.json({ error: `page: the compilation text has fewer pages than ${query.page}` }, 404)
      const document = deps.store.getDocument(documentId)!
      const states = [...new Set(amendments.flatMap((a) => [a.state, ...a.supporters, ...a.objectors]))].sort()
      const html = renderCompilationHtml(page.compilation, {
        title: document.title,
        symbol: document.symbol,
        generatedAt: new Date().toISOString(),
        filter,
        states,
        comments: withComments,
        footnotes: footnotesById(paragraphs),
      })
      // The page links stand at the top and the foot of the paragraphs.
      const nav = pageNavigation(page, c.req.query())
      const start = html.indexOf('<main>') + '<main>'.length
      const end = html.lastIndexOf('</main>')
      return c.html(`${html.slice(0, start)}\n${nav}${html.slice(start, end)}${nav}\n${html.slice(end)}`)
    })
    .get('/events', read, (c) =>
      // Tells the browser which list changed; it fetches it again. On reconnect the browser
      // refetches everything, so nothing missed while offline stays missed.
      streamSSE(c, async (stream) => {
        const documentId = c.req.param('id')!
        const { inviteId } = c.var.access
        // Access was checked when the stream opened; revoking the link it came through ends it at
        // once (the hub's signal), and every ping looks again, so no stream outlives its link.
        let revoked = false
        let wake = () => {}
        const stillAllowed = () => !revoked && deps.store.getInvite(inviteId)?.revokedAt === null
        const unsubscribe = deps.hub.subscribe(documentId, (event) => {
          void stream.writeSSE({ event: event.type, data: JSON.stringify(event) })
        })
        const unwatch = deps.hub.watchRevocation(inviteId, () => {
          revoked = true
          wake()
        })
        const stop = () => {
          unsubscribe()
          unwatch()
        }
        stream.onAbort(() => {
          stop()
          wake()
        })
        await stream.writeSSE({ event: 'ready', data: '{}' })
        while (!stream.aborted && stillAllowed()) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, EVENT_STREAM_PING_MS)
            wake = () => {
              clearTimeout(timer)
              resolve()
            }
          })
          if (!stream.aborted && stillAllowed()) await stream.writeSSE({ event: 'ping', data: '{}' })
        }
        stop()
        // The browser's EventSource reconnects after the stream ends, is refused (403) and stops.
        if (!stream.aborted) await stream.writeSSE({ event: 'revoked', data: JSON.stringify({ error: REVOKED_STREAM_ERROR }) })
      }),
    )
}
