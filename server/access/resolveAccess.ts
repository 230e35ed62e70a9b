import type { Access } from '../../shared/api/access'
import { describeRole } from '../../shared/policy/policy'
import type { InviteRecord, Store } from '../store/types'
import { hashToken } from './tokens'

/** How a caller proves who they are: an invite token (Bearer or `?token=`) or a session cookie. */
export interface Credentials {
  token?: string
  session?: string
}

export interface Granted extends Access {
  /** Set when the access comes through a session that opened the invite link under a name. */
  participantId: string | null
}

export type AccessResult = { ok: true; access: Granted } | { ok: false; status: 401 | 403; error: string }

const deny = (status: 401 | 403, error: string): AccessResult => ({ ok: false, status, error })

function grant(invite: InviteRecord, name: string, participantId: string | null): AccessResult {
  const { id: inviteId, documentId, role, state, organisation } = invite
  return { ok: true, access: { documentId, inviteId, role, state, organisation, name, participantId } }
}

/**
 * What the caller may do in one resolution, decided from their credentials only: never from
 * anything else in the request. A token wins over the session cookie.
 */
export function resolveAccess(store: Store, documentId: string, credentials: Credentials): AccessResult {
  if (credentials.token) {
    const invite = store.findInviteByTokenHash(hashToken(credentials.token))
    if (!invite) return deny(401, 'This link or token is not valid. Ask the facilitator for a new one.')
    if (invite.revokedAt !== null) return deny(403, 'This link has been revoked. Ask the facilitator for a new one.')
    if (invite.documentId !== documentId) return deny(403, 'This link is for another resolution.')
    return grant(invite, describeRole(invite.role, invite.state, invite.organisation), null)
  }
  if (credentials.session) {
    let revoked = false
    for (const participant of store.participationsOf(hashToken(credentials.session))) {
      const invite = store.getInvite(participant.inviteId)
      if (invite?.documentId !== documentId) continue
      if (invite.revokedAt === null) return grant(invite, participant.name, participant.id)
      revoked = true
    }
    return revoked
      ? deny(403, 'Your link to this resolution has been revoked. Ask the facilitator for a new one.')
      : deny(403, 'You have no access to this resolution. Open the invite link you were sent.')
  }
  return deny(401, 'Open the invite link you were sent to take part in this resolution.')
}

/** Every resolution the caller can open, with their role in each. */
export function accessList(store: Store, credentials: Credentials): Granted[] {
  if (credentials.token) {
    const invite = store.findInviteByTokenHash(hashToken(credentials.token))
    const result = invite && resolveAccess(store, invite.documentId, credentials)
    return result?.ok ? [result.access] : []
  }
  if (!credentials.session) return []
  const seen = new Set<string>()
  const list: Granted[] = []
  for (const participant of store.participationsOf(hashToken(credentials.session))) {
    const invite = store.getInvite(participant.inviteId)
    if (!invite || invite.revokedAt !== null || seen.has(invite.documentId)) continue
    seen.add(invite.documentId)
    const result = grant(invite, participant.name, participant.id)
    if (result.ok) list.push(result.access)
  }
  return list
}
