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
  /** Propose an amendment in one's own State's name. */
  | 'amendment.propose'
  /** Enter a proposal a State sent by e-mail, in that State's name. */
  | 'amendment.enter-on-behalf'
  /** Support ("joined by") or object to another State's proposal. */
  | 'amendment.position'
  /** Withdraw a proposal made in one's own State's name. */
  | 'amendment.withdraw'
  /** Accept or reject a proposal; write compromise language. */
  | 'amendment.decide'
  /** Set a paragraph's status (draft, under negotiation, agreed ad ref, agreed). */
  | 'status.set'
  /** Comment, reply, resolve and reopen threads; edit or delete one's own comments. */
  | 'comment.write'
  /** Hide anyone's comment, leaving a trace. */
  | 'comment.moderate'
  /** Save the current text as a named version ("Rev.1"). Reading and comparing versions is document.read. */
  | 'version.name'
  /** Make a version's text the live text again (after a checkpoint of what it replaces). */
  | 'version.restore'

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  facilitator: new Set([
    'document.read',
    'text.edit',
    'invites.manage',
    'amendment.enter-on-behalf',
    'amendment.withdraw',
    'amendment.decide',
    'status.set',
    'comment.write',
    'comment.moderate',
    'version.name',
    'version.restore',
  ]),
  delegation: new Set(['document.read', 'amendment.propose', 'amendment.position', 'amendment.withdraw', 'comment.write']),
  observer: new Set(['document.read', 'comment.write']),
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
  'amendment.propose': 'Only a delegation can propose amendments in its State’s name.',
  'amendment.enter-on-behalf': 'Only the facilitators can enter a proposal on behalf of a State.',
  'amendment.position': 'Only delegations can support or object to proposals.',
  'amendment.withdraw': 'Only the delegation that made a proposal can withdraw it.',
  'amendment.decide': 'Only the facilitators can accept or reject proposals.',
  'status.set': 'Only the facilitators can set the status of a paragraph.',
  'comment.write': 'You cannot comment on this resolution.',
  'comment.moderate': 'Only the facilitators can hide other people’s comments.',
  'version.name': 'Only the facilitators can name a version.',
  'version.restore': 'Only the facilitators can restore a version.',
}
