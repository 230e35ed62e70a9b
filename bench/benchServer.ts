/**
 * The Penholder server as the shared benchmark harness starts it: `PORT` from the environment,
 * `--persist DIR` for the cold-load runs (else a fresh temporary data directory, removed on exit),
 * and `READY <port>` on stdout once it listens. `npm run bench` runs it compiled (bench/run.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../server/createServer'

const persistAt = process.argv.indexOf('--persist')
const dataDir = persistAt > 0 ? process.argv[persistAt + 1] : mkdtempSync(join(tmpdir(), 'penholder-bench-'))
// The harness creates a thousand resolutions from one address: the per-address creation limit
// (CREATE_LIMIT, 20 per 10 minutes by default) would refuse them.
process.env.CREATE_LIMIT ??= '0'
const server = await startServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', dataDir })
console.log(`READY ${server.port}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => {
      if (persistAt < 0) rmSync(dataDir, { recursive: true, force: true })
      process.exit(0)
    })
  })
}
