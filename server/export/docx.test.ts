import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { compileText } from '../../shared/amendments/compile'
import { type AmendmentFields, pendingAmendment } from '../../shared/amendments/testing'
import type { Amendment } from '../../shared/amendments/types'
import { parseResolutionText } from '../../shared/paragraphs/parseResolutionText'
import type { Paragraph } from '../../shared/paragraphs/types'
import { compareVersions } from '../../shared/versions/compareVersions'
import { cleanDocx, compilationDocx, redlineDocx } from './docx'
import { adoptedReading, arabicReading, thirtyParagraphReading } from './exportFixtures'
import {
  acceptedLinesFromXml,
  documentXml,
  htmlParagraphs,
  paragraphsOf,
  paragraphXml,
  printed,
  printedLine,
  rawLines,
  readingOf,
  rejectedLines,
  runsOf,
  settingsXml,
  textOfSpec,
  thirtySpecs,
  type Spec,
} from './docxTestKit'
import { emptyHeading } from '../../shared/paragraphs/types'

const CLOSING_RULE = '__________'

/** What mammoth should give for a paragraph: number and tab, then the italic opening, then the rest. */
function expectedHtml(spec: Spec, p: Paragraph): string {
  const number = printed(p)
  const opening = spec.opening ? `<em>${spec.opening}</em>` : ''
  return `${number ? `${number}\t` : ''}${opening}${spec.rest}`
}

/** The italic words of one mammoth paragraph, adjacent <em>s joined. */
const italicText = (html: string): string => [...html.matchAll(/<em>([\s\S]*?)<\/em>/g)].map((m) => m[1]).join('')

/** The lines between the enacting line (or a header line) and the closing rule. */
function bodyAfter<T>(lines: T[], start: number): T[] {
  const end = lines.lastIndexOf(CLOSING_RULE as T)
  expect(start).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  return lines.slice(start + 1, end)
}

describe('cleanDocx', () => {
  const specs = thirtySpecs()
  const reading = readingOf(specs)

  it('builds a 30-paragraph resolution with 8 PPs, 15 OPs and 7 sub-paragraphs (the fixture itself)', () => {
    expect(reading.paragraphs).toHaveLength(30)
    expect(reading.paragraphs.map((p) => p.number).slice(7, 14)).toEqual(['PP8', '1', '2', '3', '4', '4 (a)', '4 (b)'])
    expect(reading.paragraphs.filter((p) => p.kind === 'sub')).toHaveLength(7)
  })

  it('reads back, paragraph by paragraph and in order: OPs "1.", sub-paragraphs "(a)"/"(i)", PPs unnumbered, openings in italics', async () => {
    const html = await htmlParagraphs(await cleanDocx(reading))
    const body = bodyAfter(html, html.indexOf('<em>The General Assembly,</em>'))
    expect(body).toEqual(specs.map((spec, i) => expectedHtml(spec, reading.paragraphs[i])))
    // Spot checks that do not go through the helper that built the expectation.
    expect(body[0]).toBe('<em>Recalling</em> its resolution 70/100 on the safety of journalists and the issue of impunity,')
    expect(body[8]).toBe('1.\t<em>Urges</em> all States to ensure the safety of journalists, case 0;')
    expect(body[12]).toBe('(a)\tto protect journalists and media workers in situation 4;')
    expect(body[14]).toBe('(i)\tto protect journalists and media workers in situation 6;')
    expect(body[29]).toMatch(/^15\.\t<em>Urges<\/em> /)
    expect(body.some((line) => line.startsWith('PP'))).toBe(false)
  })

  it('opens with the UN heading: symbol, organ, session, agenda item, sponsors and title in bold, and no distribution block the text lacks', async () => {
    const html = await htmlParagraphs(await cleanDocx(reading))
    expect(html.slice(0, 8)).toEqual([
      '<strong>A/C.3/74/L.31</strong>',
      '<strong>United Nations</strong>',
      '<strong>General Assembly</strong>',
      'Seventy-fourth session',
      'Agenda item 70 (b)',
      '<strong>Austria, Brazil, Chile and Mexico: draft resolution</strong>',
      '<strong>The safety of journalists and the issue of impunity</strong>',
      '<em>The General Assembly,</em>',
    ])
  })

  it('sets Times New Roman 12 pt, the symbol right-aligned in bold, and a page number field in the footer', async () => {
    const buffer = await cleanDocx(reading)
    const files = unzipSync(new Uint8Array(buffer))
    const styles = strFromU8(files['word/styles.xml'])
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/)
    expect(styles).toMatch(/<w:sz w:val="24"\/>/)
    const symbol = paragraphXml(documentXml(buffer)).find((p) => p.includes('A/C.3/74/L.31'))
    expect(symbol).toMatch(/<w:jc w:val="right"\/>/)
    expect(symbol).toMatch(/<w:b\/>/)
    const footers = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name))
    expect(footers.length).toBeGreaterThan(0)
    for (const name of footers) expect(strFromU8(files[name])).toMatch(/PAGE/)
  })

  it('is read back by the paste recogniser (the import\'s) as the same heading, title and paragraphs', async () => {
    const lines = await rawLines(await cleanDocx(reading))
    const draft = parseResolutionText(lines.join('\n\n'))
    expect(draft.heading).toMatchObject({
      symbol: 'A/C.3/74/L.31',
      session: 'Seventy-fourth session',
      agendaItem: 'Agenda item 70 (b)',
      sponsors: 'Austria, Brazil, Chile and Mexico: draft resolution',
    })
    expect(draft.title).toBe(reading.title)
    expect(draft.enacting).toBe('The General Assembly,')
    expect(draft.paragraphs).toEqual(
      specs.map((s) => (s.kind === 'pp' ? { kind: 'pp', text: textOfSpec(s) } : { kind: 'op', level: s.level ?? 0, text: textOfSpec(s) })),
    )
  })

  it('leaves a lone OP unnumbered, invents no distribution block, and keeps &, < and quotes intact', async () => {
    const specsOne: Spec[] = [
      { id: 'a', kind: 'pp', opening: 'Recalling', rest: ' the "Rio" & <Paris> declarations,' },
      { id: 'b', kind: 'op', opening: 'Decides', rest: ' to remain seized of the matter.' },
    ]
    const one = { ...readingOf(specsOne), heading: { ...emptyHeading(), symbol: 'A/RES/74/157', session: '', agendaItem: '', sponsors: '' } }
    const lines = await rawLines(await cleanDocx(one))
    expect(lines.filter((line) => /Distr\.|Original:/.test(line))).toEqual([])
    expect(bodyAfter(lines, lines.indexOf('The General Assembly,'))).toEqual([
      'Recalling the "Rio" & <Paris> declarations,',
      'Decides to remain seized of the matter.',
    ])
  })
})

