/**
 * Browser-to-browser typing latency: two Chromium contexts in one draft room, one types, the
 * other's DOM is watched. Each latency is measured from the keydown in A to the moment the
 * character is in B's editor, both read from the same machine clock (performance.timeOrigin +
 * performance.now()). The floor: the other browser sees typing within 200 ms on loopback.
 *
 *   node --import tsx bench/browserLatency.ts [--keys 60] [--delay 50]
 */
import { chromium } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer } from '../server/test/spawnServer'
import { numberOption } from './numberOption'

const KEYS = numberOption('keys', 60)
const DELAY_MS = numberOption('delay', 50)
const FLOOR_MS = 200

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' })
const dataDir = mkdtempSync(join(tmpdir(), 'penholder-latency-'))
const server = await spawnServer(dataDir)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const created = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Latency', text: 'The General Assembly,\nRecalling its resolutions,\n1. Decides to act.' }),
  })
  if (created.status !== 201) throw new Error(`creating the document failed: ${await created.text()}`)
  const { token } = (await created.json()) as { token: string }
  // Each person opens the facilitator's link in a browser of their own and joins under a name.
  const open = async (name: string) => {
    const context = await browser.newContext({ baseURL: server.url })
    const page = await context.newPage()
    await page.goto(`/join/${token}`)
    await page.getByLabel('Your name').fill(name)
    await page.getByRole('button', { name: 'Join' }).click()
    await page.locator('.resolution p[data-type="op"]').waitFor()
    return page
  }
  const a = await open('Writer')
  const b = await open('Reader')

  // Passed as source text: tsx would wrap named functions in a helper the page does not have.
  await b.evaluate(`(() => {
    window.received = []
    const op = document.querySelector('.resolution p[data-type="op"]')
    const textLength = () => {
      const copy = op.cloneNode(true)
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
      return copy.textContent.length
    }
    const start = textLength()
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now()
      while (start + window.received.length < textLength()) window.received.push(now)
    }).observe(op, { subtree: true, childList: true, characterData: true })
  })()`)
  await a.evaluate(() => {
    const w = window as unknown as { sent: number[] }
    w.sent = []
    document.querySelector('.resolution')!.addEventListener('keydown', () => w.sent.push(performance.timeOrigin + performance.now()), true)
  })
  await a.locator('.resolution p[data-type="op"]').click()
  await a.keyboard.press('End')
  await a.waitForTimeout(200)
  for (let i = 0; i < KEYS; i++) {
    await a.keyboard.type('abcdefghij'[i % 10])
    await a.waitForTimeout(DELAY_MS)
  }
  await b.waitForFunction((n) => (window as unknown as { received: number[] }).received.length >= n, KEYS, { timeout: 10_000 })
  const sent = await a.evaluate(() => (window as unknown as { sent: number[] }).sent)
  const received = await b.evaluate(() => (window as unknown as { received: number[] }).received)
  const latencies = received.slice(0, KEYS).map((t, i) => t - sent[i]).sort((x, y) => x - y)
  const p50 = percentile(latencies, 50)
  console.log('\nbrowser-to-browser typing latency (ms, loopback, two Chromium contexts)')
  console.log('| keys | p50 | p95 | max | floor | p50 / floor |')
  console.log('|-----:|----:|----:|----:|------:|------------:|')
  console.log(
    `| ${KEYS} | ${p50.toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${latencies.at(-1)!.toFixed(1)} | ${FLOOR_MS} | ${(p50 / FLOOR_MS).toFixed(3)} |`,
  )
} finally {
  await browser.close()
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
