import { expect, negotiationRoom, ops, test, textOf } from './support/fixtures'

const DRAFT = `Safe water

The General Assembly,
Recalling its resolutions on the human right to safe drinking water,
1. Calls upon all States to ensure access to safe drinking water;
2. Decides to remain seized of the matter.`

const PROPOSED = 'Calls upon all States to ensure universal and equitable access to safe drinking water;'
const BRAZIL = 'Calls upon all States to ensure access to safe drinking water and sanitation;'
const MERGED = 'Calls upon all States to ensure universal and equitable access to safe drinking water and sanitation;'

test('a delegation proposes, another supports, the facilitator compares and accepts, and everyone sees it live', async ({
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

  // Mexico proposes new wording for OP 1, watching its changes as it types.
  await ops(mexico).first().click()
  const panel = mexico.locator('aside.proposals')
  await expect(panel.getByRole('heading', { name: /OP 1/ })).toBeVisible()
  await panel.getByLabel('Proposed wording').fill(PROPOSED)
  await expect(panel.locator('.preview ins')).toHaveText(['universal and equitable '])
  await panel.getByLabel('Justification (optional)').fill('Leave no one behind')
  await panel.getByRole('button', { name: 'Submit proposal' }).click()

  // Brazil sees it within a second, counted in the margin, and joins it.
  await expect(ops(brazil).first()).toHaveAttribute('data-pending', '1')
  await ops(brazil).first().click()
  const proposal = brazil.locator('li.proposal', { hasText: 'Mexico' })
  await expect(proposal.locator('ins')).toHaveText('universal and equitable ')
  await proposal.getByRole('button', { name: 'Support' }).click()
  await expect(proposal).toContainText('Joined by Brazil')

  // Brazil also proposes wording of its own on the same paragraph.
  const brazilPanel = brazil.locator('aside.proposals')
  await brazilPanel.getByLabel('Proposed wording').fill(BRAZIL)
  await brazilPanel.getByRole('button', { name: 'Submit proposal' }).click()
  await expect(ops(mexico).first()).toHaveAttribute('data-pending', '2')

  // The facilitator compares both side by side against the current text, merges them into
  // compromise language and accepts it. The overview puts contested paragraphs first.
  await facilitator.getByRole('button', { name: 'OP 1 2 proposals · Mexico, Brazil · contested' }).click()
  const card = facilitator.locator('aside.proposals li.proposal', { hasText: 'Mexico' })
  await expect(card).toContainText('Joined by Brazil')
  await expect(card.locator('.note')).toHaveText('“Leave no one behind”')
  await facilitator.getByRole('button', { name: 'Compare side by side' }).click()
  const compare = facilitator.getByRole('dialog', { name: 'Compare proposals on OP 1' })
  await expect(compare.getByRole('listitem', { name: 'Current text' })).toContainText('ensure access to safe drinking water;')
  const mexicoColumn = compare.getByRole('listitem', { name: 'Proposal by Mexico' })
  const brazilColumn = compare.getByRole('listitem', { name: 'Proposal by Brazil' })
  await expect(mexicoColumn.locator('ins')).toHaveText('universal and equitable ')
  await expect(mexicoColumn).toContainText('Joined by Brazil.')
  await expect(brazilColumn.locator('ins')).toHaveText(' and sanitation')
  await mexicoColumn.getByLabel('Use in compromise').check()
  await brazilColumn.getByLabel('Use in compromise').check()
  await compare.getByRole('button', { name: 'Merge 2 proposals' }).click()
  await expect(compare.getByLabel('Compromise wording')).toHaveValue(MERGED)
  await facilitator.screenshot({ path: 'test-results/compare.png' })
  await compare.getByRole('button', { name: 'Accept the compromise' }).click()
  await expect(compare).toBeHidden()

  for (const page of [facilitator, mexico, brazil]) {
    await expect.poll(() => textOf(ops(page).first())).toBe(MERGED)
    await expect(ops(page).first()).not.toHaveAttribute('data-pending', /.*/)
  }
  // The compromise is recorded against Mexico's proposal and credits Brazil's, merged into it (issue 12).
  await mexico.locator('aside.proposals summary', { hasText: '2 decided or withdrawn' }).click()
  await expect(mexico.locator('ul.decided li .decision-words')).toHaveText([
    'Accepted as compromise language, merging the proposals of Mexico, Brazil',
    'Merged into the compromise accepted with Mexico’s proposal',
  ])

  // The facilitator marks it agreed ad ref: every browser shows the status, and it is locked.
  await facilitator.locator('aside.proposals').getByLabel('Status').selectOption('agreed-ad-ref')
  for (const page of [facilitator, mexico, brazil]) {
    await expect(ops(page).first()).toHaveAttribute('data-status', 'agreed-ad-ref')
    await expect(page.locator('.agreement-summary')).toContainText('OPs: 1 of 2 agreed ad ref')
  }
  await ops(facilitator).first().click()
  await facilitator.keyboard.type('Not allowed ')
  await facilitator.waitForTimeout(300)
  expect(await textOf(ops(facilitator).first())).toBe(MERGED)
  await facilitator.screenshot({ path: 'test-results/proposals.png' })
})
