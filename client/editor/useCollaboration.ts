import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode, FINAL_CLOSE_CODES } from '../../shared/api/closeCodes'
import { collabUrl } from '../api'

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'not-found' | 'forbidden'

export interface Collaboration {
  doc: Y.Doc
  provider: WebsocketProvider
}

/**
 * The Yjs document and the stock y-websocket provider for one resolution. They are created in an
 * effect and kept in state (creating them in render breaks under StrictMode's double mount), and
 * handed out only after the first sync: an editor bound to an empty document would write the
 * schema's default content into it, and only the server may create content.
 */
export function useCollaboration(documentId: string, user: { name: string; color: string }) {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null)
  const [state, setState] = useState<ConnectionState>('connecting')

  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(collabUrl(), documentId, doc)
    provider.awareness.setLocalStateField('user', user)
    let everConnected = false
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') everConnected = true
      setState((current) => {
        if (current === 'not-found' || current === 'forbidden') return current
        if (status === 'connected') return 'connected'
        return everConnected ? 'reconnecting' : 'connecting'
      })
    })
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (!event || !FINAL_CLOSE_CODES.includes(event.code)) return
      provider.shouldConnect = false // retrying cannot help
      setState(event.code === CloseCode.NotFound ? 'not-found' : 'forbidden')
    })
    const onSync = (synced: boolean) => {
      if (synced) setCollaboration({ doc, provider })
    }
    provider.on('sync', onSync)
    return () => {
      provider.off('sync', onSync)
      setCollaboration(null)
      provider.destroy()
      doc.destroy()
    }
    // Only a new resolution reconnects; a new name or colour is updated in place below.
  }, [documentId])

  useEffect(() => {
    collaboration?.provider.awareness.setLocalStateField('user', user)
  }, [collaboration, user])

  return { collaboration, state }
}
