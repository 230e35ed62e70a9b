import { resolve } from 'node:path'
import { startServer } from './createServer'

const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '127.0.0.1'
const dataDir = resolve(process.env.DATA_DIR ?? './data')

// Open by default on a local install; a deployment sets CREATE_TOKEN to restrict who creates resolutions.
const createToken = process.env.CREATE_TOKEN || undefined
// How often, at most, the server keeps an automatic checkpoint while people edit.
const checkpointMinutes = Number(process.env.CHECKPOINT_MINUTES ?? 5)
const checkpointEveryMs = Number.isFinite(checkpointMinutes) && checkpointMinutes > 0 ? checkpointMinutes * 60_000 : undefined
const server = await startServer({ port, host, dataDir, staticDir: resolve('dist'), createToken, checkpointEveryMs })
console.log(`Penholder is running at ${server.url}  (data: ${dataDir})`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    void server.close().then(() => process.exit(0))
  })
}
