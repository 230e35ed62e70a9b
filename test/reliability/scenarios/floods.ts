/**
 * Scenario 8: floods. One delegation tables proposals and writes comments as fast as it can; the
 * server should start answering 429 once its per-person quotas are reached. Records how many were
 * accepted, refused with 429, and anything else (5xx included).
 */
import { invite, withToken } from '../../../server/test/testServer'
import { bySize, createRoom, type Figures, inProcessServer, pool, scoped, serverParagraphs, type Size } from '../harness'

export interface FloodFigures extends Figures {
  attempts: number
  proposalsAccepted: number
  proposals429: number
  commentsAccepted: number
  comments429: number
  other: number
  responses5xx: number
}

export async function floods(size: Size): Promise<FloodFigures> {
  const attempts = bySize(size, 200, 1000)
  const figures: FloodFigures = { attempts, proposalsAccepted: 0, proposals429: 0, commentsAccepted: 0, comments429: 0, other: 0, responses5xx: 0 }
  await scoped(async (scope) => {
    const server = await inProcessServer(scope)
    const room = await createRoom(server.url, 'Floods')
    const delegation = await invite(server.url, room.facilitator, room.id, { role: 'delegation', state: 'Peru' })
    const api = withToken(server.url, delegation.token)
    const paragraphs = await serverParagraphs(server.url, room.facilitator, room.id)
    const count = (status: number, ok: 'proposalsAccepted' | 'commentsAccepted', limited: 'proposals429' | 'comments429') => {
      if (status === 201) figures[ok]++
      else if (status === 429) figures[limited]++
      else {
        figures.other++
        if (status >= 500) figures.responses5xx++
      }
    }
    await pool(8, attempts, async (i) => {
      const target = paragraphs[i % paragraphs.length]
      const response = await api(`/api/documents/${room.id}/amendments`, {
        method: 'POST',
        body: JSON.stringify({ paragraphId: target.id, kind: 'replace', text: `${target.text} (flood ${i})`, note: 'x'.repeat(500) }),
      })
      await response.arrayBuffer()
      count(response.status, 'proposalsAccepted', 'proposals429')
    })
    await pool(8, attempts, async (i) => {
      const response = await api(`/api/documents/${room.id}/comments`, {
        method: 'POST',
        body: JSON.stringify({ paragraphId: paragraphs[i % paragraphs.length].id, body: `flood ${i} ${'y'.repeat(1000)}` }),
      })
      await response.arrayBuffer()
      count(response.status, 'commentsAccepted', 'comments429')
    })
    void scope
  })
  return figures
}
