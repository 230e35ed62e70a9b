import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, live, negotiationRoom, ops, proposalsPanel, test } from './support/fixtures'

const DRAFT = `Safe water

The General Assembly,
Recalling its resolutions on the human right to safe drinking water,1
1. Calls upon all States to ensure access to safe drinking water;
2. Decides to remain seized of the matter.
1 Resolution 64/292.`

/** axe's findings that stop someone from using the page (serious or critical), described for the failure message. */
async function blockers(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

test('the preview, the room, the proposals panel and its decisions pass axe at 390, 768 and 1366 px', async ({ browser, server }) => {
  const preview = await (await browser.newContext({ baseURL: server.url })).newPage()
  await preview.goto('/')
  await preview.getByLabel('Your name').fill('Ana')
  await preview.getByRole('button', { name: 'Continue' }).click()
  await preview.getByLabel('Pasted text').check()
  await preview.getByLabel('Text of the draft').fill(DRAFT)
  await preview.getByRole('button', { name: 'Preview' }).click()
  await expect(preview.getByRole('button', { name: 'Create resolution' })).toBeVisible()
  expect(await blockers(preview)).toEqual([])

  const {
    facilitator,
    delegates: [mexico],
  } = await negotiationRoom(browser, server, DRAFT, [{ search: 'mexi', state: 'Mexico', name: 'Lucía' }])
  await ops(mexico).first().click()
  await proposalsPanel(mexico).getByLabel('Proposed wording').fill('Urges all States to ensure access to safe drinking water;')
  await proposalsPanel(mexico).getByRole('button', { name: 'Submit proposal' }).click()
  await ops(facilitator).first().click()
  await expect(proposalsPanel(facilitator).getByRole('button', { name: 'Accept' }).first()).toBeVisible()
  for (const width of [390, 768, 1366]) {
    for (const [role, page] of [
      ['facilitator', facilitator],
      ['delegation', mexico],
    ] as const) {
      await page.setViewportSize({ width, height: 900 })
      await live(page)
      expect(await blockers(page), `${role} at ${width} px`).toEqual([])
      await page.screenshot({ path: test.info().outputPath(`${role}-${width}.png`), fullPage: false })
    }
  }
})

test('a delegation chooses a paragraph and makes a proposal with the keyboard alone', async ({ browser, server }) => {
  const {
    facilitator,
    delegates: [mexico],
  } = await negotiationRoom(browser, server, DRAFT, [{ search: 'mexi', state: 'Mexico', name: 'Lucía' }])
  // The delegation's text is read-only: no caret reaches it from the keyboard, the list does.
  const picker = mexico.getByLabel('Any paragraph')
  await expect(picker).toBeVisible()
  expect(await blockers(mexico), 'the overview with its paragraph list').toEqual([])
  for (let presses = 0; presses < 20 && !(await picker.evaluate((element) => element === document.activeElement)); presses++) {
    await mexico.keyboard.press('Tab')
  }
  await expect(picker).toBeFocused()
  await mexico.keyboard.press('ArrowDown')
  await mexico.keyboard.press('ArrowDown')
  await expect(picker).toHaveValue(await ops(mexico).first().getAttribute('data-id').then((id) => id!))
  await mexico.keyboard.press('Tab')
  await expect(mexico.getByRole('button', { name: 'Open' })).toBeFocused()
  await mexico.keyboard.press('Enter')
  // The panel of OP 1 opens, and the keyboard goes on from its heading.
  await expect(proposalsPanel(mexico).getByRole('heading', { level: 2 })).toContainText('OP 1')
  await expect(proposalsPanel(mexico).getByRole('heading', { level: 2 })).toBeFocused()
  const wording = proposalsPanel(mexico).getByLabel('Proposed wording')
  for (let presses = 0; presses < 20 && !(await wording.evaluate((element) => element === document.activeElement)); presses++) {
    await mexico.keyboard.press('Tab')
  }
  await expect(wording).toBeFocused()
  await mexico.keyboard.press('ControlOrMeta+a')
  await mexico.keyboard.type('Urges all States to ensure access to safe drinking water by 2030;')
  const submit = proposalsPanel(mexico).getByRole('button', { name: 'Submit proposal' })
  for (let presses = 0; presses < 10 && !(await submit.evaluate((element) => element === document.activeElement)); presses++) {
    await mexico.keyboard.press('Tab')
  }
  await mexico.keyboard.press('Enter')
  await ops(facilitator).first().click()
  await expect(proposalsPanel(facilitator).getByText('by 2030')).toBeVisible()
})
