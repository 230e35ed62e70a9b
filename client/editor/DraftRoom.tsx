import { useEffect, useMemo, useState } from 'react'
import type { DocumentListItem } from '../../shared/api/documents'
import { api, errorMessage } from '../api'
import { NotFound } from '../NotFound'
import { colourFor } from '../people/displayName'
import { PresenceList } from '../people/PresenceList'
import { ResolutionEditor } from './ResolutionEditor'
import { type ConnectionState, useCollaboration } from './useCollaboration'

const STATUS_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Offline: reconnecting. Your edits are kept and will be sent.',
  'not-found': 'This resolution does not exist.',
  forbidden: 'You no longer have access to this resolution.',
}

/** The draft room: the live text of one resolution and who is working on it. */
export function DraftRoom({ documentId, userName }: { documentId: string; userName: string }) {
  const user = useMemo(() => ({ name: userName, color: colourFor(userName) }), [userName])
  const [meta, setMeta] = useState<DocumentListItem | null | 'missing'>(null)
  const [error, setError] = useState('')
  const { collaboration, state } = useCollaboration(documentId, user)

  useEffect(() => {
    let cancelled = false
    void (async () => {
      const response = await api.documents[':id'].$get({ param: { id: documentId } })
      if (cancelled) return
      if (response.status === 404) return setMeta('missing')
      if (!response.ok) return setError(await errorMessage(response))
      const body = (await response.json()) as { document: DocumentListItem }
      setMeta(body.document)
    })().catch(() => !cancelled && setError('Could not reach the server. Check your connection and reload.'))
    return () => {
      cancelled = true
    }
  }, [documentId])

  if (meta === 'missing' || state === 'not-found') return <NotFound what="resolution" />

  return (
    <div className="room">
      <header className="room-header">
        <a href="/" className="back">
          ← Resolutions
        </a>
        <h1 className="room-title">{meta?.title ?? ' '}</h1>
        <p className={`connection connection-${state}`} role="status" aria-live="polite" data-state={state}>
          {STATUS_TEXT[state]}
        </p>
        {collaboration && <PresenceList awareness={collaboration.provider.awareness} />}
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {collaboration ? (
        <ResolutionEditor collaboration={collaboration} user={user} />
      ) : (
        <p className="loading" aria-busy="true">
          Loading the text…
        </p>
      )}
    </div>
  )
}
