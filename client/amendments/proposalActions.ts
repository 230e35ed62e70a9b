import { api } from '../api'
import { readRefusal, type Refusal } from './readRefusal'

export type Action = 'support' | 'object' | 'withdraw' | 'reject' | 'accept' | 'retable'

export interface ActOptions {
  /** accept only: compromise language instead of the proposal's own. */
  text?: string
  /** accept with compromise language only: the other proposals whose language went into it. */
  merged?: string[]
}

/** Acts on a proposal; resolves to whether it was done (a refusal is shown by whoever holds `act`). */
export type Act = (proposal: { id: string }, action: Action, options?: ActOptions) => Promise<boolean>

/** Sends one action on a proposal: null when done, else the server's refusal. */
export async function sendAction(documentId: string, proposalId: string, action: Action, options: ActOptions = {}): Promise<Refusal | null> {
  const routes = api.documents[':id'].amendments[':aid']
  const param = { id: documentId, aid: proposalId }
  const json = {
    ...(options.text ? { text: options.text } : {}),
    ...(options.text && options.merged && options.merged.length > 0 ? { merged: options.merged } : {}),
  }
  const response = action === 'accept' ? await routes.accept.$post({ param, json }) : await routes[action].$post({ param })
  return response.ok ? null : readRefusal(response)
}

/** Reopens an accepted or rejected proposal, saying why. */
export async function reopenDecision(documentId: string, proposalId: string, reason: string): Promise<Refusal | null> {
  const response = await api.documents[':id'].amendments[':aid'].reopen.$post({ param: { id: documentId, aid: proposalId }, json: { reason } })
  return response.ok ? null : readRefusal(response)
}
