import type { ConflictAnswer } from '../../shared/api/amendments'

export interface Refusal {
  error: string
  /** A 409 whose changes overlap changes made since: the texts to show. */
  conflict?: ConflictAnswer['conflict']
  status: number
}

/** The server's refusal, with the conflicting texts when it names them. */
export async function readRefusal(response: Response): Promise<Refusal> {
  try {
    const body = (await response.json()) as Partial<ConflictAnswer>
    const conflict = body.conflict && typeof body.conflict.currentText === 'string' ? body.conflict : undefined
    return { error: body.error || `The server answered ${response.status}. Try again in a moment.`, status: response.status, ...(conflict ? { conflict } : {}) }
  } catch {
    return { error: `The server answered ${response.status}. Try again in a moment.`, status: response.status }
  }
}
