/**
 * Issue 13: XSS payloads in every field a user can write, rendered in Chromium for every role,
 * on every page: nothing may run. Each payload sets `window.__xss` (or opens a dialog) when it
 * executes; the test counts executions, `javascript:` links, and checks that every HTML page
 * carries a Content-Security-Policy.
 */
import type { Browser, Page, Response } from '@playwright/test'
import { expect, joinWith, live, personPage, test } from './support/fixtures'

/** Payloads, each short enough for an 80-character name, that set window.__xss if they ever run. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "'><svg onload=alert(1)>",
  'javascript:window.__xss=1//',
  "{{constructor.constructor('window.__xss=1')()}}",
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
]
const ALL = PAYLOADS.join(' ')
const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]

interface PageCheck {
  role: string
  page: string
  executed: number
  javascriptLinks: number
  csp: boolean
}

async function api(url: string, token: string, path: string, body?: object, method = body ? 'POST' : 'GET') {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

/** Opens a page in a context that counts dialogs, and returns what executed there. */
async function visit(page: Page, dialogs: { count: number }, url: string, role: string, name: string, prepare?: () => Promise<void>): Promise<PageCheck> {
  const response: Response | null = await page.goto(url)
  if (prepare) await prepare()
  await page.waitForTimeout(400)
  const executed = (await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) ? 1 : 0
  const javascriptLinks = await page.locator('a[href^="javascript:" i], iframe[src^="javascript:" i]').count()
  const csp = Boolean(response?.headers()['content-security-policy'])
  const check = { role, page: name, executed: executed + dialogs.count, javascriptLinks, csp }
  dialogs.count = 0
  return check
}

async function personWithDialogs(browser: Browser, link: string, name: string) {
  const page = await joinWith(browser, link, name)
  const dialogs = { count: 0 }
  page.on('dialog', (dialog) => {
    dialogs.count++
    void dialog.dismiss()
  })
  return { page, dialogs }
}

