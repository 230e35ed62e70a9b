import { expect, live, ops, personPage, pps, test, textOf } from './support/fixtures'

/** A draft as pdftotext gives it: a footnote block, the job number and the barcode at the foot of the page. */
const TEXT = `A/C.3/81/L.12

United Nations

General Assembly

Distr.: Limited
3 November 2026
Original: English

Eighty-first session
Third Committee
Agenda item 68 (b)
Norway and Chile: draft resolution

Safe drinking water and sanitation
The General Assembly,
Recalling its resolution 64/292 of 28 July 2010,
Reaffirming the Universal Declaration of Human Rights, 1
Deeply concerned that ad hoc arrangements remain insufficient,
Calls upon all States to invest in water infrastructure,
1. Requests the Secretary-General to report to it at its eighty-third session;
2. Decides to remain seized of the matter.

__________________

1
Resolution 217 A (III).

24-12345 (E)

*2412345*
`

test('a facilitator previews a pasted draft, corrects what was misread, and creates exactly what the preview shows', async ({
  browser,
  server,
}) => {
  const ana = await personPage(browser, server, 'Ana')
  await ana.setViewportSize({ width: 1280, height: 900 })
  await ana.goto('/')
  await ana.getByLabel('Pasted text').check()
  await ana.getByLabel('Text of the draft').fill(TEXT)
  await ana.getByRole('button', { name: 'Preview' }).click()

  const preview = ana.getByRole('region', { name: 'Preview: check the structure' })
  await expect(preview.getByRole('heading', { name: 'Preview: check the structure' })).toBeFocused()
  // Nothing is created by looking.
  await expect(ana.getByText('No resolutions yet.')).toBeVisible()

  const rows = preview.getByRole('list', { name: /^Paragraphs/ }).getByRole('listitem')
  await expect(rows).toHaveCount(6)
  await expect(rows.nth(1)).toContainText('Reaffirming the Universal Declaration')
  await expect(rows.nth(1)).toContainText('1 footnote')
  await expect(preview.getByRole('list', { name: /^Footnotes/ })).toHaveText('PP2: Resolution 217 A (III).')
  await expect(preview.getByLabel('Title', { exact: true })).toHaveValue('Safe drinking water and sanitation')
  await expect(preview.getByLabel('Symbol', { exact: true })).toHaveValue('A/C.3/81/L.12')
  const dropped = preview.getByRole('list', { name: /^Left out of the text/ })
  await expect(dropped).toContainText('24-12345 (E)')
  await expect(dropped).toContainText('*2412345*')

  await ana.screenshot({ path: '/tmp/preview-1280.png', fullPage: true })
  await ana.setViewportSize({ width: 390, height: 844 })
  // Rows wrap: nothing is wider than the phone's screen.
  expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await ana.screenshot({ path: '/tmp/preview-390.png', fullPage: true })
  await ana.setViewportSize({ width: 1280, height: 900 })

  // "Keep" puts a dropped line back as a paragraph where it stood, and hands it the focus to set its kind.
  await dropped.getByRole('button', { name: 'Keep “*2412345*” as a paragraph' }).click()
  await expect(rows).toHaveCount(7)
  await expect(preview.getByLabel('Kind of paragraph 7')).toBeFocused()
  await expect(dropped.getByRole('listitem')).toHaveCount(2)

  // Back to the text and a fresh preview forget that change.
  await preview.getByRole('button', { name: 'Back to the text' }).click()
  await expect(ana.getByLabel('Text of the draft')).toHaveValue(TEXT)
  await ana.getByRole('button', { name: 'Preview' }).click()
  await expect(rows).toHaveCount(6)

  // PP4 "Calls upon …" was read as preambular (it ends with a comma): make it an OP with the keyboard.
  const kind = preview.getByLabel('Kind of paragraph 4')
  await expect(kind).toHaveValue('pp')
  await kind.focus()
  await ana.keyboard.press('ArrowDown')
  await expect(kind).toHaveValue('op-0')
  await expect(rows.nth(3)).toContainText('1.')
  await expect(rows.nth(5)).toContainText('3.')

  await preview.getByRole('button', { name: 'Create resolution' }).click()
  await expect(ana).toHaveURL(/\/d\/r-/)
  await live(ana)
  await expect(pps(ana)).toHaveCount(3)
  await expect(ops(ana)).toHaveCount(3)
  expect(await textOf(ops(ana).first())).toBe('Calls upon all States to invest in water infrastructure,')
  await expect(ops(ana).first()).toHaveAttribute('data-label', '1.')
  await expect(pps(ana).nth(1).locator('sup[data-type="footnote"]')).toHaveAttribute('data-text', 'Resolution 217 A (III).')
  await expect(ana.getByRole('textbox', { name: 'Your facilitator link' })).toHaveValue(/\/join\//)
})
