import type { CreateInviteBody, InviteView } from '../../shared/api/access'
import { randomId } from '../../shared/randomId'
import type { InviteRecord, ParticipantRecord } from '../store/types'
import { hashToken } from './tokens'

export function newInvite(documentId: string, body: CreateInviteBody, token: string, now = Date.now()): InviteRecord {
  return {
    id: randomId('i-', 10),
    documentId,
    role: body.role,
    // Only what the role uses is kept: a facilitator link bound to a state would mislead.
    state: body.role === 'delegation' ? (body.state ?? null) : null,
    organisation: body.role === 'observer' ? (body.organisation ?? null) : null,
    tokenHash: hashToken(token),
    createdAt: now,
    revokedAt: null,
  }
}

/** The link a person opens to join; the token is in the path, so it never reaches a referrer header of ours. */
export const inviteUrl = (origin: string, token: string): string => `${origin}/join/${token}`

const iso = (ms: number) => new Date(ms).toISOString()

export function presentInvite(
  invite: InviteRecord,
  participants: readonly ParticipantRecord[],
  callerInviteId: string,
): InviteView {
  return {
    id: invite.id,
    role: invite.role,
    state: invite.state,
    organisation: invite.organisation,
    createdAt: iso(invite.createdAt),
    revokedAt: invite.revokedAt === null ? null : iso(invite.revokedAt),
    participants: participants
      .filter((p) => p.inviteId === invite.id)
      .map((p) => ({ name: p.name, joinedAt: iso(p.joinedAt), lastSeenAt: iso(p.lastSeenAt) })),
    yours: invite.id === callerInviteId,
  }
}
