import { z } from 'zod'
import { isDelegation } from '../people/delegations'
import { ROLES, type Role } from '../policy/policy'

export const MAX_NAME = 80
export const MAX_ORGANISATION = 200

const name = z
  .string()
  .trim()
  .min(1, 'name: required, the name others will see')
  .max(MAX_NAME, `name: at most ${MAX_NAME} characters`)

export const createInviteBody = z
  .object({
    role: z.enum(ROLES, { message: `role: one of ${ROLES.join(', ')}` }),
    state: z.string().trim().optional(),
    organisation: z.string().trim().max(MAX_ORGANISATION, `organisation: at most ${MAX_ORGANISATION} characters`).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'delegation' && !(body.state && isDelegation(body.state))) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'state: choose a UN Member State, an observer State or the European Union' })
    }
    if (body.role === 'observer' && !body.organisation) {
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'organisation: required for an observer' })
    }
  })
export type CreateInviteBody = z.infer<typeof createInviteBody>

/** Opening an invite link: the token from the link and the name the person gives. */
export const joinBody = z.object({ token: z.string().min(1, 'token: required').max(200), name })

export const previewQuery = z.object({ token: z.string().min(1, 'token: required').max(200) })

/** A credential: the secret part of an invite link. Shown once, stored only hashed. */
export interface Credentials {
  id: string
  token: string
  url: string
}

export interface Participant {
  name: string
  joinedAt: string
  lastSeenAt: string
}

export interface InviteView {
  id: string
  role: Role
  state: string | null
  organisation: string | null
  createdAt: string
  revokedAt: string | null
  participants: Participant[]
  /** The link the caller is using (it cannot revoke that one). */
  yours: boolean
}

/** What one person may do in one resolution. */
export interface Access {
  documentId: string
  inviteId: string
  role: Role
  state: string | null
  organisation: string | null
  name: string
}

export interface InvitePreview {
  documentTitle: string
  role: Role
  state: string | null
  organisation: string | null
}