describe('cleanDocx of a text with footnotes, an adoption record or in Arabic', () => {
  const part = (buffer: Buffer, name: string) => strFromU8(unzipSync(new Uint8Array(buffer))[name]!)

  it('makes each footnote a Word footnote referenced where its marker stands', async () => {
    const buffer = await cleanDocx(thirtyParagraphReading())
    const body = part(buffer, 'word/document.xml')
    const notes = part(buffer, 'word/footnotes.xml')
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(4)
    // After "Human Rights", before the comma, as the fixture places it.
    expect(body).toMatch(/Human Rights<\/w:t><\/w:r><w:r>(?:(?!<w:t).)*<w:footnoteReference w:id="(\d+)"\/><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>,<\/w:t>/s)
    for (const text of ['Resolution 217 A (III).', 'A/74/159 &amp; &lt;Corr.1&gt;.', 'See also the report of the High Commissioner.', 'Including at its seventy-fifth session.']) {
      expect(notes).toContain(text)
    }
    const html = await htmlParagraphs(buffer)
    expect(html.slice(0, 12)).toContain('Distr.: Limited')
    expect(html.slice(0, 12)).toContain('5 November 2019')
  })

  it('prints the adoption record, the resolution number and the meeting line, and no distribution block', async () => {
    const lines = await rawLines(await cleanDocx(adoptedReading()))
    expect(lines).toContain('Resolution adopted by the General Assembly on 18 December 2019')
    expect(lines).toContain('74/146. Protecting human rights defenders <in the digital age>')
    expect(lines.indexOf('50th plenary meeting, 18 December 2019')).toBeGreaterThan(lines.indexOf('Decides to remain seized of the matter.'))
    expect(lines.filter((line) => /Distr\.|Original:/.test(line))).toEqual([])
  })

  it('sets an Arabic text right to left: bidirectional paragraphs, right-to-left runs', async () => {
    const body = part(await cleanDocx(arabicReading()), 'word/document.xml')
    const paragraphs = paragraphXml(body).filter((p) => /[\u0600-\u06FF]/.test(p))
    expect(paragraphs.length).toBeGreaterThan(5)
    for (const p of paragraphs) {
      expect(p).toContain('<w:bidi/>')
      expect(p).toMatch(/<w:rtl\/>/)
    }
    expect(body).toContain('الأمم المتحدة')
  })
})

