import {
  caretAtEnd,
  expect,
  negotiationRoom,
  ops,
  proposalsPanel,
  selectWords,
  storedAmendments,
  test,
  textOf,
} from './support/fixtures'

const DRAFT = `Safe water

The General Assembly,
Recalling its resolutions on the human right to safe drinking water,
1. Calls upon all States to ensure access to safe drinking water;
2. Decides to remain seized of the matter.`

const OP1 = 'Calls upon all States to ensure access to safe drinking water;'
/** Mexico changes the opening verb. */
const MEXICO = 'Urges all States to ensure access to safe drinking water;'
/** Brazil adds a clause at the end, on the text it opened the form on. */
const BRAZIL_DRAFT = 'Calls upon all States to ensure access to safe drinking water, including in rural areas;'
const BRAZIL_REBASED = 'Urges all States to ensure access to safe drinking water, including in rural areas;'
const REASON = 'Mexico asked to consult its capital first'

test('a proposal drafted while another is accepted carries only its own change, and the acceptance can be reopened', async ({
  browser,
  server,
}) => {
  const {
    facilitator,
    delegates: [mexico, brazil],
  } = await negotiationRoom(browser, server, DRAFT, [
    { search: 'mexi', state: 'Mexico', name: 'Lucía' },
    { search: 'braz', state: 'Brazil', name: 'João' },
  ])

  // Mexico proposes to change the opening verb of OP 1.
  await ops(mexico).first().click()
  await proposalsPanel(mexico).getByLabel('Proposed wording').fill(MEXICO)
  await proposalsPanel(mexico).getByRole('button', { name: 'Submit proposal' }).click()
  await expect(ops(brazil).first()).toHaveAttribute('data-pending', '1')

  // Brazil opens OP 1's form and starts drafting a clause at the end.
  await ops(brazil).first().click()
  const brazilPanel = proposalsPanel(brazil)
  await brazilPanel.getByLabel('Proposed wording').fill(BRAZIL_DRAFT)

  // Meanwhile the facilitator, from the overview, accepts Mexico's proposal.
  await facilitator.getByRole('button', { name: /^OP 1 1 proposal · Mexico/ }).click()
  const facilitatorPanel = proposalsPanel(facilitator)
  await facilitatorPanel.locator('li.proposal', { hasText: 'Mexico' }).getByRole('button', { name: 'Accept', exact: true }).click()
  // The panel follows the live text at once: no stale "Current text" after the accept.
  await expect(facilitatorPanel.locator('.current-text p')).toHaveText(MEXICO)
  await expect(facilitatorPanel.getByRole('status').filter({ hasText: 'Mexico’s proposal is accepted.' })).toBeVisible()

  // Brazil is told, and its draft now holds Mexico's word with only Brazil's clause as a change.
  await expect(brazilPanel.locator('.draft-moved')).toContainText('OP 1 changed while you were drafting')
  await expect(brazilPanel.getByLabel('Proposed wording')).toHaveValue(BRAZIL_REBASED)
  await expect(brazilPanel.getByLabel('Changes').locator('ins')).toHaveText([', including in rural areas'])
  await expect(brazilPanel.getByLabel('Changes').locator('del')).toHaveCount(0)
  await brazil.setViewportSize({ width: 390, height: 844 })
  await brazilPanel.locator('.draft-moved').scrollIntoViewIfNeeded()
  await brazil.setViewportSize({ width: 1280, height: 720 })
  await brazilPanel.getByRole('button', { name: 'Submit proposal' }).click()
  await expect(brazilPanel.getByText('Your proposal on OP 1 is tabled.')).toBeVisible()

  // As stored: Mexico's word is still there, and Brazil's change is only its clause.
  const stored = (await storedAmendments(brazil)).find((a) => a.state === 'Brazil')!
  expect(stored.text).toBe(BRAZIL_REBASED)
  expect(stored.baseText).toBe(MEXICO)
  const brazilCard = facilitatorPanel.locator('li.proposal', { hasText: 'Brazil' })
  await expect(brazilCard.locator('ins')).toHaveText([', including in rural areas'])
  await expect(brazilCard.locator('del')).toHaveCount(0)

  // The facilitator reopens Mexico's acceptance, saying why.
  await facilitatorPanel.locator('summary', { hasText: 'decided or withdrawn' }).click()
  const decided = facilitatorPanel.locator('ul.decided li', { hasText: 'Mexico' })
  await expect(decided.locator('.decision-words')).toHaveText('Accepted')
  await decided.getByRole('button', { name: 'Reopen decision' }).click()
  await decided.getByRole('button', { name: 'Reopen', exact: true }).click()
  await expect(decided.getByRole('alert')).toHaveText('Say why the decision is reopened.')
  await decided.getByLabel('Why is this decision reopened?').fill(REASON)
  await facilitator.setViewportSize({ width: 1280, height: 1400 })
  await decided.scrollIntoViewIfNeeded()
  await decided.getByRole('button', { name: 'Reopen', exact: true }).click()

  // Every browser sees the old text, Mexico's proposal pending again, and Brazil's still pending.
  for (const page of [facilitator, mexico, brazil]) {
    await expect.poll(() => textOf(ops(page).first())).toBe(OP1)
    await expect(ops(page).first()).toHaveAttribute('data-pending', '2')
    const panel = proposalsPanel(page)
    await expect(panel.locator('.current-text p')).toHaveText(OP1)
    await expect(panel.locator('li.proposal', { hasText: 'Mexico' }).locator('ins')).toHaveText(['Urges'])
    await expect(panel.locator('li.proposal', { hasText: 'Brazil' }).locator('ins')).toHaveText([', including in rural areas'])
  }
  const statuses = Object.fromEntries((await storedAmendments(mexico)).map((a) => [a.state, a.status]))
  expect(statuses).toEqual({ Mexico: 'pending', Brazil: 'pending' })

  // The paragraph's story lists the acceptance and the reopening, with the reason.
  const timeline = facilitatorPanel.getByRole('region', { name: 'History of this paragraph' })
  await expect(timeline.locator('li', { hasText: 'Mexico’s proposal was accepted' })).toBeVisible()
  await expect(timeline.locator('li', { hasText: `The acceptance of Mexico’s proposal was reopened: “${REASON}”` })).toBeVisible()
  await expect(proposalsPanel(brazil).getByRole('region', { name: 'History of this paragraph' })).toContainText('was reopened')
  await timeline.scrollIntoViewIfNeeded()

  // Accepting one proposal now says first what it supersedes.
  await facilitatorPanel.getByRole('button', { name: 'Compare side by side' }).click()
  const compare = facilitator.getByRole('dialog', { name: 'Compare proposals on OP 1' })
  await compare.getByRole('button', { name: 'Accept Brazil’s' }).click()
  const confirm = compare.getByRole('alertdialog')
  await expect(confirm).toHaveText(/Accept Brazil’s proposal\? It will supersede Mexico’s proposal\./)
  await expect(confirm.getByRole('button', { name: 'Accept and supersede' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Accept and supersede' }).click()
  await expect(compare).toBeHidden()
  await expect(facilitatorPanel.getByRole('heading', { name: /OP 1/ })).toBeFocused()
  await expect.poll(() => textOf(ops(mexico).first())).toBe(BRAZIL_DRAFT)

  // Mexico's proposal reads as superseded, in plain words, and Mexico tables it again on the new text.
  const mexicoPanel = proposalsPanel(mexico)
  await mexicoPanel.locator('summary', { hasText: 'decided or withdrawn' }).click()
  const superseded = mexicoPanel.locator('ul.decided li', { hasText: 'Mexico' })
  await expect(superseded.locator('.decision-words')).toHaveText('Superseded by the acceptance of Brazil’s proposal')
  await superseded.getByRole('button', { name: 'Table again on the new text' }).click()
  await expect(ops(facilitator).first()).toHaveAttribute('data-pending', '1')
  await expect(mexicoPanel.locator('li.proposal', { hasText: 'Mexico' }).locator('ins')).toHaveText(['Urges'])

  // The Compare dialog opens only when asked: not by itself on the next paragraph with proposals.
  // A read-only text takes a click on its words, not on the blank end of the line.
  await ops(mexico).nth(1).click({ position: { x: 60, y: 10 } })
  await expect(proposalsPanel(mexico).getByRole('heading', { name: /OP 2/ })).toBeVisible()
  await proposalsPanel(mexico).getByLabel('Proposed wording').fill('Decides to remain actively seized of the matter.')
  await proposalsPanel(mexico).getByRole('button', { name: 'Submit proposal' }).click()
  await expect(ops(facilitator).nth(1)).toHaveAttribute('data-pending', '1')
  await facilitatorPanel.getByRole('button', { name: '← All proposals' }).click()
  await facilitator.getByRole('button', { name: /^OP 2 1 proposal/ }).click()
  await expect(facilitatorPanel.getByRole('heading', { name: /OP 2/ })).toBeVisible()
  await facilitator.waitForTimeout(300)
  await expect(facilitator.getByRole('dialog')).toHaveCount(0)
})

test('a draft whose words were changed meanwhile shows the conflict and is never sent as a reversal; proposals on agreed language stand apart', async ({
  browser,
  server,
}) => {
  const {
    facilitator,
    delegates: [brazil],
  } = await negotiationRoom(browser, server, DRAFT, [{ search: 'braz', state: 'Brazil', name: 'João' }])
  await brazil.setViewportSize({ width: 390, height: 844 })

  // Brazil changes the opening verb; meanwhile the facilitator types another verb in the same place.
  await ops(brazil).first().click({ position: { x: 60, y: 10 } })
  const panel = proposalsPanel(brazil)
  await panel.getByLabel('Proposed wording').fill('Encourages all States to ensure access to safe drinking water;')
  await selectWords(facilitator, ops(facilitator).first(), 'Calls upon')
  await facilitator.keyboard.type('Urges')
  await expect.poll(() => textOf(ops(brazil).first())).toBe(MEXICO)

  const conflict = panel.locator('.draft-conflict')
  await expect(conflict).toContainText('OP 1 changed while you were drafting, in the same words as your change')
  await expect(panel.getByLabel('Proposed wording')).toHaveValue('Encourages all States to ensure access to safe drinking water;')
  await expect(panel.getByRole('button', { name: 'Submit proposal' })).toBeDisabled()
  await conflict.scrollIntoViewIfNeeded()

  // Brazil redoes its change on the current text, which is then the base sent.
  await conflict.getByRole('button', { name: 'Edit on the current text' }).click()
  await expect(panel.getByLabel('Proposed wording')).toBeFocused()
  await expect(panel.getByLabel('Proposed wording')).toHaveValue(MEXICO)
  await panel.getByLabel('Proposed wording').fill('Urges and encourages all States to ensure access to safe drinking water;')
  await panel.getByRole('button', { name: 'Submit proposal' }).click()
  await expect(panel.getByText('Your proposal on OP 1 is tabled.')).toBeVisible()
  const stored = (await storedAmendments(brazil))[0]!
  expect(stored).toMatchObject({ text: 'Urges and encourages all States to ensure access to safe drinking water;', baseText: MEXICO })

  // OP 2 is agreed ad ref; Brazil asks to reopen it, and the facilitators see that apart.
  await caretAtEnd(facilitator, ops(facilitator).nth(1))
  await proposalsPanel(facilitator).getByLabel('Status').selectOption('agreed-ad-ref')
  await expect(ops(brazil).nth(1)).toHaveAttribute('data-status', 'agreed-ad-ref')
  await ops(brazil).nth(1).click({ position: { x: 60, y: 10 } })
  await expect(panel.getByRole('heading', { name: /OP 2/ })).toBeVisible()
  await panel.getByLabel('Proposed wording').fill('Decides to remain actively seized of the matter.')
  await panel.getByRole('button', { name: 'Submit proposal' }).click()
  await expect(panel.locator('li.proposal', { hasText: 'Brazil' }).locator('.reopens-agreed')).toHaveText('Asks to reopen agreed ad ref language')
  await proposalsPanel(facilitator).getByRole('button', { name: '← All proposals' }).click()
  const apart = proposalsPanel(facilitator).getByRole('region', { name: 'Asks to reopen agreed language' })
  await expect(apart.getByRole('button')).toHaveText(['OP 2 Brazil: new wording'])
  await apart.getByRole('button', { name: 'OP 2 Brazil: new wording' }).click()
  await expect(proposalsPanel(facilitator).getByRole('heading', { name: /OP 2/ })).toBeVisible()
})
