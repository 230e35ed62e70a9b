import { caretAtEnd, createAfterPreview, createInviteLink, expect, joinWith, live, ops, personPage, pps, test, textOf } from './support/fixtures'

const DRAFT = `United Nations                                   A/C.3/81/L.12
General Assembly
Eighty-first session
Third Committee
Agenda item 68 (b)
Norway and Mexico: draft resolution
Safety of negotiators in
informal consultations

The General Assembly,
Recalling its previous resolutions on the conduct of informal
consultations,
Deeply concerned by the length of negotiating sessions,
1. Urges all delegations to negotiate in good faith;
2. Requests the facilitators to circulate a compilation text;
3. Decides to remain seized of the matter.`

test('two facilitators co-edit a pasted resolution live, and nothing is lost on reload or restart', async ({
  browser,
  server,
}) => {
  // Ana arrives for the first time: she is asked her name, then pastes a draft.
  const ana = await personPage(browser, server)
  await ana.goto('/')
  await ana.getByLabel('Your name').fill('Ana')
  await ana.getByRole('button', { name: 'Continue' }).click()
  await ana.getByLabel('Pasted text').check()
  await ana.getByLabel('Text of the draft').fill(DRAFT)
  await createAfterPreview(ana)
  await live(ana)

  await expect(ana.locator('.resolution h1')).toHaveText('Safety of negotiators in informal consultations')
  await expect(ana.locator('.resolution [data-type="symbol"]')).toHaveText('A/C.3/81/L.12')
  await expect(pps(ana)).toHaveCount(2)
  await expect(pps(ana).first()).toHaveAttribute('data-label', 'PP1')
  await expect(ops(ana)).toHaveCount(3)
  await expect(ops(ana).nth(2)).toHaveAttribute('data-label', '3.')
  await expect(ana.locator('.opening-words').first()).toHaveText('Recalling')

  // Ana keeps her personal link, and invites Bruno as a second facilitator.
  await expect(ana.getByRole('textbox', { name: 'Your facilitator link' })).toHaveValue(/\/join\//)
  await ana.getByRole('button', { name: 'Done' }).click()
  const link = await createInviteLink(ana, { role: 'facilitator' })
  const bruno = await joinWith(browser, link, 'Bruno')
  await live(bruno)
  await expect(ana.locator('.presence')).toContainText('Bruno')

  // Each sees the other's typing.
  await caretAtEnd(ana, ops(ana).first())
  await ana.keyboard.type(' and with flexibility')
  await expect(ops(bruno).first()).toContainText('good faith; and with flexibility')
  await caretAtEnd(bruno, pps(bruno).nth(1))
  await bruno.keyboard.type(' and late nights')
  await expect(pps(ana).nth(1)).toContainText('sessions, and late nights')

  // Bruno's caret is labelled with his name in Ana's browser.
  await expect(ana.locator('.collaboration-carets__label', { hasText: 'Bruno' })).toBeVisible()

  // Ana inserts an OP after OP 1: the later OPs are renumbered in both browsers.
  await caretAtEnd(ana, ops(ana).first())
  await ana.keyboard.press('Enter')
  await ana.keyboard.type('Encourages regular breaks;')
  for (const page of [ana, bruno]) {
    await expect(ops(page)).toHaveCount(4)
    await expect.poll(() => textOf(ops(page).nth(1))).toBe('Encourages regular breaks;')
    await expect(ops(page).nth(1)).toHaveAttribute('data-label', '2.')
    await expect(ops(page).nth(3)).toHaveAttribute('data-label', '4.')
  }

  // Tab makes it a sub-paragraph (a) of OP 1; the rest renumber again.
  await ana.keyboard.press('Tab')
  for (const page of [ana, bruno]) {
    await expect(ops(page).nth(1)).toHaveAttribute('data-label', '(a)')
    await expect(ops(page).nth(3)).toHaveAttribute('data-label', '3.')
  }

  // Reload keeps everything.
  await bruno.reload()
  await live(bruno)
  await expect.poll(() => textOf(ops(bruno).nth(1))).toBe('Encourages regular breaks;')
  await expect(pps(bruno).nth(1)).toContainText('and late nights')

  // A server restart keeps everything, and both browsers reconnect and go on editing.
  await server.restart()
  for (const page of [ana, bruno]) {
    await live(page)
    await expect(ops(page).first()).toContainText('and with flexibility')
    await expect(ops(page).nth(1)).toHaveAttribute('data-label', '(a)')
  }
  await caretAtEnd(bruno, ops(bruno).nth(3))
  await bruno.keyboard.type(' Adopted.')
  await expect(ops(ana).nth(3)).toContainText('Adopted.')

  const response = await ana.request.get(`/api/documents/${ana.url().split('/d/')[1]}/paragraphs`)
  const paragraphs = await response.json()
  expect(paragraphs.map((p: { number: string }) => p.number)).toEqual(['PP1', 'PP2', '1', '1 (a)', '2', '3'])
  await ana.screenshot({ path: 'test-results/draft-room.png', fullPage: true })
})

test('an unknown resolution shows a not-found page', async ({ browser, server }) => {
  const page = await personPage(browser, server, 'Ana')
  const response = await page.goto('/d/r-doesnotexist')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Resolution not found' })).toBeVisible()
})