// ---------------------------------------------------------------------------------------------

const at = (minute: number): string => new Date(Date.UTC(2024, 10, 20, 9, 0) + minute * 60_000).toISOString()

const amendment = (paragraphs: Paragraph[], fields: AmendmentFields): Amendment =>
  pendingAmendment(paragraphs, { createdAt: at(0), ...fields })

describe('compilationDocx', () => {
  const paragraphs = paragraphsOf(thirtySpecs()).map((p): Paragraph => (p.number === '2' ? { ...p, status: 'agreed-ad-ref' } : p))
  const byNumber = (number: string): Paragraph => paragraphs.find((p) => p.number === number)!
  const op1 = byNumber('1')
  const amendments: Amendment[] = [
    amendment(paragraphs, {
      id: 'a1',
      paragraphId: op1.id,
      kind: 'replace',
      text: op1.text.replace('to ensure the safety', 'to guarantee fully the safety'),
      state: 'Brazil',
      supporters: ['Chile', 'Peru'],
      objectors: ['Kenya'],
      note: 'Stronger language agreed in Geneva.',
      createdAt: at(1),
    }),
    amendment(paragraphs, { id: 'a2', paragraphId: byNumber('PP3').id, kind: 'delete', state: 'Norway', createdAt: at(2) }),
    amendment(paragraphs, {
      id: 'a3',
      paragraphId: byNumber('4').id,
      kind: 'insert-after',
      text: 'Calls upon States to release arbitrarily detained journalists;',
      newParagraphKind: 'op',
      state: 'Mexico',
      createdAt: at(3),
    }),
    amendment(paragraphs, {
      id: 'a4',
      paragraphId: byNumber('4 (a)').id,
      kind: 'replace',
      text: 'to protect journalists in situation 4;',
      state: 'Japan',
      enteredBy: 'facilitator-1',
      createdAt: at(4),
    }),
    amendment(paragraphs, {
      id: 'a5',
      paragraphId: 'gone',
      kind: 'replace',
      baseText: 'Welcomes the report of the Secretary-General;',
      text: 'Welcomes with appreciation the report of the Secretary-General;',
      state: 'European Union',
      createdAt: at(5),
    }),
  ]
  const compilation = compileText(paragraphs, amendments)
  const meta = { title: 'The safety of journalists', symbol: 'A/C.3/74/L.31', generatedAt: '2024-11-20T10:00:00Z' }

  it('names every proposing State, with who joined and who objected', async () => {
    const text = (await rawLines(await compilationDocx(compilation, meta))).join('\n')
    expect(compilation.totals.states).toEqual(['Brazil', 'European Union', 'Japan', 'Mexico', 'Norway'])
    for (const state of compilation.totals.states) expect(text).toContain(`Proposed by ${state}`)
    expect(text).toContain('Amend to read — Proposed by Brazil, joined by Chile and Peru; objected to by Kenya')
    expect(text).toContain('Delete the paragraph — Proposed by Norway')
    expect(text).toContain('Proposed by Japan; entered by the facilitators on behalf of Japan')
    expect(text).toContain('Compilation text as of 20 November 2024, 10:00 UTC')
  })

  /** A draft gets no mark; other statuses and contested paragraphs do. */
  const flags = (p: Paragraph): string => {
    const marks = [p.status === 'agreed-ad-ref' ? '[Agreed ad ref]' : '', p.id === op1.id ? '[Contested]' : '']
    return marks.some(Boolean) ? `  ${marks.filter(Boolean).join(' ')}` : ''
  }

  it('keeps every paragraph, in order, numbered as negotiators cite it with its status, then the orphan', async () => {
    const lines = await rawLines(await compilationDocx(compilation, meta))
    const positions = paragraphs.map((p) => {
      const label = p.kind === 'pp' ? p.number : printed(p)
      return lines.findIndex((line) => line === `${label}\t${p.text}${flags(p)}`)
    })
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    const orphan = lines.findIndex((line) => line.startsWith('This paragraph is no longer in the text'))
    expect(orphan).toBeGreaterThan(positions[positions.length - 1])
    expect(lines.slice(orphan)).toContain('Welcomes the report of the Secretary-General;')
  })

  it('marks insertions bold and underlined and deletions struck through, as formatting rather than tracked changes', async () => {
    const xml = documentXml(await compilationDocx(compilation, meta))
    const runs = runsOf(xml)
    const proposals = compilation.paragraphs.flatMap((p) => [...p.proposals, ...p.insertions])
    const inserted = proposals.flatMap((p) => p.redline.filter((s) => s.op === 'insert'))
    const deleted = proposals.flatMap((p) => p.redline.filter((s) => s.op === 'delete'))
    expect(inserted.map((s) => s.text)).toContain('guarantee fully')
    expect(deleted.map((s) => s.text)).toContain('ensure')
    for (const segment of inserted) {
      expect(runs.some((r) => r.text === segment.text && /<w:b\/>/.test(r.props) && /<w:u w:val="single"\/>/.test(r.props))).toBe(true)
    }
    for (const segment of deleted) {
      expect(runs.some((r) => r.text === segment.text && /<w:strike\/>/.test(r.props))).toBe(true)
    }
    // Unchanged words stay plain, and nothing is a tracked change.
    expect(runs.some((r) => r.text.includes(' all States to ') && r.props === '')).toBe(true)
    expect(xml).not.toMatch(/<w:ins |<w:del /)
  })

  it('sets the new paragraph in place under its label, and the justification in italics', async () => {
    const buffer = await compilationDocx(compilation, meta)
    const lines = await rawLines(buffer)
    const op4 = lines.findIndex((line) => line.startsWith('4.\t'))
    const label = lines.indexOf('OP 4 bis (Mexico)')
    expect(label).toBeGreaterThan(op4)
    expect(lines[label + 1]).toBe('Calls upon States to release arbitrarily detained journalists;')
    expect(lines[label + 2]).toBe('Insert a new paragraph — Proposed by Mexico')
    expect(label).toBeLessThan(lines.findIndex((line) => line.startsWith('(a)\t')))
    const html = await htmlParagraphs(buffer)
    expect(html).toContain('<em>Stronger language agreed in Geneva.</em>')
  })
})

