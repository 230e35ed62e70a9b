import { extractText, getDocumentProxy } from 'unpdf'
import { zeroDraftDocx } from '../server/test/docxFixtures'
import { createAfterPreview, createInviteLink, expect, live, personPage, test } from './support/fixtures'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

interface Ids {
  pps: string[]
  ops: string[]
}

/** Each State proposes through the API with the token of its invite link, as a script would. */
const PROPOSALS: Array<{ state: string; search: string; body: (ids: Ids) => object }> = [
  {
    state: 'Mexico',
    search: 'mexi',
    body: ({ ops }) => ({ paragraphId: ops[0], kind: 'replace', text: 'Calls upon all States and all partners:' }),
  },
  {
    state: "Côte d'Ivoire",
    search: 'cote',
    body: ({ ops }) => ({ paragraphId: ops[5], kind: 'insert-after', text: 'Encourages international cooperation on sanitation;' }),
  },
  { state: 'Türkiye', search: 'turk', body: ({ pps }) => ({ paragraphId: pps[1], kind: 'delete', note: 'Not needed' }) },
]

test('a Word zero draft imported through the UI, its compilation text exported as PDF names every proposing State', async ({
  browser,
  server,
  request,
}) => {
  const facilitator = await personPage(browser, server, 'Ana')
  await facilitator.goto('/')
  await facilitator.getByLabel('Word file (.docx)').check()
  const buffer = await zeroDraftDocx({ numbering: 'word' })
  await facilitator.getByLabel('Word file of the draft').setInputFiles({ name: 'zero-draft.docx', mimeType: DOCX_TYPE, buffer })
  await createAfterPreview(facilitator)
  await live(facilitator)
  const documentId = new URL(facilitator.url()).pathname.split('/').pop()!

  const links: string[] = []
  for (const proposal of PROPOSALS) links.push(await createInviteLink(facilitator, { role: 'delegation', search: proposal.search, state: proposal.state }))
  const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!
  const api = (link: string) => ({ authorization: `Bearer ${tokenOf(link)}` })

  const paragraphs = await request.get(`${server.url}/api/documents/${documentId}/paragraphs`, { headers: api(links[0]!) })
  expect(paragraphs.status()).toBe(200)
  const all = (await paragraphs.json()) as Array<{ id: string; kind: string }>
  const ids: Ids = { pps: all.filter((p) => p.kind === 'pp').map((p) => p.id), ops: all.filter((p) => p.kind !== 'pp').map((p) => p.id) }
  for (const [i, proposal] of PROPOSALS.entries()) {
    const response = await request.post(`${server.url}/api/documents/${documentId}/amendments`, {
      headers: api(links[i]!),
      data: proposal.body(ids),
    })
    expect(response.status(), await response.text()).toBe(201)
  }

  // The facilitator chooses the compilation text's PDF in the Export menu: the server's PDF opens.
  await facilitator.getByRole('button', { name: 'Export' }).click()
  const pdfLink = facilitator.getByRole('link', { name: 'Compilation text as PDF, opens in a new tab' })
  const served = await request.get(`${server.url}${await pdfLink.getAttribute('href')}`, { headers: api(links[0]!) })
  expect(served.headers()['content-type']).toBe('application/pdf')
  expect(served.headers()['content-disposition']).toBe('inline; filename="A-C.3-81-L.12-compilation.pdf"')
  const servedText = (await extractText(await getDocumentProxy(new Uint8Array(await served.body())), { mergePages: true })).text.replace(/\s+/g, ' ')
  for (const { state } of PROPOSALS) expect(servedText).toContain(state)

  // The print page is the same text for a browser's own "Save as PDF".
  const [page] = await Promise.all([
    facilitator.context().waitForEvent('page'),
    facilitator.getByRole('link', { name: 'Compilation text as Print page, opens in a new tab' }).click(),
  ])
  await page.waitForLoadState()
  await expect(page).toHaveTitle('A-C.3-81-L.12-compilation')
  const printButton = page.getByRole('button', { name: 'Print or save as PDF' })
  await expect(printButton).toBeVisible()
  // The button really prints (the page's policy allows its one handler); the dialog is stubbed.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes')
  })
  await printButton.click()
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')

  // Chromium's PDF printer, as "Save as PDF" in the print dialog does it.
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })
  const flat = text.replace(/\s+/g, ' ')
  expect(totalPages).toBeGreaterThanOrEqual(1)
  for (const { state } of PROPOSALS) expect(flat).toContain(`Proposed by ${state}`)
  expect(flat).toContain('Calls upon all States')
  expect(flat).toContain('and all partners')
  expect(flat).toContain('Encourages international cooperation on sanitation;')
  // What is hidden in print stays out of the PDF.
  expect(flat).not.toContain('Print or save as PDF')
})
