import { useCallback, useEffect, useState } from 'react'
import type { Amendment } from '../../shared/amendments/types'
import type { Comment } from '../../shared/comments/types'
import type { Paragraph } from '../../shared/paragraphs/types'
import { api } from '../api'

export interface Negotiation {
  amendments: Amendment[]
  /** The server's reading of the paragraphs, with their statuses. */
  paragraphs: Paragraph[]
  comments: Comment[]
  /** Counts the room's announcements of new versions, for the history to fetch again. */
  versionsChanged: number
  reload: () => void
}

/**
 * Proposals, statuses and comments of one resolution: everything but the text, kept fresh by the room's event stream: an event says
 * which list changed and it is fetched again; on (re)connect everything is fetched, so a browser
 * that was offline catches up.
 */
export function useNegotiation(documentId: string): Negotiation {
  const [amendments, setAmendments] = useState<Amendment[]>([])
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([])
  const [comments, setComments] = useState<Comment[]>([])
  const [versionsChanged, setVersionsChanged] = useState(0)

  const loadAmendments = useCallback(async () => {
    const list = await allPages<Amendment>('amendments', (after) => api.documents[':id'].amendments.$get({ param: { id: documentId }, query: { after } }))
    if (list) setAmendments(list)
  }, [documentId])
  const loadParagraphs = useCallback(async () => {
    const response = await api.documents[':id'].paragraphs.$get({ param: { id: documentId } })
    if (response.ok) setParagraphs((await response.json()) as Paragraph[])
  }, [documentId])
  const loadComments = useCallback(async () => {
    const list = await allPages<Comment>('comments', (after) => api.documents[':id'].comments.$get({ param: { id: documentId }, query: { after } }))
    if (list) setComments(list)
  }, [documentId])
  const reload = useCallback(() => {
    void loadAmendments()
    void loadParagraphs()
    void loadComments()
  }, [loadAmendments, loadParagraphs, loadComments])

  useEffect(() => {
    const events = new EventSource(`/api/documents/${documentId}/events`)
    events.addEventListener('ready', reload)
    events.addEventListener('amendments', () => {
      void loadAmendments()
      // An accepted proposal also changed the text and the numbering.
      void loadParagraphs()
    })
    events.addEventListener('statuses', () => void loadParagraphs())
    events.addEventListener('comments', () => void loadComments())
    events.addEventListener('versions', () => setVersionsChanged((n) => n + 1))
    return () => events.close()
  }, [documentId, reload, loadAmendments, loadParagraphs, loadComments])

  return { amendments, paragraphs, comments, versionsChanged, reload }
}

/** More pages than any room can fill within its quotas: a bound for the loop, never reached. */
const MAX_PAGES = 1000

/** Every page of a long list (shared/api/listPages), in order; undefined when a page fails. */
async function allPages<T>(key: string, fetchPage: (after: string | undefined) => Promise<Response>): Promise<T[] | undefined> {
  const items: T[] = []
  let after: string | undefined
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const response = await fetchPage(after)
    if (!response.ok) return undefined
    const page = (await response.json()) as Record<string, unknown> & { next: string | null }
    items.push(...(page[key] as T[]))
    if (page.next === null) break
    after = page.next
  }
  return items
}
