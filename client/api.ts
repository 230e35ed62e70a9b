import { hc } from 'hono/client'
import type { ApiType } from '../server/app'

export const UNREACHABLE = 'Could not reach the server. Check your connection and try again.'

/**
 * A request that cannot reach the server answers like a refusal the UI already handles (a status
 * and `{ error }`), so no action is left "Sending…" forever and every form says what went wrong.
 */
const reachOrExplain: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init)
  } catch {
    return Response.json({ error: UNREACHABLE }, { status: 503 })
  }
}

/** The only place that knows the API's URLs; request and response types come from the server. */
export const api = hc<ApiType>('/api', { fetch: reachOrExplain })

/** The message of an API error answer, or a generic one when the server sent none. */
export async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string }
    if (body.error) return body.error
  } catch {
    // not JSON: fall through
  }
  return `The server answered ${response.status}. Try again in a moment.`
}

export const collabUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
