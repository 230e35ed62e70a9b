/**
 * Who may do what, in one place (PRODUCT.md, "The people and what they do"). The client asks it
 * what to show; the server asks it what to allow, on every API route and on the collaboration
 * socket, so a client that bypasses the UI can do no more than the UI offers.
 */
export const ROLES = ['facilitator', 'delegation', 'observer'] as const
export type Role = (typeof ROLES)[number]

export type Action =
  /** See the text, the people in the room and the paragraphs. */
  | 'document.read'
  /** Change the text of the resolution. */
  | 'text.edit'
  /** Create, list and revoke invite links. */
  | 'invites.manage'

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  facilitator: new Set(['document.read', 'text.edit', 'invites.manage']),
  delegation: new Set(['document.read']),
  observer: new Set(['document.read']),
}

export function can(role: Role, action: Action): boolean {
  return ALLOWED[role].has(action)
}

/** How a person is described to others: "Facilitator", "Delegation of Mexico", "Observer (ISHR)". */
export function describeRole(role: Role, state: string | null, organisation: string | null): string {
  if (role === 'delegation') return `Delegation of ${state ?? 'an unknown State'}`
  if (role === 'observer') return organisation ? `Observer (${organisation})` : 'Observer'
  return 'Facilitator'
}

/** Why an action was refused, in words the person can act on. */
export const DENIED: Record<Action, string> = {
  'document.read': 'You have no access to this resolution.',
  'text.edit': 'Only the facilitators can change the text.',
  'invites.manage': 'Only the facilitators can manage invite links.',
}
