import { strFromU8, unzipSync } from 'fflate'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Paragraph } from '../../shared/paragraphs/types'
import type { VersionSummary } from '../../shared/versions/types'
import { PRINT_BUTTON_LABEL } from './cleanHtml'
import { aknValidationUnavailable, validateAkn } from './aknValidation'
import {
  connect,
  createDocument,
  eventually,
  invite,
  paragraphText,
  startTestServer,
  synced,
  type TestServer,
  withToken,
} from '../test/testServer'

const TEXT = `United Nations A/C.3/74/L.31
General Assembly Distr.: Limited
Seventy-fourth session
Agenda item 70 (b)
Norway and Mexico: draft resolution
Protecting human rights defenders
The General Assembly,
Recalling its previous resolutions on human rights defenders,
Deeply concerned that defenders are targeted online,
1. Calls upon all States to respect the rights of human rights defenders;
2. Urges States:
(a) To refrain from arbitrary surveillance;
(b) To provide effective remedies;
3. Decides to remain seized of the matter.`

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

let server: TestServer
let documentId: string
let tokens: { facilitator: string; mexico: string; observer: string }
let ids: string[]
let rev1: VersionSummary
let rev2: VersionSummary
const destroy: Array<() => void> = []

type Who = keyof typeof tokens
const get = (who: Who, path: string) => withToken(server.url, tokens[who])(`/api/documents/${documentId}${path}`)
const post = (who: Who, path: string, body: object) =>
  withToken(server.url, tokens[who])(`/api/documents/${documentId}${path}`, { method: 'POST', body: JSON.stringify(body) })
const exportAs = (who: Who, query: string) => get(who, `/export?${query}`)

