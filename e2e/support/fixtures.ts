import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test'
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
  return reportingErrors(await context.newPage(), name ?? 'page')
}

/** A crash in the page would otherwise show only as a blank screenshot: print it with the test. */
function reportingErrors(page: Page, name: string): Page {
  page.on('pageerror', (error) => console.error(`[${name}] ${error.stack ?? error.message}`))
  return page
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

/** A paragraph's text as the document holds it, without the other people's caret labels. */
export const textOf = (paragraph: Locator) =>
  paragraph.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return copy.textContent
  })

/** The header's connection status ("Live", "Offline: reconnecting …"). */
export const connection = (page: Page) => page.locator('p.connection[role="status"]')

/** Waits until the page says it is live. */
export async function live(page: Page): Promise<void> {
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(page.locator('.resolution')).toBeVisible()
}

/**
 * Puts the caret at the end of a paragraph. ProseMirror learns about a caret moved by the browser
 * (End) from the asynchronous `selectionchange` event, so a key it handles itself (Enter, Tab)
 * pressed at once would still act on the clicked position: give that event a moment.
 */
export async function caretAtEnd(page: Page, paragraph: Locator): Promise<void> {
  await paragraph.click()
  await page.keyboard.press('End')
  await page.waitForTimeout(100)
}

/** A facilitator creates an invite link in the People panel and returns it. */
export async function createInviteLink(
  page: Page,
  invitee: { role: 'facilitator' } | { role: 'delegation'; search: string; state: string } | { role: 'observer'; organisation: string },
): Promise<string> {
  const panel = page.locator('#people-panel')
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'People & links' }).click()
  await panel.getByLabel(invitee.role[0].toUpperCase() + invitee.role.slice(1), { exact: true }).check()
  if (invitee.role === 'delegation') {
    await panel.getByRole('combobox', { name: 'State' }).fill(invitee.search)
    await panel.getByRole('option', { name: invitee.state, exact: true }).click()
  }
  if (invitee.role === 'observer') await panel.getByLabel('Organisation').fill(invitee.organisation)
  const field = panel.locator('.created-link input')
  // The panel keeps showing the link created before until the new one arrives: wait for a new one.
  const previous = (await field.count()) > 0 ? await field.inputValue() : null
  await panel.getByRole('button', { name: 'Create link' }).click()
  await expect(field).toHaveValue(/\/join\//)
  if (previous !== null) await expect(field).not.toHaveValue(previous)
  return field.inputValue()
}

/** Someone opens an invite link in their own browser and joins under a name. */
export async function joinWith(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext()
  const page = reportingErrors(await context.newPage(), name)
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page).toHaveURL(/\/d\/r-/)
  return page
}

/** A facilitator creates a resolution from pasted text through the home page. */
export async function createFromText(page: Page, text: string): Promise<void> {
  await page.goto('/')
  await page.getByLabel('Pasted text').check()
  await page.getByLabel('Text of the draft').fill(text)
  await createAfterPreview(page)
}

/**
 * Selects `words` inside a paragraph as a reader would with the mouse, also in a read-only text:
 * the DOM selection is set and ProseMirror reads it from the selectionchange event.
 */
export async function selectWords(page: Page, paragraph: Locator, words: string): Promise<void> {
  await paragraph.evaluate((element, phrase) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
    const text = nodes.map((n) => n.data).join('')
    const start = text.indexOf(phrase)
    if (start < 0) throw new Error(`"${phrase}" is not in "${text}"`)
    const locate = (offset: number): [Text, number] => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset]
        offset -= node.data.length
      }
      throw new Error('offset out of range')
    }
    const [anchorNode, anchorOffset] = locate(start)
    const [focusNode, focusOffset] = locate(start + phrase.length)
    window.getSelection()!.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset)
  }, words)
  await page.waitForTimeout(100)
}

/** Pasted text and Word files are previewed before anything is created: preview, create as read, wait for the room. */
export async function createAfterPreview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('button', { name: 'Create resolution' }).click()
  await expect(page).toHaveURL(/\/d\/r-/)
}

/** The id of the resolution a page has open ("r-…", from its address). */
export const documentIdOf = (page: Page): string => new URL(page.url()).pathname.split('/').pop()!

/** The proposals as the server stores them, read with the page's own session. */
export async function storedAmendments(page: Page): Promise<Array<{ id: string; state: string; status: string; text: string; baseText: string }>> {
  const response = await page.request.get(`${new URL(page.url()).origin}/api/documents/${documentIdOf(page)}/amendments`)
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { amendments: Array<{ id: string; state: string; status: string; text: string; baseText: string }> }).amendments
}

/** The side panel's proposals for the paragraph (or the overview). */
export const proposalsPanel = (page: Page) => page.locator('aside.proposals')

/**
 * The usual start of a negotiation test: Ana, a facilitator, creates the resolution from `text`
 * and invites each delegation, whose negotiator joins from a browser of their own; all are live.
 */
export async function negotiationRoom(
  browser: Browser,
  server: ServerUnderTest,
  text: string,
  delegations: ReadonlyArray<{ search: string; state: string; name: string }>,
): Promise<{ facilitator: Page; delegates: Page[] }> {
  const facilitator = await personPage(browser, server, 'Ana')
  await createFromText(facilitator, text)
  await live(facilitator)
  const links: string[] = []
  for (const { search, state } of delegations) links.push(await createInviteLink(facilitator, { role: 'delegation', search, state }))
  await facilitator.getByRole('button', { name: 'Close the people panel' }).click()
  const delegates: Page[] = []
  for (const [i, { name }] of delegations.entries()) delegates.push(await joinWith(browser, links[i], name))
  for (const page of delegates) await live(page)
  return { facilitator, delegates }
}
