import { hc } from 'hono/client'
import type { ApiType } from '../server/app'

/** The only place that knows the API's URLs; request and response types come from the server. */
export const api = hc<ApiType>('/api')

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