async function expectOk(response: Response, contentType: string, disposition: string): Promise<Response> {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${await response.clone().text()}`)
  expect(response.headers.get('content-type')).toBe(contentType)
  expect(response.headers.get('content-disposition')).toBe(disposition)
  return response
}
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer())
/** The text of the Word document's body, and its XML. */
function wordXml(docx: Uint8Array): string {
  expect(strFromU8(docx.slice(0, 2))).toBe('PK')
  return strFromU8(unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml']!)
}
const PDF = 'application/pdf'
const HTML = 'text/html; charset=UTF-8'
/** A PDF's text, its whitespace collapsed. */
async function pdfText(response: Response): Promise<string> {
  const data = await bytes(response)
  expect(strFromU8(data.slice(0, 5))).toBe('%PDF-')
  const { text } = await extractText(await getDocumentProxy(data), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}
const wordText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

async function expectError(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(((await response.json()) as { error: string }).error).toMatch(message)
}

beforeAll(async () => {
  server = await startTestServer({ checkpointEveryMs: 10 * 60_000 })
  const created = await createDocument(server.url, { text: TEXT })
  documentId = created.id
  tokens = {
    facilitator: created.token,
    mexico: (await invite(server.url, created.token, documentId, { role: 'delegation', state: 'Mexico' })).token,
    observer: (await invite(server.url, created.token, documentId, { role: 'observer', organisation: 'ISHR' })).token,
  }
  ids = ((await (await get('facilitator', '/paragraphs')).json()) as Paragraph[]).map((p) => p.id)

  // Rev.1, an edit, Rev.2, a further edit in the live text, and a pending proposal from Mexico.
  rev1 = ((await (await post('facilitator', '/versions', { label: 'Rev.1' })).json()) as { version: VersionSummary }).version
  const writer = connect(server.wsBase, documentId, tokens.facilitator)
  destroy.push(() => writer.provider.destroy())
  await synced(writer.provider)
  const type = async (words: string) => {
    paragraphText(writer.doc, 'operatives', 0).insert(0, words)
    await eventually(async () => {
      const paragraphs = (await (await get('facilitator', '/paragraphs')).json()) as Paragraph[]
      expect(paragraphs.filter((p) => p.kind === 'op')[0]!.text.startsWith(words)).toBe(true)
    })
  }
  await type('Strongly ')
  rev2 = ((await (await post('facilitator', '/versions', { label: 'Rev.2' })).json()) as { version: VersionSummary }).version
  await type('Also ')
  const proposal = await post('mexico', '/amendments', {
    paragraphId: ids[2],
    kind: 'replace',
    text: 'Also Strongly Calls upon all States to respect & protect the rights of <human rights defenders>;',
    note: 'Stronger language',
  })
  expect(proposal.status).toBe(201)
})
afterAll(async () => {
  for (const d of destroy.splice(0)) d()
  await server.dispose()
})

describe('GET /api/documents/:id/export', () => {
  describe('the clean text', () => {
    it('as .docx: a Word file of the live text, named from the symbol', async () => {
      const response = await expectOk(await exportAs('observer', 'format=docx&view=clean'), DOCX, 'attachment; filename="A-C.3-74-L.31.docx"')
      const text = wordText(wordXml(await bytes(response)))
      expect(text).toContain('Also Strongly Calls upon all States')
      expect(text).toContain('To refrain from arbitrary surveillance;')
    })

    it('as PDF: a PDF file made on the server, served inline under the .pdf name', async () => {
      const text = await pdfText(await expectOk(await exportAs('observer', 'format=pdf'), PDF, 'inline; filename="A-C.3-74-L.31.pdf"'))
      expect(text).toContain('A/C.3/74/L.31')
      expect(text).toContain('Also Strongly Calls upon all States')
      expect(text).toContain('To refrain from arbitrary surveillance;')
    })

    it('as the printable page: a print button, served inline under the file name', async () => {
      const response = await expectOk(await exportAs('observer', 'format=html'), HTML, 'inline; filename="A-C.3-74-L.31.html"')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'unsafe-hashes' 'sha256-")
      const html = await response.text()
      expect(html).toContain(`<button type="button" onclick="window.print()">${PRINT_BUTTON_LABEL}</button>`)
      expect(html).toContain('<title>A-C.3-74-L.31</title>')
      expect(html).toContain('<i>Also Strongly Calls upon</i> all States')
      expect(html).toContain('<span class="number">(b)</span>')
    })

    it('as Akoma Ntoso: valid XML of the live text with every paragraph id', async () => {
      const response = await expectOk(await exportAs('observer', 'format=akn'), 'application/akn+xml', 'attachment; filename="A-C.3-74-L.31.akn.xml"')
      const xml = await response.text()
      for (const id of ids) expect(xml).toContain(`GUID="${id}"`)
      expect(xml).toContain('<docNumber>A/C.3/74/L.31</docNumber>')
      expect(xml).toContain('<point eId="para_2__point_b"')
      expect(xml).toContain('Also Strongly Calls upon')
      expect(xml).not.toContain('FRBRversionNumber')
      if (!aknValidationUnavailable) expect(validateAkn(xml)).toMatchObject({ valid: true })
    })

    it('of a version: that version’s text, its label in the file name', async () => {
      const akn = await expectOk(
        await exportAs('mexico', `format=akn&version=${rev1.id}`),
        'application/akn+xml',
        'attachment; filename="A-C.3-74-L.31-Rev.1.akn.xml"',
      )
      const xml = await akn.text()
      expect(xml).toContain('<i>Calls upon</i> all States to respect')
      expect(xml).not.toContain('Strongly')
      expect(xml).toContain(`<FRBRversionNumber value="${rev1.id}"/>`)
      const docx = await expectOk(await exportAs('mexico', `format=docx&version=${rev2.id}`), DOCX, 'attachment; filename="A-C.3-74-L.31-Rev.2.docx"')
      const text = wordText(wordXml(await bytes(docx)))
      expect(text).toContain('Strongly Calls upon')
      expect(text).not.toContain('Also Strongly')
      const page = await expectOk(await exportAs('mexico', `view=clean&format=html&version=${rev2.id}`), HTML, 'inline; filename="A-C.3-74-L.31-Rev.2.html"')
      expect(await page.text()).toContain('<p class="version">Rev.2</p>')
      const pdf = await pdfText(await expectOk(await exportAs('mexico', `format=pdf&version=${rev2.id}`), PDF, 'inline; filename="A-C.3-74-L.31-Rev.2.pdf"'))
      expect(pdf).toContain('Strongly Calls upon')
      expect(pdf).not.toContain('Also Strongly')
      // "live" names the live text explicitly.
      await expectOk(await exportAs('mexico', 'format=akn&version=live'), 'application/akn+xml', 'attachment; filename="A-C.3-74-L.31.akn.xml"')
    })
  })

  describe('the compilation text', () => {
    it('as .docx: the paragraphs with Mexico’s pending proposal', async () => {
      const response = await expectOk(
        await exportAs('observer', 'format=docx&view=compilation'),
        DOCX,
        'attachment; filename="A-C.3-74-L.31-compilation.docx"',
      )
      const text = wordText(wordXml(await bytes(response)))
      expect(text).toContain('Mexico')
      expect(text).toContain('Decides to remain seized of the matter.')
    })

    it('as PDF: the paragraphs with the proposal under its paragraph, attributed', async () => {
      const text = await pdfText(
        await expectOk(await exportAs('observer', 'format=pdf&view=compilation'), PDF, 'inline; filename="A-C.3-74-L.31-compilation.pdf"'),
      )
      expect(text).toContain('Compilation text as of')
      expect(text).toMatch(/Deeply concerned that defenders are targeted online,.*Also Strongly Calls upon.*Proposed by Mexico.*<human rights defenders>.*Stronger language/)
    })

    it('as the printable page: the proposing State, escaped, without the filter form', async () => {
      const response = await expectOk(
        await exportAs('observer', 'format=html&view=compilation'),
        HTML,
        'inline; filename="A-C.3-74-L.31-compilation.html"',
      )
      const html = await response.text()
      expect(html).toContain('Proposed by Mexico')
      expect(html).toContain('<ins>&lt;</ins>human rights defenders<ins>&gt;</ins>')
      expect(html).not.toContain('<human')
      expect(html).toContain(PRINT_BUTTON_LABEL)
      expect(html).not.toContain('<form')
    })
  })

  describe('the redline', () => {
    it('as PDF and as the printable page: against the newest named version by default, to the live text', async () => {
      const text = await pdfText(await expectOk(await exportAs('observer', 'format=pdf&view=redline'), PDF, 'inline; filename="A-C.3-74-L.31-redline.pdf"'))
      expect(text).toContain('Changes from Rev.2 to Current text')
      expect(text).toContain('Also Strongly Calls upon')
      const response = await expectOk(await exportAs('observer', 'format=html&view=redline'), HTML, 'inline; filename="A-C.3-74-L.31-redline.html"')
      const html = await response.text()
      expect(html).toContain('Changes from Rev.2 to Current text')
      expect(html).toContain('<ins>Also </ins>')
    })

    it('as .docx with tracked changes, between two versions', async () => {
      const response = await expectOk(
        await exportAs('observer', `format=docx&view=redline&against=${rev1.id}&version=${rev2.id}`),
        DOCX,
        'attachment; filename="A-C.3-74-L.31-Rev.2-redline.docx"',
      )
      const xml = wordXml(await bytes(response))
      expect(xml).toMatch(/<w:ins [^>]*w:author="Facilitator \(Facilitator\)"/)
      expect(xml).toContain('Strongly')
    })

    it('as the printable page between two versions, either way round', async () => {
      const response = await expectOk(
        await exportAs('observer', `format=html&view=redline&against=${rev2.id}&version=${rev1.id}`),
        HTML,
        'inline; filename="A-C.3-74-L.31-Rev.1-redline.html"',
      )
      const html = await response.text()
      expect(html).toContain('Changes from Rev.2 to Rev.1')
      expect(html).toContain('<del>Strongly </del>')
    })
  })

  describe('refusals', () => {
    it('answers a bad query with 400 and the field at fault', async () => {
      const cases: Array<[string, RegExp]> = [
        ['', /^format: /],
        ['format=xls', /^format: one of docx, pdf, akn, html/],
        ['format=pdf&view=minutes', /^view: one of clean, compilation, redline/],
        ['format=akn&view=compilation', /^view: akn exports clean only/],
        ['format=akn&view=redline', /^view: akn exports clean only/],
        [`format=pdf&view=compilation&version=${rev1.id}`, /^version: the compilation text is always of the current text/],
        [`format=docx&view=clean&against=${rev1.id}`, /^against: only for the redline view/],
        ['format=docx&version=', /^version: /],
        [`format=docx&version=${'v'.repeat(101)}`, /^version: /],
      ]
      for (const [query, message] of cases) await expectError(await exportAs('observer', query), 400, message)
    })

    it('refuses the redline while there is no named version to compare with', async () => {
      const fresh = await createDocument(server.url, { text: 'Fresh\n\nThe General Assembly,\nRecalling,\n1. Decides;' })
      const response = await withToken(server.url, fresh.token)(`/api/documents/${fresh.id}/export?format=pdf&view=redline`)
      await expectError(response, 404, /^against: .*no named version/)
      // With an explicit version to compare with, it is given.
      expect((await withToken(server.url, fresh.token)(`/api/documents/${fresh.id}/export?format=pdf&view=redline&against=live`)).status).toBe(200)
    })

    it('answers an unknown version with 404', async () => {
      await expectError(await exportAs('observer', 'format=akn&version=v-nope'), 404, /^version: no version/)
      await expectError(await exportAs('observer', 'format=docx&view=redline&against=v-nope'), 404, /^against: no version/)
      await expectError(await exportAs('observer', `format=pdf&view=redline&against=${rev1.id}&version=v-nope`), 404, /^version: no version/)
    })

    it('does not export another resolution’s version', async () => {
      const other = await createDocument(server.url, { text: 'Other\n\nThe General Assembly,\nRecalling,\n1. Decides;' })
      const otherVersion = (await (
        await withToken(server.url, other.token)(`/api/documents/${other.id}/versions`, { method: 'POST', body: JSON.stringify({ label: 'Rev.9' }) })
      ).json()) as { version: VersionSummary }
      await expectError(await exportAs('observer', `format=akn&version=${otherVersion.version.id}`), 404, /^version: no version/)
      // … and nobody exports a resolution they have no access to.
      const stranger = await withToken(server.url, tokens.observer)(`/api/documents/${other.id}/export?format=akn`)
      expect(stranger.status).toBe(403)
    })

    it('needs read access, and an existing resolution', async () => {
      expect((await fetch(`${server.url}/api/documents/${documentId}/export?format=pdf`)).status).toBe(401)
      await expectError(await withToken(server.url, tokens.observer)('/api/documents/r-nope/export?format=pdf'), 404, /No resolution/)
    })
  })

  it('lets an observer export every format and view', async () => {
    const expected: Array<[string, string]> = [
      ['format=docx&view=clean', DOCX],
      ['format=pdf&view=clean', PDF],
      ['format=html&view=clean', HTML],
      ['format=akn&view=clean', 'application/akn+xml'],
      ['format=docx&view=compilation', DOCX],
      ['format=pdf&view=compilation', PDF],
      ['format=html&view=compilation', HTML],
      ['format=docx&view=redline', DOCX],
      ['format=pdf&view=redline', PDF],
      ['format=html&view=redline', HTML],
    ]
    for (const [query, type] of expected) {
      const response = await exportAs('observer', query)
      expect([query, response.status, response.headers.get('content-type')]).toEqual([query, 200, type])
    }
  })
})
