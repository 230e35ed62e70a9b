import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer, type SpawnedServer } from '../../server/test/spawnServer'

/** The server under test, restartable in place on the same port and data directory. */
export class ServerUnderTest {
  private constructor(
    private current: SpawnedServer,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<ServerUnderTest> {
    const dataDir = mkdtempSync(join(tmpdir(), 'penholder-e2e-'))
    return new ServerUnderTest(await spawnServer(dataDir), dataDir)
  }

  get url(): string {
    return this.current.url
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const port = this.current.port
    await this.current.stop(signal)
    this.current = await spawnServer(this.dataDir, port)
  }

  async dispose(): Promise<void> {
    await this.current.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/** A browser context of its own (own storage, so no BroadcastChannel shortcut) for one person. */
export async function personPage(browser: Browser, server: ServerUnderTest, name?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url })
  if (name) await context.addInitScript((n) => localStorage.setItem('penholder.displayName', n), name)
  return context.newPage()
}

export const test = base.extend<object, { server: ServerUnderTest }>({
  server: [
    async ({}, use) => {
      const server = await ServerUnderTest.start()
      await use(server)
      await server.dispose()
    },
    { scope: 'worker' },
  ],
})

export { expect }

/** The paragraphs of the editor, in order: PPs then OPs. */
export const paragraphs = (page: Page) => page.locator('.resolution p[data-type="pp"], .resolution p[data-type="op"]')
export const ops = (page: Page) => page.locator('.resolution p[data-type="op"]')
export const pps = (page: Page) => page.locator('.resolution p[data-type="pp"]')

/** Waits until the page says it is live. */
export async function live(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(page.locator('.resolution')).toBeVisible()
}
