import { useEffect, useState } from 'react'
import type { DocumentListItem } from '../../shared/api/documents'
import { api, errorMessage } from '../api'
import { NewResolutionForm } from './NewResolutionForm'
import { FormError } from '../FormError'
import { dateTime } from '../dates'

export function HomePage({ userName }: { userName: string }) {
  const [documents, setDocuments] = useState<DocumentListItem[] | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    let cancelled = false
    void (async () => {
      try {
        const response = await api.documents.$get()
        if (!response.ok) throw new Error(await errorMessage(response))
        const body = await response.json()
        if (!cancelled) setDocuments(body.documents)
      } catch (caught) {
        if (!cancelled) setError(`Could not load the resolutions: ${(caught as Error).message}`)
      }
    })()
    return () => {
      cancelled = true
    }
  }, [])

  return (
    <main className="page">
      <header className="page-header">
        <h1>Penholder</h1>
        <p className="tagline">Draft and negotiate resolutions together, live.</p>
      </header>
      <div className="home-grid">
        <section aria-labelledby="list-title">
          <h2 id="list-title">Resolutions</h2>
          <FormError message={error} />
          {documents === null && !error && <p aria-busy="true">Loading…</p>}
          {documents?.length === 0 && (
            <p className="muted">
              No resolutions yet. Create one, or open the invite link a facilitator sent you.
            </p>
          )}
          {documents && documents.length > 0 && (
            <table className="documents">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Symbol</th>
                  <th scope="col" className="number">
                    PPs
                  </th>
                  <th scope="col" className="number">
                    OPs
                  </th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((doc) => (
                  <tr key={doc.id}>
                    <td>
                      <a href={`/d/${doc.id}`}>{doc.title || 'Untitled resolution'}</a>
                    </td>
                    <td className="symbol">{doc.symbol || '—'}</td>
                    <td className="number">{doc.ppCount}</td>
                    <td className="number">{doc.opCount}</td>
                    <td>
                      <time dateTime={doc.updatedAt}>{dateTime(doc.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <NewResolutionForm userName={userName} />
      </div>
    </main>
  )
}
