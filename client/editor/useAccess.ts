import { useEffect, useState } from 'react'
import type { Access } from '../../shared/api/access'
import type { DocumentListItem } from '../../shared/api/documents'
import { api, errorMessage } from '../api'

export type AccessState =
  | { status: 'loading' }
  | { status: 'ready'; document: DocumentListItem; access: Access }
  | { status: 'not-found' }
  | { status: 'denied'; message: string }
  | { status: 'error'; message: string }

/** The resolution's listing and what this browser's session may do in it. */
export function useAccess(documentId: string): AccessState {
  const [state, setState] = useState<AccessState>({ status: 'loading' })
  useEffect(() => {
    let cancelled = false
    const settle = (next: AccessState) => !cancelled && setState(next)
    void (async () => {
      const response = await api.documents[':id'].$get({ param: { id: documentId } })
      if (response.status === 404) return settle({ status: 'not-found' })
      if (response.status === 401 || response.status === 403) {
        return settle({ status: 'denied', message: await errorMessage(response) })
      }
      if (!response.ok) return settle({ status: 'error', message: await errorMessage(response) })
      const { document } = (await response.json()) as { document: DocumentListItem }
      const me = await (await api.me.$get()).json()
      const access = me.access.find((a) => a.documentId === documentId)
      if (!access) return settle({ status: 'denied', message: 'You have no access to this resolution.' })
      settle({ status: 'ready', document, access })
    })().catch(() => settle({ status: 'error', message: 'Could not reach the server. Check your connection and reload.' }))
    return () => {
      cancelled = true
    }
  }, [documentId])
  return state
}
