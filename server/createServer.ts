import { serve } from '@hono/node-server'
import type { AddressInfo, Socket } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'
import { MAX_MESSAGE_BYTES } from '../shared/api/closeCodes'
import { createApp } from './app'
import { type CollabLimits, collabUpgrades, DEFAULT_COLLAB_LIMITS } from './collab/collabRoute'
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
  /** What a connection may cost before it is closed (see `SocketLimits`); tests shorten them. */
  sockets?: Partial<SocketLimits>
}

const DEFAULT_CHECKPOINT_EVERY_MS = 5 * 60_000

/**
 * Limits that keep peers which stop talking, stop reading or never finish a request from holding
 * the server's sockets and memory (the collaboration route enforces the `CollabLimits` part).
 */
export interface SocketLimits extends CollabLimits {
  /** A WebSocket ping this often; a socket that has not answered one by the next is terminated. */
  heartbeatMs: number
  /** An HTTP request must send all its headers within this (slowloris)… */
  headersTimeoutMs: number
  /** …and arrive whole, body included, within this. */
  requestTimeoutMs: number
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  ...DEFAULT_COLLAB_LIMITS,
  heartbeatMs: 30_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
}

/**
 * Pings every socket each `everyMs`; one that has not answered the previous ping by then is dead
 * (a peer gone without a close, a half-open TCP connection) and is terminated. Browsers and `ws`
 * answer pings by themselves.
 */
function startHeartbeat(wss: WebSocketServer, everyMs: number): () => void {
  const awaitingPong = new WeakSet<WebSocket>()
  wss.on('connection', (socket: WebSocket) => socket.on('pong', () => awaitingPong.delete(socket)))
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (awaitingPong.has(socket)) {
        socket.terminate()
        continue
      }
      awaitingPong.add(socket)
      socket.ping()
    }
  }, everyMs)
  return () => clearInterval(timer)
}

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
  const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...config.sockets }
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
        checkpointOf({ store, hub }, room.documentId, room.snapshot(), 'activity', author, CHECKPOINT_LABELS.activity)
      },
    },
  })
  const app = createApp({ store, rooms, hub, staticDir: config.staticDir, createToken: config.createToken, log })
  // maxPayload makes `ws` close an oversized frame with 1009 before it is buffered whole.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const stopHeartbeat = startHeartbeat(wss, limits.heartbeatMs)

  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        // Node drops a request whose headers or body do not arrive in time, checked this often.
        serverOptions: {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          connectionsCheckingInterval: Math.min(limits.headersTimeoutMs / 2, 5_000),
        },
      },
      (info: AddressInfo) => {
        const url = `http://${config.host}:${info.port}`
        resolve({
          url,
          port: info.port,
          rooms,
          store,
          close: () =>
            new Promise<void>((done) => {
              stopHeartbeat()
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
    // Node's headersTimeout starts at a request's first byte: a connection that sends nothing at
    // all is dropped after the same time (bytesRead counts what the HTTP parser consumed natively).
    // Once the check is done, nothing of it stays with the socket (a collaboration socket lives for hours).
    server.on('connection', (socket: Socket) => {
      const stop = () => clearTimeout(silent)
      const silent = setTimeout(() => {
        socket.off('close', stop)
        if (socket.bytesRead === 0) socket.destroy()
      }, limits.headersTimeoutMs)
      socket.once('close', stop)
    })
    // The collaboration socket's handshake never reaches the app (collabRoute.ts).
    server.on('upgrade', collabUpgrades(store, rooms, wss, limits))
    server.once('error', (error) => {
      stopHeartbeat()
      reject(error)
    })
  })
}
