import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode, FINAL_CLOSE_CODES, MAX_MESSAGE_BYTES, TOO_LARGE_CLOSE_CODES } from '../../shared/api/closeCodes'
import { collabUrl } from '../api'

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'not-found' | 'forbidden'

export interface Collaboration {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Tells the person, in the room header, why the text did not take a change (a refused paste). */
  notify: (message: string) => void
}

/** How long a notice about a refused change stays in the header. */
const NOTICE_MS = 10_000

/**
 * The provider's reconnect rule is ours: stop after a FINAL_CLOSE_CODES close, retry after any
 * other. The stock rule stops on every 44xx but retries 1009, which resends the same oversized
 * change for ever.
 */
export const shouldReconnect = (event: { code: number }): boolean => !FINAL_CLOSE_CODES.includes(event.code)

/** What the person is told after a final close that is not about access (those have their own state). */
export function finalCloseNotice(code: number, reason: string): string | null {
  if (!TOO_LARGE_CLOSE_CODES.includes(code)) return null
  const why =
    code === CloseCode.MessageTooBig
      ? `This change is too large for the resolution (at most ${MAX_MESSAGE_BYTES / (1024 * 1024)} MB at once)`
      : reason.startsWith('This change is too large') ? reason : 'This change is too large for the resolution'
  return `${why}. It was not saved: reload the page to go on editing.`
}

/**
 * The Yjs document and the stock y-websocket provider for one resolution. They are created in an
 * effect and kept in state (creating them in render breaks under StrictMode's double mount), and
 * handed out only after the first sync: an editor bound to an empty document would write the
 * schema's default content into it, and only the server may create content.
 *
 * `notice` is what the header should say beyond the connection state: why the connection stopped
 * for good (a change too large for the resolution), or, for a while, why a paste was refused.
 */
export function useCollaboration(documentId: string, user: { name: string; color: string }) {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null)
  const [state, setState] = useState<ConnectionState>('connecting')
  const [stopped, setStopped] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    // Every change goes through the server, which checks it; a second tab of the same browser gets
    // it from there too, and no keystroke pays for a copy to each open tab.
    const provider = new WebsocketProvider(collabUrl(), documentId, doc, { shouldReconnect, disableBc: true })
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
    // Emitted only when `shouldReconnect` said no: the provider has stopped, retrying cannot help.
    provider.on('closed', ({ code, reason }: { code: number; reason: string }) => {
      setStopped(finalCloseNotice(code, reason))
      // A refused change stops typing too: nothing more would reach the server.
      setState(code === CloseCode.NotFound ? 'not-found' : 'forbidden')
    })
    let clearRefusal: ReturnType<typeof setTimeout> | undefined
    const notify = (message: string) => {
      clearTimeout(clearRefusal)
      setRefusal(message)
      clearRefusal = setTimeout(() => setRefusal(null), NOTICE_MS)
    }
    const onSync = (synced: boolean) => {
      if (synced) setCollaboration({ doc, provider, notify })
    }
    provider.on('sync', onSync)
    return () => {
      clearTimeout(clearRefusal)
      provider.off('sync', onSync)
      setCollaboration(null)
      setStopped(null)
      setRefusal(null)
      provider.destroy()
      doc.destroy()
    }
    // Only a new resolution reconnects; a new name or colour is updated in place below.
  }, [documentId])

  useEffect(() => {
    collaboration?.provider.awareness.setLocalStateField('user', user)
  }, [collaboration, user])

  return { collaboration, state, notice: stopped ?? refusal }
}
