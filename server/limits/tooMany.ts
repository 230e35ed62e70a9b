import { HTTPException } from 'hono/http-exception'
import type { Granted } from '../access/resolveAccess'
import type { RateAnswer } from './rateLimiter'

/** Refuses with 429 and a message the person can act on (rendered as `{ error }`, like every refusal). */
export const tooMany = (message: string): never => {
  throw new HTTPException(429, { message })
}

/** One person in one resolution: the session's participant when there is one, else the credential. */
export const personKey = (access: Granted): string => `${access.documentId}\u0000${access.participantId ?? access.inviteId}`

/** "wait a moment (about 40 s)": how long until the oldest counted action leaves the window. */
export const waitWords = (answer: Extract<RateAnswer, { ok: false }>): string => `wait a moment (about ${Math.max(1, Math.ceil(answer.retryInMs / 1000))} s)`

export const count = (n: number): string => n.toLocaleString('en-GB')
