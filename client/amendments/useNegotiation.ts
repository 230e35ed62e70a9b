import { useCallback, useEffect, useState } from 'react'
import type { Amendment } from '../../shared/amendments/types'
import type { Paragraph } from '../../shared/paragraphs/types'
import { api } from '../api'

export interface Negotiation {
  amendments: Amendment[]
  /** The server's reading of the paragraphs, with their statuses. */
  paragraphs: Paragraph[]
  reload: () => void
}

/**
 * Proposals and statuses of one resolution, kept fresh by the room's event stream: an event says
 * which list changed and it is fetched again; on (re)connect everything is fetched, so a browser
 * that was offline catches up.
 */
export function useNegotiation(documentId: string): Negotiation {
  const [amendments, setAmendments] = useState<Amendment[]>([])
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([])

  const loadAmendments = useCallback(async () => {
    const response = await api.documents[':id'].amendments.$get({ param: { id: documentId } })
    if (response.ok) setAmendments(((await response.json()) as { amendments: Amendment[] }).amendments)
  }, [documentId])
  const loadParagraphs = useCallback(async () => {
    const response = await api.documents[':id'].paragraphs.$get({ param: { id: documentId } })
    if (response.ok) setParagraphs((await response.json()) as Paragraph[])
  }, [documentId])
  const reload = useCallback(() => {
    void loadAmendments()
    void loadParagraphs()
  }, [loadAmendments, loadParagraphs])

  useEffect(() => {
    const events = new EventSource(`/api/documents/${documentId}/events`)
    events.addEventListener('ready', reload)
    events.addEventListener('amendments', () => {
      void loadAmendments()
      // An accepted proposal also changed the text and the numbering.
      void loadParagraphs()
    })
    events.addEventListener('statuses', () => void loadParagraphs())
    return () => events.close()
  }, [documentId, reload, loadAmendments, loadParagraphs])

  return { amendments, paragraphs, reload }
}
