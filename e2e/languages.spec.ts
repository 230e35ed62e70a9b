import { createFromText, expect, live, ops, personPage, pps, test, textOf } from './support/fixtures'

/** Written for this test in the style of a Council draft in Arabic, with a footnote glued to its comma. */
const ARABIC = `A/HRC/57/L.99
مشروع قرار بشأن المياه
إن مجلس حقوق الإنسان،
إذ يشير إلى قراراته السابقة،1
وإذ يؤكد من جديد ميثاق الأمم المتحدة،
1 - يطلب إلى الدول أن تتخذ التدابير؛
2 - يقرر أن يبقي المسألة قيد نظره.
1 A/HRC/RES/54/1.`

test('an Arabic draft is read with its footnote, laid out right to left, and exported as a right-to-left PDF', async ({ browser, server, request }) => {
  const facilitator = await personPage(browser, server, 'Layla')
  await createFromText(facilitator, ARABIC)
  await live(facilitator)

  await expect(pps(facilitator)).toHaveCount(2)
  await expect(ops(facilitator)).toHaveCount(2)
  const resolution = facilitator.locator('.resolution')
  await expect(resolution).toHaveAttribute('dir', 'rtl')
  await expect(resolution).toHaveAttribute('lang', 'ar')
  expect(await pps(facilitator).first().evaluate((p) => getComputedStyle(p).direction)).toBe('rtl')
  expect(await textOf(ops(facilitator).first())).toBe('يطلب إلى الدول أن تتخذ التدابير؛')

  // The footnote is a numbered superscript after the comma, its body on hover and for screen readers.
  const footnote = pps(facilitator).first().locator('sup[data-type="footnote"]')
  await expect(footnote).toHaveAttribute('title', 'A/HRC/RES/54/1.')
  await expect(footnote).toHaveAttribute('aria-label', 'Footnote: A/HRC/RES/54/1.')
  await expect(footnote).toHaveAttribute('data-number', '1')

  // A facilitator selects it and edits its text; the paragraph's words do not change.
  await footnote.click()
  await expect(facilitator.getByRole('region', { name: 'Footnote 1' })).toBeVisible()
  await facilitator.getByLabel('Text of footnote 1').fill('A/HRC/RES/54/1, para. 3.')
  await facilitator.getByRole('button', { name: 'Save footnote' }).click()
  await expect(footnote).toHaveAttribute('title', 'A/HRC/RES/54/1, para. 3.')

  const documentId = new URL(facilitator.url()).pathname.split('/').pop()!
  const pdf = await facilitator.request.get(`${server.url}/api/documents/${documentId}/export?format=pdf&view=clean`)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const paragraphs = await request.get(`${server.url}/api/documents/${documentId}/paragraphs`, {
    headers: { cookie: (await facilitator.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
  })
  const [first] = (await paragraphs.json()) as Array<{ text: string; footnotes: Array<{ number: number; text: string }> }>
  expect(first.text).toBe('إذ يشير إلى قراراته السابقة،')
  expect(first.footnotes).toEqual([{ offset: 28, number: 1, text: 'A/HRC/RES/54/1, para. 3.' }])
})
