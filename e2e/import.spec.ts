import { PNG_BYTES, ZERO_DRAFT_FOOTNOTE, ZERO_DRAFT_TITLE, zeroDraftDocx } from '../server/test/docxFixtures'
import { createAfterPreview, expect, live, ops, personPage, pps, test, textOf } from './support/fixtures'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

test('a facilitator imports a Word zero draft and finds its paragraphs numbered in the draft room', async ({
  browser,
  server,
}) => {
  const ana = await personPage(browser, server, 'Ana')
  await ana.goto('/')
  await ana.getByLabel('Word file (.docx)').check()

  // A picture renamed .docx is refused with the server's message, and nothing is created.
  await ana.getByLabel('Word file of the draft').setInputFiles({ name: 'photo.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(PNG_BYTES) })
  await ana.getByRole('button', { name: 'Preview' }).click()
  await expect(ana.getByRole('alert')).toHaveText(/^The file could not be read: “photo\.docx” is not a Word \(\.docx\) file\./)
  await expect(ana).toHaveURL(/\/$/)

  // The zero draft as Word writes it, OPs and sub-paragraphs numbered by Word's own list numbering.
  const buffer = await zeroDraftDocx({ numbering: 'word' })
  await ana.getByLabel('Word file of the draft').setInputFiles({ name: 'zero-draft.docx', mimeType: DOCX_TYPE, buffer })
  await createAfterPreview(ana)
  await live(ana)

  await expect(ana.locator('.resolution h1')).toHaveText(ZERO_DRAFT_TITLE)
  await expect(ana.locator('.resolution [data-type="symbol"]')).toHaveText('A/C.3/81/L.12')
  await expect(pps(ana)).toHaveCount(3)
  await expect(ops(ana)).toHaveCount(7)
  const labels = async (paragraphs: ReturnType<typeof ops>) =>
    paragraphs.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-label')))
  expect(await labels(pps(ana))).toEqual(['PP1', 'PP2', 'PP3'])
  expect(await labels(ops(ana))).toEqual(['1.', '(a)', '(b)', '(i)', '(ii)', '2.', '3.'])
  // The Word footnote is a footnote at its reference, not words in [square brackets] (which would mean not agreed).
  expect(await textOf(pps(ana).nth(1))).toBe('Reaffirming the Universal Declaration of Human Rights,')
  await expect(pps(ana).nth(1).locator('sup[data-type="footnote"]')).toHaveAttribute('data-text', ZERO_DRAFT_FOOTNOTE)
  expect(await textOf(ops(ana).nth(1))).toBe('To invest in water infrastructure, inter alia in rural areas;')
  // Italics inside paragraphs came with the file; the opening words are italic as always.
  await expect(ana.locator('.resolution em')).toHaveText(['ad hoc', 'inter alia'])
  await expect(ana.locator('.opening-words').first()).toHaveText('Recalling')
  // Whoever imported it is its facilitator, with a personal link.
  await expect(ana.getByRole('textbox', { name: 'Your facilitator link' })).toHaveValue(/\/join\//)
})
