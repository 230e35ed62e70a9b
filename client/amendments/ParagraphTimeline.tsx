import { useEffect, useState } from 'react'
import type { TimelineEvent } from '../../shared/amendments/types'
import { api, errorMessage } from '../api'
import { FormError } from '../FormError'
import { dateTime as when } from '../dates'

interface Props {
  documentId: string
  paragraphId: string
  /** "OP 3" */
  name: string
  /**
   * Changes whenever the room announces that proposals, statuses or versions changed (a new list
   * of proposals from the event stream, a status, a version count): the story is fetched again.
   */
  refresh: unknown
}

/** A paragraph's story from the audit log: who proposed, joined, objected, what was decided and reopened, and when. */
export function ParagraphTimeline({ documentId, paragraphId, name, refresh }: Props) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    let current = true
    void (async () => {
      const response = await api.documents[':id'].paragraphs[':pid'].timeline.$get({ param: { id: documentId, pid: paragraphId } })
      if (!current) return
      if (!response.ok) return setError(await errorMessage(response))
      const body = (await response.json()) as { events: TimelineEvent[] }
      if (!current) return
      setError('')
      setEvents(body.events)
    })()
    return () => {
      current = false
    }
  }, [documentId, paragraphId, refresh])

  return (
    <section className="paragraph-timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">History of this paragraph</h3>
      <FormError message={error} />
      {events === null ? (
        <p className="muted small" aria-busy="true">
          Loading…
        </p>
      ) : events.length === 0 ? (
        <p className="muted small">Nothing has happened to {name} yet: no proposals, decisions or status changes.</p>
      ) : (
        <ol className="timeline" aria-label={`History of ${name}, oldest first`}>
          {events.map((event, i) => (
            <li key={`${event.at}-${i}`} data-action={event.action}>
              <time dateTime={event.at}>{when(event.at)}</time>
              <span className="timeline-words">{event.words}</span>
              <span className="muted small">{event.actor}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
