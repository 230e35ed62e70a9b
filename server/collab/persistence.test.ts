import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnServer, type SpawnedServer } from '../test/spawnServer'
import { connect, createDocument, eventually, paragraphText, startTestServer, synced, tempDataDir, withToken } from '../test/testServer'

const TEXT = `The General Assembly,
Recalling its previous resolutions,
1. Decides to remain seized of the matter.`

const servers: SpawnedServer[] = []
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  for (const server of servers.splice(0)) await server.stop('SIGKILL')
})

const client = (url: string, documentId: string, token: string) => {
  const c = connect(`${url.replace('http', 'ws')}/collab`, documentId, token)
  cleanups.push(() => c.provider.destroy())
  return c
}

describe('stored safely', () => {
  it('keeps every edit across a clean restart, from the compacted log', async () => {
    const dataDir = tempDataDir()
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await startTestServer({ dataDir })
    const { id, token } = await createDocument(first.url, { title: 'Restart', text: TEXT })
    const a = client(first.url, id, token)
    await synced(a.provider)
    for (let i = 0; i < 50; i++) paragraphText(a.doc, 'operatives', 0).insert(0, `${i} `)
    const expected = paragraphText(a.doc, 'operatives', 0).toString()
    const b = client(first.url, id, token)
    await eventually(() => expect(paragraphText(b.doc, 'operatives', 0)?.toString()).toBe(expected))
    a.provider.destroy()
    b.provider.destroy()
    await first.close()

    const second = await startTestServer({ dataDir })
    const c = client(second.url, id, token)
    await synced(c.provider)
    expect(paragraphText(c.doc, 'operatives', 0).toString()).toBe(expected)
    const paragraphs = await (await withToken(second.url, token)(`/api/documents/${id}/paragraphs`)).json()
    expect(paragraphs[1].text).toBe(expected)
    c.provider.destroy()
    await second.close()
  })

  it('loses nothing another client had received when the server is killed with SIGKILL', async () => {
    const dataDir = tempDataDir()
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await spawnServer(dataDir)
    servers.push(first)
    const { url } = first
    const { id, token } = await createDocument(url, { title: 'Kill', text: TEXT })
    const writer = client(url, id, token)
    const reader = client(url, id, token)
    await Promise.all([synced(writer.provider), synced(reader.provider)])

    // The writer streams edits; once the reader has seen a good number, kill the server mid-stream.
    let sent = 0
    const stream = setInterval(() => {
      if (sent < 2000) paragraphText(writer.doc, 'operatives', 0).insert(0, `w${sent++};`)
    }, 2)
    await eventually(() => expect(paragraphText(reader.doc, 'operatives', 0).toString()).toMatch(/w150;/), 10_000)
    first.child.kill('SIGKILL')
    const received = paragraphText(reader.doc, 'operatives', 0).toString()
    clearInterval(stream)
    writer.provider.destroy()
    reader.provider.destroy()
    await first.stop('SIGKILL')

    const restarted = await spawnServer(dataDir, first.port)
    servers.push(restarted)
    const fresh = client(restarted.url, id, token)
    await synced(fresh.provider)
    const stored = paragraphText(fresh.doc, 'operatives', 0).toString()
    // Every token the reader had received is in the stored text (the writer may have sent more).
    const tokens = received.match(/w\d+;/g) ?? []
    expect(tokens.length).toBeGreaterThan(150)
    for (const token of tokens) expect(stored).toContain(token)
  })
})
