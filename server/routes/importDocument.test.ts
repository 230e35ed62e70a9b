import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocJson } from '../../shared/paragraphs/docJson'
import { documentCount } from '../test/documentCount'
import { docxOfLines, PNG_BYTES, ZERO_DRAFT_FOOTNOTE, ZERO_DRAFT_TITLE, zeroDraftDocx, zipBomb } from '../test/docxFixtures'
import { connect, startTestServer, synced, type TestServer, withToken } from '../test/testServer'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** POST /api/documents/import (or its preview) as a browser's form would send it (multipart/form-data). */
function upload(
  bytes: Uint8Array,
  fields: Record<string, string> = {},
  fileName = 'zero-draft.docx',
  baseUrl = server.url,
  headers = {},
  path = '/api/documents/import',
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: DOCX_TYPE }), fileName)
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  return fetch(`${baseUrl}${path}`, { method: 'POST', body: form, headers })
}

const preview = (bytes: Uint8Array, fileName?: string, baseUrl?: string, headers?: Record<string, string>) =>
  upload(bytes, {}, fileName, baseUrl, headers, '/api/documents/import/preview')

describe('POST /api/documents/import', () => {
  it('creates a resolution from a Word file and answers like POST /api/documents', async () => {
    const response = await upload(await zeroDraftDocx({ numbering: 'word' }), { name: 'Ana' })
    expect(response.status).toBe(201)
    const { id, token, url } = await response.json()
    expect(id).toMatch(/^r-/)
    expect(url).toBe(`${server.url}/join/${token}`)
    // The browser that gave a name is signed in as the facilitator.
    expect(response.headers.get('set-cookie')).toMatch(/penholder_session=/)

    const api = withToken(server.url, token)
    const paragraphs = await (await api(`/api/documents/${id}/paragraphs`)).json()
    expect(paragraphs.map((p: { kind: string; number: string; text: string }) => [p.kind, p.number, p.text])).toEqual([
      ['pp', 'PP1', 'Recalling its resolution 64/292 of 28 July 2010,'],
      ['pp', 'PP2', 'Reaffirming the Universal Declaration of Human Rights,'],
      ['pp', 'PP3', 'Deeply concerned that ad hoc arrangements remain insufficient,'],
      ['op', '1', 'Calls upon all States:'],
      ['sub', '1 (a)', 'To invest in water infrastructure, inter alia in rural areas;'],
      ['sub', '1 (b)', 'To share data:'],
      ['sub', '1 (b) (i)', 'On access;'],
      ['sub', '1 (b) (ii)', 'On quality;'],
      ['op', '2', 'Requests the Secretary-General to report to it at its eighty-third session;'],
      ['op', '3', 'Decides to remain seized of the matter.'],
    ])
    expect(paragraphs[1].footnotes).toEqual([
      { offset: paragraphs[1].text.length, text: ZERO_DRAFT_FOOTNOTE, number: 1 },
    ])
    const { document } = await (await api(`/api/documents/${id}`)).json()
    expect(document).toMatchObject({ title: ZERO_DRAFT_TITLE, symbol: 'A/C.3/81/L.12', ppCount: 3, opCount: 3 })

    // The italics inside paragraphs are in the shared text as italic marks.
    const { doc, provider } = connect(server.wsBase, id, token)
    try {
      await synced(provider)
      const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment('default')) as DocJson
      const italicRuns = (node: DocJson): string[] =>
        node.marks?.some((mark) => mark.type === 'italic') ? [node.text ?? ''] : (node.content ?? []).flatMap(italicRuns)
      expect(italicRuns(json)).toEqual(['ad hoc', 'inter alia'])
    } finally {
      provider.destroy()
    }
  })

  it('takes the title from the form when given', async () => {
    const response = await upload(await zeroDraftDocx(), { title: 'Water for all' })
    expect(response.status).toBe(201)
    const { id, token } = await response.json()
    const { document } = await (await withToken(server.url, token)(`/api/documents/${id}`)).json()
    expect(document.title).toBe('Water for all')
  })

  it('refuses bad files with a clear 4xx { error } and creates nothing', async () => {
    const whole = await zeroDraftDocx()
    const cases: Array<[string, Uint8Array, number, RegExp]> = [
      ['empty.docx', new Uint8Array(0), 400, /^“empty\.docx” is empty/],
      ['half.docx', whole.subarray(0, Math.floor(whole.length / 2)), 400, /^“half\.docx” is damaged/],
      ['photo.docx', PNG_BYTES, 400, /^“photo\.docx” is not a Word \(\.docx\) file/],
      ['bomb.docx', zipBomb({ megabytes: 60 }), 413, /^“bomb\.docx” was not read: it expands to more than 50 MB/],
    ]
    for (const [fileName, bytes, status, error] of cases) {
      const response = await upload(bytes, { name: 'Ana' }, fileName)
      expect(response.status, fileName).toBe(status)
      expect((await response.json()).error, fileName).toMatch(error)
    }
    expect(documentCount(server.dataDir)).toBe(0)
  })

  it('refuses an upload larger than 5 MB before reading it', async () => {
    const response = await upload(new Uint8Array(6 * 1024 * 1024), {}, 'huge.docx')
    expect(response.status).toBe(413)
    expect((await response.json()).error).toMatch(/larger than 5 MB/)
    expect(documentCount(server.dataDir)).toBe(0)
  })

  it('names the field when the form is wrong', async () => {
    const noFile = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: new FormData() })
    expect(noFile.status).toBe(400)
    expect((await noFile.json()).error).toBe('file: choose a Word (.docx) file to import')
    const json = await fetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'x' }),
    })
    expect(json.status).toBe(400)
    expect((await json.json()).error).toMatch(/^file: /)
    const longName = await upload(await zeroDraftDocx(), { name: 'x'.repeat(81) })
    expect(longName.status).toBe(400)
    expect((await longName.json()).error).toBe('name: at most 80 characters')
    expect(documentCount(server.dataDir)).toBe(0)
  })

  it('needs the creation key when the deployment sets one, like POST /api/documents', async () => {
    const restricted = await startTestServer({ createToken: 'open-sesame' })
    try {
      const bytes = await zeroDraftDocx()
      const refused = await upload(bytes, {}, 'draft.docx', restricted.url)
      expect(refused.status).toBe(403)
      expect((await refused.json()).error).toMatch(/creation key/)
      const allowed = await upload(bytes, {}, 'draft.docx', restricted.url, { authorization: 'Bearer open-sesame' })
      expect(allowed.status).toBe(201)
    } finally {
      await restricted.dispose()
    }
  })
})

