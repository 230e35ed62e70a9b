import {
  caretAtEnd,
  connection,
  createFromText,
  createInviteLink,
  expect,
  joinWith,
  live,
  ops,
  personPage,
  test,
  textOf,
} from './support/fixtures'

const DRAFT = `Human rights defenders

The General Assembly,
Reaffirming the Declaration on human rights defenders,
1. Calls upon all States to protect human rights defenders;
2. Decides to remain seized of the matter.`

test('delegations and observers read along but cannot type, and a revoked observer is disconnected', async ({
  browser,
  server,
}) => {
  const facilitator = await personPage(browser, server, 'Ana')
  await createFromText(facilitator, DRAFT)
  await live(facilitator)

  const delegationLink = await createInviteLink(facilitator, { role: 'delegation', search: 'mex', state: 'Mexico' })
  const observerLink = await createInviteLink(facilitator, { role: 'observer', organisation: 'ISHR' })

  const delegate = await joinWith(browser, delegationLink, 'Lucía')
  const observer = await joinWith(browser, observerLink, 'Sam')
  for (const [page, role] of [
    [delegate, 'Delegation of Mexico'],
    [observer, 'Observer (ISHR)'],
  ] as const) {
    await live(page)
    await expect(page.locator('.role-badge')).toContainText(role)
    await expect(page.locator('.role-badge')).toContainText('text is read-only')
    await expect(page.locator('.resolution')).toHaveAttribute('contenteditable', 'false')
    await expect(page.getByRole('toolbar', { name: 'Paragraph tools' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'People & links' })).toHaveCount(0)
  }

  // The facilitator sees who is in the room, grouped by delegation.
  const presence = facilitator.locator('.presence')
  await expect(presence.locator('.presence-group', { hasText: 'Mexico' })).toContainText('Lucía')
  await expect(presence.locator('.presence-group', { hasText: 'Observer: ISHR' })).toContainText('Sam')

  // Typing in a read-only room changes nothing anywhere.
  const original = 'Calls upon all States to protect human rights defenders;'
  await ops(delegate).first().click()
  await delegate.keyboard.type('Mexico was here ')
  await ops(observer).first().click()
  await observer.keyboard.type('Sam was here ')
  await facilitator.waitForTimeout(500)
  for (const page of [facilitator, delegate, observer]) expect(await textOf(ops(page).first())).toBe(original)

  // The facilitator's typing reaches them live.
  await caretAtEnd(facilitator, ops(facilitator).first())
  await facilitator.keyboard.type(' and their families')
  for (const page of [delegate, observer]) await expect(ops(page).first()).toContainText('defenders; and their families')

  // Revoking the observer's link disconnects them at once and tells them why.
  facilitator.once('dialog', (dialog) => void dialog.accept())
  await facilitator.locator('#people-panel li', { hasText: 'Observer (ISHR)' }).getByRole('button', { name: 'Revoke' }).click()
  await expect(connection(observer)).toHaveAttribute('data-state', 'forbidden')
  await expect(connection(observer)).toContainText('Your access to this resolution has ended')
  await expect(facilitator.locator('#people-panel li', { hasText: 'Observer (ISHR)' })).toContainText('revoked')
  await expect(presence).not.toContainText('Sam')
  await expect(connection(delegate)).toHaveAttribute('data-state', 'connected')

  await observer.reload()
  await expect(observer.getByRole('heading', { name: 'No access to this resolution' })).toBeVisible()
  await facilitator.screenshot({ path: 'test-results/people-panel.png' })
})
