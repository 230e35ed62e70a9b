import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { Access } from '../../shared/api/access'
import { can } from '../../shared/policy/policy'
import type { VersionSummary } from '../../shared/versions/types'
import { api, errorMessage } from '../api'
import { RedlineDialog, VersionDialog } from './VersionDialogs'
import { FormError } from '../FormError'
import { dateTime as when } from '../dates'

interface Props {
  documentId: string
  access: Access
  /** Changes whenever the room announces new versions. */
  versionsChanged: number
}

const PAGE = 20

/**
 * The history of the text: named versions (zero draft, Rev.1 …) and the server's checkpoints; save
 * the text as a version, read any version, compare any two (or one with the live text), restore.
 */
export function HistoryPanel({ documentId, access, versionsChanged }: Props) {
  const [versions, setVersions] = useState<VersionSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [withCheckpoints, setWithCheckpoints] = useState(false)
  const [error, setError] = useState('')
  const [reading, setReading] = useState<string | null>(null)
  const [comparing, setComparing] = useState<{ from: string; to: string } | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('live')

  const load = useCallback(
    async (before?: string) => {
      const response = await api.documents[':id'].versions.$get({
        param: { id: documentId },
        query: { limit: String(PAGE), ...(withCheckpoints ? {} : { kind: 'named' }), ...(before ? { before } : {}) },
      })
      if (!response.ok) return setError(await errorMessage(response))
      const page = (await response.json()) as { versions: VersionSummary[]; next: string | null }
      setVersions((shown) => (before ? [...shown, ...page.versions] : page.versions))
      setNext(page.next)
    },
    [documentId, withCheckpoints],
  )
  useEffect(() => {
    void load()
  }, [load, versionsChanged])

  const newestNamed = versions.find((v) => v.kind === 'named')
  // Delegations compare against the newest named version unless they choose otherwise.
  const fromChoice = from || newestNamed?.id || versions[0]?.id || ''

  const restore = async (version: VersionSummary) => {
    if (!window.confirm(`Restore “${version.label}”? The text as it is now is kept as a checkpoint, so this can be undone.`)) return
    setError('')
    const response = await api.documents[':id'].versions[':vid'].restore.$post({ param: { id: documentId, vid: version.id } })
    if (!response.ok) setError(await errorMessage(response))
  }

  const facilitator = can(access.role, 'version.name')
  const versionOptions = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {v.label}
    </option>
  ))
  return (
    <aside className="side-panel history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {facilitator && <SaveVersion documentId={documentId} onError={setError} />}
      <FormError message={error} />
      {versions.length > 0 && (
        <form
          className="compare-picker"
          onSubmit={(event) => {
            event.preventDefault()
            setComparing({ from: fromChoice, to })
          }}
        >
          <h3>Redline</h3>
          <label>
            From{' '}
            <select aria-label="From" value={fromChoice} onChange={(e) => setFrom(e.target.value)}>
              {versionOptions}
            </select>
          </label>
          <label>
            To{' '}
            <select aria-label="To" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="live">The live text</option>
              {versionOptions}
            </select>
          </label>
          <button type="submit" className="primary">
            Show the redline
          </button>
        </form>
      )}
      <h3>Versions</h3>
      <label className="check">
        <input type="checkbox" checked={withCheckpoints} onChange={(e) => setWithCheckpoints(e.target.checked)} /> Show automatic checkpoints
      </label>
      {versions.length === 0 ? (
        <p className="muted">{facilitator ? 'No versions yet. Save the zero draft to start the history.' : 'No versions yet.'}</p>
      ) : (
        <ol className="version-list">
          {versions.map((version) => (
            <li key={version.id} className={`version version-${version.kind}`} aria-label={version.label}>
              <div>
                <strong>{version.label}</strong>
                {version.kind === 'checkpoint' && <span className="muted"> · checkpoint</span>}
              </div>
              <div className="muted small">
                {when(version.createdAt)}
                {version.author && ` · ${version.author}`} · {version.paragraphCount} paragraphs
              </div>
              {version.note && <p className="note">{version.note}</p>}
              <div className="version-actions">
                <button type="button" onClick={() => setReading(version.id)}>
                  Read
                </button>
                <button type="button" onClick={() => setComparing({ from: version.id, to: 'live' })}>
                  Compare with live
                </button>
                {can(access.role, 'version.restore') && (
                  <button type="button" className="danger" onClick={() => void restore(version)}>
                    Restore
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Show older
        </button>
      )}
      {reading && <VersionDialog documentId={documentId} versionId={reading} onClose={() => setReading(null)} />}
      {comparing && <RedlineDialog documentId={documentId} {...comparing} onClose={() => setComparing(null)} />}
    </aside>
  )
}

function SaveVersion({ documentId, onError }: { documentId: string; onError: (message: string) => void }) {
  const [label, setLabel] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState('')
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    onError('')
    setBusy(true)
    const response = await api.documents[':id'].versions.$post({
      param: { id: documentId },
      json: { label, ...(note.trim() ? { note } : {}) },
    })
    setBusy(false)
    if (response.status !== 201) return onError(await errorMessage(response))
    setSaved(label)
    setLabel('')
    setNote('')
  }
  return (
    <form className="save-version" onSubmit={submit}>
      <h3>Save this text as a version</h3>
      <label htmlFor="version-label">Name</label>
      <input id="version-label" placeholder="e.g. Rev.1" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
      <label htmlFor="version-note">Note (optional)</label>
      <input id="version-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="primary" disabled={busy || !label.trim()}>
        {busy ? 'Saving…' : 'Save version'}
      </button>
      {saved && (
        <p className="muted small" role="status">
          Saved “{saved}”.
        </p>
      )}
    </form>
  )
}