describe('POST /api/documents/import/preview', () => {
  it('reads a Word file into the draft the import would create, and creates nothing', async () => {
    const response = await preview(await zeroDraftDocx({ numbering: 'word' }))
    expect(response.status).toBe(200)
    const { draft, dropped, warnings } = await response.json()
    expect(draft.title).toBe(ZERO_DRAFT_TITLE)
    expect(draft.heading.symbol).toBe('A/C.3/81/L.12')
    expect(draft.paragraphs.map((p: { kind: string; level?: number }) => [p.kind, p.level ?? null])).toEqual([
      ['pp', null],
      ['pp', null],
      ['pp', null],
      ['op', 0],
      ['op', 1],
      ['op', 1],
      ['op', 2],
      ['op', 2],
      ['op', 0],
      ['op', 0],
    ])
    expect(draft.paragraphs[1].footnotes).toEqual([{ offset: draft.paragraphs[1].text.length, text: ZERO_DRAFT_FOOTNOTE }])
    expect(dropped).toEqual([])
    expect(warnings).toEqual([])
    expect(documentCount(server.dataDir)).toBe(0)
  })

  it('warns about what the file lacks instead of refusing it', async () => {
    const response = await preview(await docxOfLines(['The General Assembly,', 'Recalling its resolutions,']))
    expect(response.status).toBe(200)
    const { draft, warnings } = await response.json()
    expect(draft.title).toBe('')
    expect(warnings).toEqual([expect.stringMatching(/^No title was found/), expect.stringMatching(/^No operative paragraphs/)])
  })

  it('refuses a bad file like the import does, and needs the creation key when the deployment sets one', async () => {
    const bad = await preview(PNG_BYTES, 'photo.docx')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatch(/^“photo\.docx” is not a Word \(\.docx\) file/)
    const restricted = await startTestServer({ createToken: 'open-sesame' })
    try {
      const bytes = await zeroDraftDocx()
      expect((await preview(bytes, 'draft.docx', restricted.url)).status).toBe(403)
      expect((await preview(bytes, 'draft.docx', restricted.url, { authorization: 'Bearer open-sesame' })).status).toBe(200)
    } finally {
      await restricted.dispose()
    }
  })
})
