/**
 * Who may do what, in one place. The client asks it to decide what to show; the server asks it to
 * decide what to allow. Until invite links land (roles issue) everyone is a facilitator.
 */
export type Role = 'facilitator' | 'delegation' | 'observer'

export type Action = 'document.create' | 'document.read' | 'text.edit'

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  facilitator: new Set(['document.create', 'document.read', 'text.edit']),
  delegation: new Set(['document.read']),
  observer: new Set(['document.read']),
}

export function can(role: Role, action: Action): boolean {
  return ALLOWED[role].has(action)
}

/** The role of a caller until sessions and invites exist. */
export const DEFAULT_ROLE: Role = 'facilitator'
