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
import { validate } from './validate'

const compilationQuery = z.object({
  format: z.enum(['json', 'html'], { message: 'format: json or html' }).optional(),
  state: z.string().max(100).optional(),
  status: z.enum(PARAGRAPH_STATUSES, { message: `status: one of ${PARAGRAPH_STATUSES.join(', ')}` }).optional().or(z.literal('')),
  contested: z.enum(['1', 'true', '']).optional(),
  comments: z.enum(['1', 'true', '']).optional(),
})

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
      const document = deps.store.getDocument(documentId)!
      const states = [...new Set(amendments.flatMap((a) => [a.state, ...a.supporters, ...a.objectors]))].sort()
      return c.html(
        renderCompilationHtml(compilation, {
          title: document.title,
          symbol: document.symbol,
          generatedAt: new Date().toISOString(),
          filter,
          states,
          comments: withComments,
          footnotes: footnotesById(paragraphs),
        }),
      )
    })
    .get('/events', read, (c) =>
      // Tells the browser which list changed; it fetches it again. On reconnect the browser
      // refetches everything, so nothing missed while offline stays missed.
      streamSSE(c, async (stream) => {
        const unsubscribe = deps.hub.subscribe(c.req.param('id')!, (event) => {
          void stream.writeSSE({ event: event.type, data: JSON.stringify(event) })
        })
        stream.onAbort(unsubscribe)
        await stream.writeSSE({ event: 'ready', data: '{}' })
        while (!stream.aborted) {
          await stream.sleep(20_000)
          await stream.writeSSE({ event: 'ping', data: '{}' })
        }
        unsubscribe()
      }),
    )
}