// ---------------------------------------------------------------------------------------------

const REVIEWER = { author: 'Rapporteur (Mexico)', date: '2024-11-20T10:00:00Z' }

/** Rev.1 → Rev.2: wording changed in a PP (its opening too), an OP and a sub-paragraph; paragraphs added and deleted, the last one included. */
function rev2(specs: Spec[]): Spec[] {
  const next = specs.map((s) => ({ ...s }))
  const find = (id: string): Spec => next.find((s) => s.id === id)!
  find('pp2').opening = 'Recalling also'
  find('op2').rest = find('op2').rest.replace('to ensure the safety', 'to guarantee the safety')
  find('op-s5').rest = 'to protect journalists, media workers and their sources in situation 5;'
  const without = next.filter((s) => !['pp5', 'op10', 'op21'].includes(s.id))
  const insertAfter = (id: string, spec: Spec): void => {
    without.splice(without.findIndex((s) => s.id === id) + 1, 0, spec)
  }
  insertAfter('pp7', { id: 'pp-new', kind: 'pp', opening: 'Welcoming', rest: ' the work of the Special Rapporteur,' })
  insertAfter('op1', { id: 'op-new', kind: 'op', level: 0, opening: 'Condemns', rest: ' all attacks on journalists;' })
  insertAfter('op-s14', { id: 'sub-new', kind: 'op', level: 1, opening: '', rest: 'to train law enforcement officials;' })
  return without
}