test('XSS payloads in every user-writable field run nowhere, for every role', async ({ browser, server }) => {
  test.setTimeout(180_000)
  const { url } = server

  // A resolution whose every heading line, title, paragraph, footnote and adoption line is a payload.
  const heading = Object.fromEntries(
    ['symbol', 'distribution', 'date', 'originalLanguage', 'organ', 'session', 'committee', 'agendaItem', 'agendaTitle', 'sponsors', 'adoptedBy', 'report', 'resolutionNumber'].map(
      (field, i) => [field, payload(i)],
    ),
  )
  const created = (await (
    await fetch(`${url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: payload(0),
        draft: {
          heading,
          title: ALL.slice(0, 490),
          enacting: 'The General Assembly,',
          paragraphs: [
            { kind: 'pp', text: `Recalling ${ALL}`, footnotes: [{ offset: 9, text: ALL }] },
            { kind: 'op', level: 0, text: `Decides ${ALL};` },
            { kind: 'op', level: 1, text: `${payload(3)} sub-paragraph;` },
          ],
          language: 'en',
          adoption: payload(1),
        },
      }),
    })
  ).json()) as { id: string; token: string; url: string }
  const { id, token } = created
  const paragraphs = (await api(url, token, `/api/documents/${id}/paragraphs`)) as Array<{ id: string; text: string }>

  const delegation = (await api(url, token, `/api/documents/${id}/invites`, { role: 'delegation', state: 'Mexico' })) as { token: string; url: string }
  const observer = (await api(url, token, `/api/documents/${id}/invites`, { role: 'observer', organisation: ALL.slice(0, 190) })) as { token: string; url: string }

  // Proposals (text and note), a new paragraph, comments and a reply, a named version.
  await api(url, delegation.token, `/api/documents/${id}/amendments`, { paragraphId: paragraphs[1].id, kind: 'replace', text: `Decides ${ALL} again;`, note: ALL })
  await api(url, delegation.token, `/api/documents/${id}/amendments`, { paragraphId: paragraphs[1].id, kind: 'insert-after', text: ALL, note: payload(2) })
  await api(url, token, `/api/documents/${id}/amendments`, { paragraphId: paragraphs[0].id, kind: 'delete', note: ALL, onBehalfOf: 'Chile' })
  const comment = (await api(url, observer.token, `/api/documents/${id}/comments`, { paragraphId: paragraphs[0].id, body: ALL, quote: ALL })) as { comment: { id: string } }
  await api(url, delegation.token, `/api/documents/${id}/comments`, { parentId: comment.comment.id, body: `@${payload(0)} ${ALL}` })
  const named = (await api(url, token, `/api/documents/${id}/versions`, { label: payload(1).slice(0, 100), note: ALL })) as { version: { id: string } }
  await api(url, token, `/api/documents/${id}/versions`, { label: payload(4).slice(0, 100), note: payload(5) })

  // Control: the same payloads, rendered as HTML on a page without any policy, do run.
  const control = await (await browser.newContext()).newPage()
  await control.setContent(`<body>${PAYLOADS[0]}</body>`)
  await expect.poll(() => control.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1)
  await control.context().close()

  const checks: PageCheck[] = []
  const roles = [
    { role: 'facilitator', link: created.url.startsWith('http') ? created.url : `${url}/join/${token}` },
    { role: 'delegation', link: delegation.url },
    { role: 'observer', link: observer.url },
  ]
  for (const [i, { role, link }] of roles.entries()) {
    console.log(`xss: ${role}`)
    // The join page, before joining: it shows the resolution's title and the organisation.
    const context = await browser.newContext()
    const joinPage = await context.newPage()
    const joinDialogs = { count: 0 }
    joinPage.on('dialog', (d) => (joinDialogs.count++, void d.dismiss()))
    checks.push(await visit(joinPage, joinDialogs, link, role, 'join page'))
    await context.close()

    const { page, dialogs } = await personWithDialogs(browser, link, payload(i + 1).slice(0, 80))
    checks.push(
      await visit(page, dialogs, `${url}/d/${id}`, role, 'room: proposals', async () => {
        await live(page)
        await page.locator('.resolution p[data-type="op"]').first().click()
      }),
    )
    for (const tab of ['comments', 'history'] as const) {
      await page.locator(`#tab-${tab}`).click()
      await page.waitForTimeout(300)
      checks.push({ role, page: `room: ${tab}`, executed: ((await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) ? 1 : 0) + dialogs.count, javascriptLinks: await page.locator('a[href^="javascript:" i]').count(), csp: true })
      dialogs.count = 0
    }
    const compare = page.getByRole('button', { name: /Compare side by side/ })
    if (await compare.count()) {
      await compare.first().click()
      await page.waitForTimeout(300)
      checks.push({ role, page: 'room: compare side by side', executed: ((await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) ? 1 : 0) + dialogs.count, javascriptLinks: 0, csp: true })
      dialogs.count = 0
    }
    for (const [name, path] of [
      ['home page', '/'],
      ['compilation page', `/api/documents/${id}/compilation?format=html&comments=1`],
      ['print page: clean', `/api/documents/${id}/export?format=html&view=clean`],
      ['print page: compilation', `/api/documents/${id}/export?format=html&view=compilation`],
      ['print page: redline', `/api/documents/${id}/export?format=html&view=redline&against=${named.version.id}`],
      ['redline page', `/api/documents/${id}/compare?format=html&from=${named.version.id}&to=live`],
      ['version page (room)', `/d/${id}`],
    ] as const) {
      checks.push(await visit(page, dialogs, `${url}${path}`, role, name))
    }
    await page.context().close()
  }

  // The title typed through the paste path of the home page.
  const paster = await personPage(browser, server, payload(6).slice(0, 80))
  const pasteContext = paster.context()
  const pasteDialogs = { count: 0 }
  paster.on('dialog', (d) => (pasteDialogs.count++, void d.dismiss()))
  await paster.goto('/')
  await paster.getByLabel('Pasted text').check()
  await paster.getByLabel('Text of the draft').fill(`${ALL}\n\nThe General Assembly,\nRecalling ${ALL},\n1. Decides ${ALL};`)
  await paster.getByRole('button', { name: 'Preview' }).click()
  await paster.waitForTimeout(300)
  checks.push({ role: 'creator', page: 'paste preview', executed: ((await paster.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) ? 1 : 0) + pasteDialogs.count, javascriptLinks: 0, csp: true })
  pasteDialogs.count = 0
  await paster.getByRole('button', { name: 'Create resolution' }).click()
  await expect(paster).toHaveURL(/\/d\/r-/)
  await live(paster)
  checks.push(await visit(paster, pasteDialogs, paster.url(), 'creator', 'room of a pasted payload title'))
  checks.push(await visit(paster, pasteDialogs, `${url}/`, 'creator', 'home page with a pasted payload title'))
  await pasteContext.close()

  const executed = checks.reduce((n, c) => n + c.executed, 0)
  const links = checks.reduce((n, c) => n + c.javascriptLinks, 0)
  const withoutCsp = checks.filter((c) => !c.csp).map((c) => `${c.role}: ${c.page}`)
  console.log(
    [
      '',
      '| XSS check | figure |',
      '|---|---|',
      `| pages checked (3 roles) | ${checks.length} |`,
      `| payloads | ${PAYLOADS.length} in every field |`,
      `| XSS executed | ${executed} |`,
      `| javascript: links | ${links} |`,
      `| HTML pages without a Content-Security-Policy | ${withoutCsp.length}${withoutCsp.length ? ` (${[...new Set(withoutCsp.map((p) => p.replace(/^\w+: /, '')))].join(', ')})` : ''} |`,
      '',
    ].join('\n'),
  )
  expect(checks.filter((c) => c.executed > 0)).toEqual([])
  expect(links).toBe(0)
  expect(withoutCsp).toEqual([])
})
