import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { MAX_MESSAGE_BYTES } from '../shared/api/closeCodes'
import { createApp } from './app'
import { snapshotOf } from './collab/room'
import { Rooms } from './collab/rooms'
import { EventHub } from './events/eventHub'
import { openSqliteStore } from './store/sqliteStore'
import type { Store } from './store/types'
import { CHECKPOINT_LABELS, checkpointOf } from './versions/versionCommands'

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  staticDir?: string
  createToken?: string
  /**
   * Automatic checkpoints while people edit: one this long after the first change, then at most
   * one per this period while the editing goes on (default 5 minutes).
   */
  checkpointEveryMs?: number
  log?: (message: string, error?: unknown) => void
}

const DEFAULT_CHECKPOINT_EVERY_MS = 5 * 60_000

export interface RunningServer {
  url: string
  port: number
  rooms: Rooms
  store: Store
  close(): Promise<void>
}

const defaultLog = (message: string, error?: unknown) =>
  error === undefined ? console.log(message) : console.error(message, error)

/** Opens the store and listens. Everything a test or `main.ts` needs to run a real server. */
export function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = config.log ?? defaultLog
  const store = openSqliteStore(config.dataDir)
  const hub = new EventHub()
  const rooms = new Rooms(store, {
    flushDelayMs: 2000,
    compactAfterUpdates: 500,
    log,
    checkpoints: {
      everyMs: config.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS,
      take: (room, editors) => {
        const author = editors.join(', ') || null
        checkpointOf({ store, hub }, room.documentId, snapshotOf(room.doc), 'activity', author, CHECKPOINT_LABELS.activity)
      },
    },
  })
  const app = createApp({ store, rooms, hub, staticDir: config.staticDir, createToken: config.createToken, log })
  // maxPayload makes `ws` close an oversized frame with 1009 before it is buffered whole.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })

  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: wss } },
      (info: AddressInfo) => {
        const url = `http://${config.host}:${info.port}`
        resolve({
          url,
          port: info.port,
          rooms,
          store,
          close: () =>
            new Promise<void>((done) => {
              for (const client of wss.clients) client.terminate()
              rooms.closeAll()
              server.close(() => {
                store.close()
                done()
              })
              // Event streams and keep-alive sockets never end by themselves; close() waits for them.
              if ('closeAllConnections' in server) server.closeAllConnections()
            }),
        })
      },
    )
    server.once('error', reject)
  })
}
