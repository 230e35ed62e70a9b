import { spawn, type ChildProcess } from 'node:child_process'

export interface SpawnedServer {
  child: ChildProcess
  url: string
  port: number
  /** Sends SIGTERM (clean stop) or SIGKILL and waits for the process to exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>
}

/**
 * Runs `server/main.ts` as its own process, exactly as `npm start` does after the build, and
 * resolves with the URL it prints. Port 0 picks a free port; pass the old port to restart in place.
 * `prefix` runs it under another command, e.g. `prlimit --fsize=…` for a disk that fills up.
 */
export function spawnServer(dataDir: string, port = 0, { prefix = [] as string[] } = {}): Promise<SpawnedServer> {
  const [command, ...args] = [...prefix, process.execPath, '--import', 'tsx', 'server/main.ts']
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start within 20 s: ${output}`))
    }, 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/[\d.]+:(\d+))/.exec(output)
      if (!match) return
      clearTimeout(timer)
      resolve({
        child,
        url: match[1],
        port: Number(match[2]),
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          await exited
        },
      })
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`server exited before it was ready: ${output}`))
    })
  })
}
