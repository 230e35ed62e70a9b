import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { InviteView } from '../../shared/api/access'
import { describeRole, type Role } from '../../shared/policy/policy'
import { api, errorMessage } from '../api'
import { CopyField } from './CopyField'
import { StatePicker } from './StatePicker'
import { FormError } from '../FormError'
import { shortDateTime as when } from '../dates'

/** The facilitators' panel: invite facilitators, delegations and observers, see who joined, revoke. */
export function PeoplePanel({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const [invites, setInvites] = useState<InviteView[] | null>(null)
  const [error, setError] = useState('')
  const invitesApi = api.documents[':id'].invites

  const load = useCallback(async () => {
    const response = await invitesApi.$get({ param: { id: documentId } })
    if (!response.ok) return setError(await errorMessage(response))
    setInvites(((await response.json()) as { invites: InviteView[] }).invites)
  }, [documentId, invitesApi])

  useEffect(() => {
    void load().catch(() => setError('Could not load the invite links. Check your connection.'))
  }, [load])

  const revoke = async (invite: InviteView) => {
    const who = describeRole(invite.role, invite.state, invite.organisation)
    if (!confirm(`Revoke the link for ${who}? Anyone using it is disconnected at once.`)) return
    const response = await invitesApi[':inviteId'].$delete({ param: { id: documentId, inviteId: invite.id } })
    if (!response.ok) return setError(await errorMessage(response))
    setError('')
    await load()
  }

  return (
    <aside id="people-panel" className="side-panel" aria-labelledby="people-title">
      <div className="side-panel-header">
        <h2 id="people-title">People & links</h2>
        <button type="button" onClick={onClose} aria-label="Close the people panel">
          Close
        </button>
      </div>
      <NewInviteForm documentId={documentId} onCreated={load} />
      <FormError message={error} />
      <h3>Links</h3>
      {invites === null && !error && <p aria-busy="true">Loading…</p>}
      <ul className="invites">
        {invites?.map((invite) => (
          <li key={invite.id} className={invite.revokedAt ? 'revoked' : ''} data-invite-id={invite.id}>
            <div className="invite-who">
              <strong>{describeRole(invite.role, invite.state, invite.organisation)}</strong>
              {invite.yours && <span className="muted"> · your link</span>}
              {invite.revokedAt && <span className="muted"> · revoked {when(invite.revokedAt)}</span>}
            </div>
            <div className="muted invite-joined">
              {invite.participants.length === 0
                ? 'Nobody has opened this link yet.'
                : invite.participants.map((p) => `${p.name} (last seen ${when(p.lastSeenAt)})`).join(', ')}
            </div>
            {!invite.revokedAt && !invite.yours && (
              <button type="button" className="danger" onClick={() => void revoke(invite)}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </aside>
  )
}

function NewInviteForm({ documentId, onCreated }: { documentId: string; onCreated: () => Promise<void> }) {
  const [role, setRole] = useState<Role>('delegation')
  const [state, setState] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [created, setCreated] = useState<{ url: string; who: string } | null>(null)
  const [error, setError] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError('')
    if (role === 'delegation' && !state) return setError('Choose the State this delegation speaks for from the list.')
    if (role === 'observer' && !organisation.trim()) return setError('Name the organisation of the observer.')
    const json = { role, ...(role === 'delegation' ? { state } : {}), ...(role === 'observer' ? { organisation } : {}) }
    const response = await api.documents[':id'].invites.$post({ param: { id: documentId }, json })
    if (response.status !== 201) return setError(await errorMessage(response))
    const { url } = (await response.json()) as { url: string }
    setCreated({ url, who: describeRole(role, state || null, organisation.trim() || null) })
    await onCreated()
  }

  return (
    <form onSubmit={submit} className="invite-form">
      <h3>Invite</h3>
      <fieldset className="segmented">
        <legend>Role</legend>
        {(['delegation', 'observer', 'facilitator'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="invite-role" checked={role === value} onChange={() => setRole(value)} />
            {value[0].toUpperCase() + value.slice(1)}
          </label>
        ))}
      </fieldset>
      {role === 'delegation' && <StatePicker label="State" value={state} onChange={setState} />}
      {role === 'observer' && (
        <>
          <label htmlFor="invite-organisation">Organisation</label>
          <input
            id="invite-organisation"
            value={organisation}
            maxLength={200}
            placeholder="e.g. International Service for Human Rights"
            onChange={(event) => setOrganisation(event.target.value)}
          />
        </>
      )}
      <FormError message={error} />
      <button type="submit" className="primary">
        Create link
      </button>
      {created && (
        <div className="created-link" role="status">
          <p>
            Link for <strong>{created.who}</strong>. Send it to them; it is shown only now.
          </p>
          <CopyField value={created.url} label={`Invite link for ${created.who}`} />
        </div>
      )}
    </form>
  )
}
