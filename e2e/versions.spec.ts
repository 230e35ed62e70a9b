import { caretAtEnd, createFromText, createInviteLink, expect, joinWith, live, ops, personPage, test, textOf } from './support/fixtures'

const DRAFT = `Safe water

The General Assembly,
Recalling its resolutions on the human right to safe drinking water,
1. Calls upon all States to ensure access to safe drinking water;
2. Requests the Secretary-General to report on implementation;
3. Decides to remain seized of the matter.`

test('save Rev.1, edit, save Rev.2, read the redline with the moved paragraph, restore Rev.1 for everyone', async ({ browser, server }) => {
  const facilitator = await personPage(browser, server, 'Ana')
  await createFromText(facilitator, DRAFT)
  await live(facilitator)
  const link = await createInviteLink(facilitator, { role: 'delegation', search: 'mexi', state: 'Mexico' })
  await facilitator.getByRole('button', { name: 'Close the people panel' }).click()
  const mexico = await joinWith(browser, link, 'Lucía')
  await live(mexico)

  const history = facilitator.locator('aside.history')
  const save = async (label: string) => {
    await history.getByLabel('Name').fill(label)
    await history.getByRole('button', { name: 'Save version' }).click()
    await expect(history.getByRole('listitem', { name: label })).toBeVisible()
  }
  await facilitator.getByRole('tab', { name: 'History' }).click()
  await save('Rev.1')

  // The facilitator moves OP 1 to the end (Alt+↓ twice) and amends OP 2 (now OP 1).
  await ops(facilitator).first().click()
  await facilitator.keyboard.press('Alt+ArrowDown')
  await facilitator.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => textOf(ops(facilitator).nth(2))).toBe('Calls upon all States to ensure access to safe drinking water;')
  await caretAtEnd(facilitator, ops(facilitator).first())
  await facilitator.keyboard.press('ArrowLeft')
  await facilitator.keyboard.type(' every year')
  await save('Rev.2')

  // Mexico asks what changed since Rev.1: the redline says the paragraph moved, and shows the new words.
  await mexico.getByRole('tab', { name: 'History' }).click()
  const mexicoHistory = mexico.locator('aside.history')
  await expect(mexicoHistory.getByRole('listitem', { name: 'Rev.2' })).toBeVisible()
  await expect(mexicoHistory.getByRole('button', { name: 'Restore' })).toHaveCount(0)
  await mexicoHistory.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Rev.1' })
  await mexicoHistory.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Rev.2' })
  await mexicoHistory.getByRole('button', { name: 'Show the redline' }).click()
  const redline = mexico.getByRole('dialog', { name: 'Changes from Rev.1 to Rev.2' })
  await expect(redline.locator('.redline-summary')).toContainText('1 moved')
  await expect(redline.getByRole('listitem', { name: 'OP 3: unchanged' })).toContainText('moved: former OP 1, now OP 3')
  await expect(redline.getByRole('listitem', { name: 'OP 1: changed' }).locator('ins')).toHaveText(' every year')
  await mexico.screenshot({ path: 'test-results/redline.png' })
  await redline.getByRole('button', { name: 'Close' }).click()

  // More editing after Rev.2, then the facilitator restores Rev.1; Mexico's text changes without a reload.
  await caretAtEnd(facilitator, ops(facilitator).nth(1))
  await facilitator.keyboard.type(' Unsaved.')
  await expect.poll(() => textOf(ops(mexico).nth(1))).toContain('Unsaved.')
  facilitator.once('dialog', (dialog) => void dialog.accept())
  await history.getByRole('listitem', { name: 'Rev.1' }).getByRole('button', { name: 'Restore' }).click()
  await expect.poll(() => textOf(ops(mexico).first())).toBe('Calls upon all States to ensure access to safe drinking water;')
  await expect.poll(() => textOf(ops(mexico).nth(1))).toBe('Requests the Secretary-General to report on implementation;')
  // The text it replaced (not a version yet) was kept as a checkpoint, so the restore can be undone.
  await history.getByLabel('Show automatic checkpoints').check()
  await expect(history.getByRole('listitem', { name: 'Before restoring Rev.1' })).toBeVisible()
  await facilitator.screenshot({ path: 'test-results/history.png' })
})
