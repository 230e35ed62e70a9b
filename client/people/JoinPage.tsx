import { useEffect, useState, type FormEvent } from 'react'
import type { InvitePreview } from '../../shared/api/access'
import { describeRole } from '../../shared/policy/policy'
import { api, errorMessage } from '../api'
import { loadDraftRoom, navigate } from '../router'
import { FormError } from '../FormError'

interface Props {
  token: string
  suggestedName: string
  onName: (name: string) => void
}

/** Opening an invite link: who it lets you in as, then your name, then the draft room. */
export function JoinPage({ token, suggestedName, onName }: Props) {
  const [preview, setPreview] = useState<InvitePreview | null>(null)
  const [problem, setProblem] = useState('')
  const [name, setName] = useState(suggestedName)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  // The room comes next: its code arrives while the person reads who the link lets them in as.
  useEffect(() => void loadDraftRoom(), [])

  useEffect(() => {
    void (async () => {
      const response = await api.invites.preview.$get({ query: { token } })
      if (!response.ok) return setProblem(await errorMessage(response))
      setPreview((await response.json()) as InvitePreview)
    })().catch(() => setProblem('Could not reach the server. Check your connection and reload.'))
  }, [token])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError('')
    if (!name.trim()) return setError('Please enter the name others should see.')
    setBusy(true)
    try {
      const response = await api.sessions.$post({ json: { token, name } })
      if (response.status !== 201) throw new Error(await errorMessage(response))
      const { documentId } = (await response.json()) as { documentId: string }
      onName(name.trim())
      // The token has done its work: keep it out of the address bar and the history.
      navigate(`/d/${documentId}`, { replace: true })
    } catch (caught) {
      setError((caught as Error).message)
      setBusy(false)
    }
  }

  if (problem) {
    return (
      <main className="page narrow">
        <h1>This link does not open a resolution</h1>
        <p role="alert">{problem}</p>
        <p>
          <a href="/">Go to your resolutions</a>
        </p>
      </main>
    )
  }
  if (!preview) return <p className="loading" aria-busy="true">Checking your link…</p>

  return (
    <main className="page narrow">
      <form className="card" onSubmit={submit}>
        <h1>Join the negotiation</h1>
        <p>
          You are invited to <strong>{preview.documentTitle || 'a resolution'}</strong> as{' '}
          <strong>{describeRole(preview.role, preview.state, preview.organisation)}</strong>.
        </p>
        <label htmlFor="join-name">Your name</label>
        <p className="help" id="join-name-help">
          Shown to everyone in the room, next to your {preview.role === 'facilitator' ? 'cursor' : 'role'}.
        </p>
        <input
          id="join-name"
          value={name}
          maxLength={80}
          autoFocus
          aria-describedby="join-name-help"
          onChange={(event) => setName(event.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  )
}
