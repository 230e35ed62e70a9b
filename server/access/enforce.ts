import { HTTPException } from 'hono/http-exception'
import type { ConflictAnswer } from '../../shared/api/amendments'
import { type Action, can, DENIED, describeRole } from '../../shared/policy/policy'
import type { Granted } from './resolveAccess'

/** Refuses a command with a status and a message the person can act on (rendered as `{ error }`). */
export const refuse = (status: 400 | 403 | 404 | 409, message: string): never => {
  throw new HTTPException(status, { message })
}

/**
 * A 409 whose answer also carries the conflicting texts (`{ error, conflict }`), so the person can
 * see which changes overlap and resolve them, rather than a bare refusal.
 */
export class ConflictRefusal extends HTTPException {
  constructor(
    message: string,
    readonly conflict: ConflictAnswer['conflict'],
  ) {
    super(409, { message })
  }
}

/** Asks the policy; refuses with its own words when the caller's role may not do this. */
export function requireAction(access: Granted, action: Action): void {
  if (!can(access.role, action)) refuse(403, DENIED[action])
}

/** The caller as the audit log names them: "Ana (Facilitator)". */
export const actorOf = (person: Pick<Granted, 'name' | 'role' | 'state' | 'organisation'>) =>
  `${person.name} (${describeRole(person.role, person.state, person.organisation)})`
