import { caretAtEnd, createFromText, createInviteLink, expect, joinWith, live, ops, personPage, selectWords, test, textOf } from './support/fixtures'

const DRAFT = `Safe water

The General Assembly,
Recalling its resolutions on the human right to safe drinking water,
1. Calls upon all States to ensure access to safe drinking water;
2. Decides to remain seized of the matter.`

const WORDS = 'access to safe drinking water'

test('an observer comments, the facilitator replies and edits around the words, and the observer resolves', async ({ browser, server }) => {
  const facilitator = await personPage(browser, server, 'Ana')
  await createFromText(facilitator, DRAFT)
  await live(facilitator)
  const link = await createInviteLink(facilitator, { role: 'observer', organisation: 'ISHR' })
  await facilitator.getByRole('button', { name: 'Close the people panel' }).click()
  const observer = await joinWith(browser, link, 'Sam')
  await live(observer)
  // People see themselves where others see them: Sam among the observers, not the facilitators.
  await expect(observer.locator('.presence-group', { hasText: 'Observer: ISHR' })).toContainText('Sam')

  // The observer cannot type, but selects words and comments on them.
  await selectWords(observer, ops(observer).first(), WORDS)
  await observer.getByRole('tab', { name: 'Comments' }).click()
  const observerPanel = observer.locator('aside.comments')
  await expect(observerPanel.locator('.comment-on q')).toHaveText(WORDS)
  await observerPanel.getByPlaceholder(/Your comment/).fill('Please say <b>safe and clean</b>.\n@Ana what do you think?')
  await observerPanel.getByPlaceholder(/Your comment/).press('Control+Enter')
  await expect(observerPanel.locator('.comment-body')).toHaveText('Please say <b>safe and clean</b>.\n@Ana what do you think?')

  // The facilitator sees the highlight on exactly those words, and the count in the margin.
  const highlight = facilitator.locator('.comment-highlight')
  await expect(highlight).toHaveText(WORDS)
  await expect(highlight).toHaveAttribute('title', /^Sam: Please say <b>safe and clean<\/b>\./)
  await expect(ops(facilitator).first()).toHaveAttribute('data-comments', '1')
  await highlight.click()
  const panel = facilitator.locator('aside.comments')
  const thread = panel.getByRole('listitem', { name: 'Comment thread on OP 1' })
  await expect(thread).toHaveClass(/is-active/)
  await expect(thread.getByRole('article', { name: 'Comment by Sam' })).toContainText('Observer (ISHR)')
  // Markup in a comment is shown as text, never interpreted.
  await expect(thread.locator('.comment-body b')).toHaveCount(0)
  await panel.getByLabel('Mentions me').check()
  await expect(thread).toBeVisible()
  await thread.getByPlaceholder('Reply…').fill('Agreed: I will add it.')
  await thread.getByRole('button', { name: 'Reply' }).click()
  await expect(observerPanel.getByRole('article', { name: 'Comment by Ana' })).toContainText('Agreed: I will add it.')

  // The facilitator edits the sentence before and after the commented words: the highlight follows them.
  await ops(facilitator).first().click()
  await facilitator.keyboard.press('Home')
  await facilitator.keyboard.type('Again ')
  await caretAtEnd(facilitator, ops(facilitator).first())
  await facilitator.keyboard.press('ArrowLeft')
  await facilitator.keyboard.type(' and sanitation')
  const edited = 'Again Calls upon all States to ensure access to safe drinking water and sanitation;'
  for (const page of [facilitator, observer]) {
    await expect.poll(() => textOf(ops(page).first())).toBe(edited)
    await expect(page.locator('.comment-highlight')).toHaveText(WORDS)
  }
  await observer.screenshot({ path: 'test-results/comments.png' })

  // The observer resolves the thread: the highlight and the count go in both browsers.
  await observerPanel.getByRole('button', { name: 'Resolve' }).click()
  for (const page of [facilitator, observer]) {
    await expect(page.locator('.comment-highlight')).toHaveCount(0)
    await expect(ops(page).first()).not.toHaveAttribute('data-comments', /.*/)
  }
  await panel.getByLabel('Show').selectOption('resolved')
  await expect(panel.getByRole('button', { name: 'Reopen' })).toBeVisible()
})
