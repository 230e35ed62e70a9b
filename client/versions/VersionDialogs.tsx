import { useEffect, useState } from 'react'
import { PARAGRAPH_STATUS_LABELS, type Paragraph } from '../../shared/paragraphs/types'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import { changeNotes } from '../../shared/versions/compareVersions'
import type { Version, VersionRedline } from '../../shared/versions/types'
import { api, errorMessage } from '../api'
import { Redline } from '../amendments/Redline'
import { ExportMenu, RedlineExportLinks } from '../export/ExportMenu'
import { FormError } from '../FormError'
import { Modal } from '../Modal'
import { dateTime } from '../dates'

type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T }

/** Fetches when opened (and when `key`, what the request asks for, changes); shows progress and errors. */
function useLoaded<T>(key: string, load: () => Promise<Response>, read: (body: unknown) => T): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  useEffect(() => {
    let current = true
    void (async () => {
      const response = await load()
      if (!current) return
      if (!response.ok) return setState({ status: 'error', message: await errorMessage(response) })
      setState({ status: 'ready', value: read(await response.json()) })
    })()
    return () => {
      current = false
    }
  }, [key])
  return state
}

function Pending({ state }: { state: Loaded<unknown> }) {
  if (state.status === 'loading') return <p aria-busy="true">Loading…</p>
  if (state.status === 'error') return <FormError message={state.message} />
  return null
}

/** One version, read-only, numbered and with the statuses it had. */
export function VersionDialog({ documentId, versionId, onClose }: { documentId: string; versionId: string; onClose: () => void }) {
  const state = useLoaded(
    `${documentId}/${versionId}`,
    () => api.documents[':id'].versions[':vid'].$get({ param: { id: documentId, vid: versionId } }),
    (body) => (body as { version: Version }).version,
  )
  const title = state.status === 'ready' ? state.value.label : 'Version'
  return (
    <Modal title={title} className="version-dialog" onClose={onClose}>
      <Pending state={state} />
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {dateTime(state.value.createdAt)} {state.value.author && `· ${state.value.author}`} · read-only{' '}
            <ExportMenu documentId={documentId} version={versionId} label="Export this version" />
          </p>
          <ol className="version-text">
            {state.value.paragraphs.map((p: Paragraph) => (
              <li key={p.id} className={`status-${p.status}`}>
                <span className="version-label">{paragraphLabel(p)}</span>
                <span className="version-paragraph">{p.text}</span>
                {p.status !== 'draft' && <span className={`status-badge status-${p.status}`}>{PARAGRAPH_STATUS_LABELS[p.status]}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </Modal>
  )
}

interface Comparison {
  from: { id: string; label: string }
  to: { id: string; label: string }
  redline: VersionRedline
}

/** The redline between two versions (or one and the live text): the view a delegation sends home. */
export function RedlineDialog({ documentId, from, to, onClose }: { documentId: string; from: string; to: string; onClose: () => void }) {
  const [changedOnly, setChangedOnly] = useState(false)
  const state = useLoaded(
    `${documentId}/${from}/${to}`,
    () => api.documents[':id'].compare.$get({ param: { id: documentId }, query: { from, to } }),
    (body) => body as Comparison,
  )
  const title = state.status === 'ready' ? `Changes from ${state.value.from.label} to ${state.value.to.label}` : 'Redline'
  return (
    <Modal title={title} className="redline-dialog" onClose={onClose}>
      <Pending state={state} />
      {state.status === 'ready' && (
        <>
          <p className="redline-summary" role="status">
            {state.value.redline.summary}
          </p>
          <div className="redline-tools">
            <label className="check">
              <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} /> Only what changed
            </label>
            <RedlineExportLinks documentId={documentId} from={from} to={to} />
          </div>
          <ol className="version-text redline-text">
            {state.value.redline.paragraphs
              .filter((p) => !changedOnly || changeNotes(p).length > 0)
              .map((p) => {
                const side = p.after ?? p.before!
                return (
                  <li key={p.id} className={`change-${p.change}`} aria-label={`${paragraphLabel(side)}: ${p.change}`}>
                    <span className="version-label">{paragraphLabel(side)}</span>
                    <span className="version-paragraph">
                      <Redline segments={p.segments} />
                    </span>
                    {changeNotes(p).map((note) => (
                      <span key={note.kind} className={`change-note note-${note.kind}`}>
                        {note.text}
                      </span>
                    ))}
                  </li>
                )
              })}
          </ol>
        </>
      )}
    </Modal>
  )
}
