import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../createServer'
import { createDocument, invite, tempDataDir } from '../test/testServer'

/**
 * The Content-Security-Policy in a real browser: the built client, the compilation page and the
 * printable export page work under it, and nothing they do is blocked. Needs the built client
 * (`vite build`) and Chromium; says so and skips without them.
 */
const staticDir = resolve('dist')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const missing = !existsSync(resolve(staticDir, 'index.html'))
  ? 'the built client (run `vite build`)'
  : !existsSync(chromiumPath)
    ? `Chromium at ${chromiumPath}`
    : null
if (missing) console.warn(`cspInBrowser.test.ts skipped: it needs ${missing}.`)

let server: RunningServer
let dataDir: string
let browser: Browser

beforeAll(async () => {
  if (missing) return
  dataDir = tempDataDir()
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir, log: () => {} })
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
})
afterAll(async () => {
  if (missing) return
  await browser.close()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/**
 * zod 4 probes once whether it may compile validators (`Function('')` in a try/catch, then falls
 * back to plain parsing): a harmless report that `script-src` without 'unsafe-eval' is working.
 * The client could skip the probe with `z.config({ jitless: true })`.
 */
const zodJitProbe = (violation: string) => violation.startsWith('script-src eval ')

/** A page that records every CSP violation it meets (except zod's probe). */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()) && !/unsafe-eval/.test(message.text())) violations.push(message.text())
  })
  await page.exposeFunction('reportViolation', (text: string) => zodJitProbe(text) || violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  return { page, violations }
}

describe.skipIf(missing)('the Content-Security-Policy in Chromium', () => {
  it('blocks nothing the app does: the home page, joining by link, the live room over its socket', async () => {
    const { token, id } = await createDocument(server.url, { title: 'Under CSP', text: 'The General Assembly,\nRecalling,\n1. Decides;' })
    const link = await invite(server.url, token, id, { role: 'facilitator' })
    const { page, violations } = await watchedPage()
    await page.goto(`${server.url}/`)
    await page.getByLabel('Pasted text').waitFor()
    await page.goto(link.url)
    await page.getByLabel('Your name').fill('Ana')
    await page.getByRole('button', { name: 'Join' }).click()
    await page.locator('.connection[data-state="connected"]').waitFor()
    await page.locator('.resolution').getByText('Decides;').waitFor()
    expect(violations).toEqual([])
    await page.close()
  })

  it('blocks an injected inline script', async () => {
    const { page, violations } = await watchedPage()
    await page.goto(`${server.url}/`)
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
      return (window as unknown as { injected?: boolean }).injected === true
    })
    expect(ran).toBe(false)
    expect(violations.join('\n')).toMatch(/script-src/)
    await page.close()
  })

  it('lets the printable page’s print button print, and the compilation page render, without violations', async () => {
    const { token, id } = await createDocument(server.url, { title: 'Printable', text: 'The General Assembly,\nRecalling,\n1. Decides;' })
    const { page, violations } = await watchedPage()
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` })
    await page.addInitScript(() => {
      window.print = () => {
        ;(window as unknown as { printed?: boolean }).printed = true
      }
    })
    await page.goto(`${server.url}/api/documents/${id}/export?format=html&view=clean`)
    await page.getByRole('button', { name: 'Print or save as PDF' }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: boolean }).printed === true)).toBe(true)
    await page.goto(`${server.url}/api/documents/${id}/compilation?format=html`)
    await page.getByText('Decides;').first().waitFor()
    expect(violations).toEqual([])
    await page.close()
  })
})