describe('redlineDocx', () => {
  const older = paragraphsOf(thirtySpecs())
  const newer = paragraphsOf(rev2(thirtySpecs()))
  const redline = compareVersions(older, newer)
  const meta = { title: 'The safety of journalists', symbol: 'A/C.3/74/L.31/Rev.1', fromLabel: 'Rev.1', toLabel: 'Rev.2', ...REVIEWER }
  /** symbol, title, "Changes from …", summary, the note on tracking: then the paragraphs. */
  const HEADER_LINES = 5

  it('covers additions, deletions (the last paragraph too) and changes (the fixture itself)', () => {
    expect(redline.counts).toMatchObject({ added: 3, deleted: 3, changed: 3, moved: 0 })
    expect(redline.paragraphs[redline.paragraphs.length - 1].change).toBe('deleted')
  })

  it('writes real tracked changes: w:ins and w:del runs, attributed and dated, with unique ids, and turns tracking on', async () => {
    const buffer = await redlineDocx(redline, meta)
    const xml = documentXml(buffer)
    const marks = [...xml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)]
    expect(marks.filter((m) => m[1] === 'ins').length).toBeGreaterThan(3)
    expect(marks.filter((m) => m[1] === 'del').length).toBeGreaterThan(3)
    for (const [, , attributes] of marks) {
      expect(attributes).toContain('w:author="Rapporteur (Mexico)"')
      expect(attributes).toContain('w:date="2024-11-20T10:00:00Z"')
    }
    const ids = marks.map((m) => /w:id="(\d+)"/.exec(m[2])?.[1])
    expect(new Set(ids).size).toBe(ids.length)
    // Inserted text is in w:t inside w:ins; deleted text in w:delText inside w:del, never dropped.
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">guarantee<\/w:t>/)
    expect(xml).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText xml:space="preserve">ensure<\/w:delText>/)
    for (const id of ['pp5', 'op10', 'op21']) {
      const text = textOfSpec(thirtySpecs().find((s) => s.id === id)!)
      expect(xml).toContain(`<w:delText xml:space="preserve">${text.slice(text.indexOf(' '))}</w:delText>`)
    }
    expect(settingsXml(buffer)).toContain('<w:trackRevisions/>')
  })

  it('accepted (as mammoth, the import\'s reader, reads it) gives the newer version, numbers and all', async () => {
    const buffer = await redlineDocx(redline, meta)
    const lines = await rawLines(buffer)
    expect(lines[2]).toBe('Changes from Rev.1 to Rev.2')
    const accepted = bodyAfter(lines, HEADER_LINES - 1)
    expect(accepted).toEqual(newer.map(printedLine))
    expect(bodyAfter(acceptedLinesFromXml(buffer), HEADER_LINES - 1)).toEqual(accepted)
  })

  it('rejected gives the older version\'s paragraphs back, the deleted ones where they stood', async () => {
    const rejected = bodyAfter(rejectedLines(await redlineDocx(redline, meta)), HEADER_LINES - 1)
    // Numbers are the newer version's (as Word's list numbering would be), so compare the wording.
    expect(rejected.map((line) => line.replace(/^[^\t]*\t/, ''))).toEqual(older.map((p) => p.text))
    // A deleted paragraph keeps the number it had: OP 10 was "10." in Rev.1.
    expect(rejected).toContain(printedLine(older.find((p) => p.id === 'op10')!))
  })

  it('keeps the opening words italic in the accepted text, also where the opening itself changed', async () => {
    const html = await htmlParagraphs(await redlineDocx(redline, meta))
    const body = bodyAfter(html, HEADER_LINES - 1)
    const newerSpecs = rev2(thirtySpecs())
    expect(body.map(italicText)).toEqual(newerSpecs.map((s) => s.opening))
    expect(body[1]).toMatch(/^<em>Recalling also<\/em> its resolution/)
  })

  it('shows a moved paragraph once, where the newer version has it, with its wording changes tracked', async () => {
    const specs = thirtySpecs()
    const moved = specs.filter((s) => s.id !== 'op0')
    const op0 = { ...specs.find((s) => s.id === 'op0')!, rest: ' all States to ensure the full safety of journalists, case 0;' }
    moved.splice(moved.findIndex((s) => s.id === 'op2') + 1, 0, op0)
    const after = paragraphsOf(moved)
    const r = compareVersions(older, after)
    expect(r.counts.moved).toBe(1)
    const buffer = await redlineDocx(r, meta)
    expect(bodyAfter(await rawLines(buffer), HEADER_LINES - 1)).toEqual(after.map(printedLine))
    const xml = documentXml(buffer)
    expect(xml.match(/case 0;/g)).toHaveLength(1)
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve"> full<\/w:t>/)
  })

  it('dates changes as Word does, without milliseconds', async () => {
    const xml = documentXml(await redlineDocx(redline, { ...meta, date: '2024-11-20T10:00:00.123Z' }))
    expect(xml).toContain('w:date="2024-11-20T10:00:00Z"')
    expect(xml).not.toContain('.123Z')
  })

  it('gives an unchanged text no tracked change at all', async () => {
    const xml = documentXml(await redlineDocx(compareVersions(older, older), meta))
    expect(xml).not.toMatch(/<w:ins |<w:del /)
  })
})
