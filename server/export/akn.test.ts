import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { readResolution, type ResolutionReading } from '../../shared/paragraphs/readResolution'
import { AKN_NAMESPACE, escapeXml, renderAkn } from './akn'
import { aknValidationUnavailable, validateAkn } from './aknValidation'
import { thirtyParagraphReading } from './exportFixtures'
import { emptyHeading } from '../../shared/paragraphs/types'

const META = { documentId: 'r-export', versionId: 'v-rev1', generatedAt: '2019-11-05T09:30:00.000Z' }

function parse(xml: string) {
  const document = new new Window().DOMParser().parseFromString(xml, 'application/xml')
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0)
  return document
}

type El = ReturnType<ReturnType<typeof parse>['getElementsByTagName']>[number]
const all = (root: { getElementsByTagName(name: string): ArrayLike<El> }, name: string): El[] => Array.from(root.getElementsByTagName(name))
/** The element's own child elements of one name (not those of nested points). */
const children = (element: El, name: string): El[] => Array.from(element.children).filter((child) => child.localName === name) as El[]
const numOf = (element: El) => children(element, 'num')[0]?.textContent ?? null
/** An element's words, without the bodies of its footnotes. */
function wordsOf(element: El): string {
  const copy = element.cloneNode(true) as El
  for (const note of all(copy, 'authorialNote')) note.remove()
  return copy.textContent!.trim()
}
/** The paragraph's own text: in `<content>`, or the list's `<intro>` when it has sub-paragraphs. */
function textOf(element: El): string {
  return wordsOf((children(element, 'content')[0] ?? children(children(element, 'list')[0]!, 'intro')[0])!)
}

function reading(text: Partial<ResolutionReading>, paragraphs: Parameters<typeof draftToDocJson>[0]['paragraphs']): ResolutionReading {
  let n = 0
  const base = readResolution(
    draftToDocJson(
      { heading: emptyHeading(), language: 'en', adoption: '', title: '', enacting: '', paragraphs },
      () => `p-${++n}`,
    ),
  )
  return { ...base, ...text }
}

describe('Akoma Ntoso export of a 30-paragraph resolution', () => {
  const resolution = thirtyParagraphReading()
  const xml = renderAkn(resolution, META)

  // Reason: the schema validation needs xmllint (Debian libxml2-utils) and ../shared/schemas/akn.
  it.skipIf(aknValidationUnavailable !== null)(`validates against the Akoma Ntoso 3.0 schema${aknValidationUnavailable ? ` (skipped: ${aknValidationUnavailable})` : ''}`, () => {
    const result = validateAkn(xml)
    expect(result.output).toContain('validates')
    expect(result.valid).toBe(true)
  })

  // Reason: as above; this proves the validation can fail, so the test above means something.
  it.skipIf(aknValidationUnavailable !== null)('is refused by the schema when it is broken', () => {
    const broken = xml.replace(/<mainBody>[\s\S]*<\/mainBody>/, '').replace('<FRBRcountry value="un"/>', '')
    expect(validateAkn(broken).valid).toBe(false)
  })

  it('is a statement named resolution with the AKN4UN parts in order', () => {
    const document = parse(xml)
    const root = document.documentElement
    expect(root.localName).toBe('akomaNtoso')
    expect(root.namespaceURI).toBe(AKN_NAMESPACE)
    const statement = children(root as El, 'statement')[0]!
    expect(statement.getAttribute('name')).toBe('resolution')
    expect(Array.from(statement.children).map((c) => c.localName)).toEqual(['meta', 'preface', 'preamble', 'mainBody'])
  })

  it('has the FRBR identification and the General Assembly as a TLC reference', () => {
    const document = parse(xml)
    const work = all(document, 'FRBRWork')[0]!
    expect(children(work, 'FRBRthis')[0]!.getAttribute('value')).toBe('/akn/un/statement/resolution/unga/2019-11-05/A-C.3-74-L.31-Rev.1/!main')
    expect(children(work, 'FRBRcountry')[0]!.getAttribute('value')).toBe('un')
    expect(children(work, 'FRBRauthor')[0]!.getAttribute('href')).toBe('#unga')
    expect(children(work, 'FRBRnumber')[0]!.getAttribute('value')).toBe('A/C.3/74/L.31/Rev.1')
    const expression = all(document, 'FRBRExpression')[0]!
    expect(children(expression, 'FRBRlanguage')[0]!.getAttribute('language')).toBe('eng')
    expect(children(expression, 'FRBRversionNumber')[0]!.getAttribute('value')).toBe('v-rev1')
    const manifestation = all(document, 'FRBRManifestation')[0]!
    expect(children(manifestation, 'FRBRdate')[0]!.getAttribute('date')).toBe(META.generatedAt)
    const ga = all(document, 'TLCOrganization').find((o) => o.getAttribute('eId') === 'unga')
    expect(ga?.getAttribute('showAs')).toBe('General Assembly of the United Nations')
  })

  it('has the preface: symbol, session, agenda item, sponsors and title, escaped', () => {
    const document = parse(xml)
    expect(all(document, 'docNumber')[0]!.textContent).toBe('A/C.3/74/L.31/Rev.1')
    expect(all(document, 'session')[0]!.textContent).toBe('Seventy-fourth session')
    expect(all(document, 'inline').find((e) => e.getAttribute('name') === 'agendaItem')?.textContent).toBe('Agenda item 70 (b)')
    expect(all(document, 'docProponent')[0]!.textContent).toBe('Norway, Ireland & Mexico')
    expect(all(document, 'preface')[0]!.textContent).toContain('Norway, Ireland & Mexico: revised draft resolution')
    expect(all(document, 'docTitle')[0]!.textContent).toBe('Protecting human rights defenders <in the digital age>')
    expect(xml).toContain('Protecting human rights defenders &lt;in the digital age&gt;')
  })

  it('puts each footnote inline where its marker stands, as an authorialNote numbered as printed', () => {
    const notes = all(parse(xml), 'authorialNote')
    expect(notes.map((n) => [n.getAttribute('marker'), n.getAttribute('placement'), n.getAttribute('eId'), n.textContent!.trim()])).toEqual([
      ['1', 'bottom', 'fnt_1', 'Resolution 217 A (III).'],
      ['2', 'bottom', 'fnt_2', 'A/74/159 & <Corr.1>.'],
      ['3', 'bottom', 'fnt_3', 'See also the report of the High Commissioner.'],
      ['4', 'bottom', 'fnt_4', 'Including at its seventy-fifth session.'],
    ])
    expect(xml).toContain('Human Rights<authorialNote marker="1"')
    expect(xml).toContain('Secretary-General<authorialNote marker="3"')
  })

  it('has the enacting formula, then every PP as a container with its eId and id', () => {
    const document = parse(xml)
    const preamble = all(document, 'preamble')[0]!
    const formula = children(preamble, 'formula')[0]!
    expect(formula.getAttribute('name')).toBe('enactingFormula')
    expect(formula.textContent!.trim()).toBe('The General Assembly,')
    expect(Array.from(preamble.children)[0]).toBe(formula)
    const containers = children(preamble, 'container')
    const pps = resolution.paragraphs.filter((p) => p.kind === 'pp')
    expect(pps).toHaveLength(10)
    expect(containers.map((c) => [c.getAttribute('eId'), c.getAttribute('GUID'), wordsOf(c)])).toEqual(
      pps.map((p, i) => [`preamble__container_${i + 1}`, p.id, p.text]),
    )
    // The opening words are set in italics, as printed; the script is text, not markup.
    expect(all(containers[0]!, 'i')[0]!.textContent).toBe('Recalling')
    expect(all(document, 'script')).toHaveLength(0)
  })

  it('has every OP as a numbered paragraph and every sub-paragraph as a numbered point', () => {
    const document = parse(xml)
    const body = all(document, 'mainBody')[0]!
    const paragraphs = children(body, 'paragraph')
    const ops = resolution.paragraphs.filter((p) => p.kind === 'op')
    expect(ops).toHaveLength(13)
    expect(paragraphs.map((p) => [p.getAttribute('eId'), numOf(p), p.getAttribute('GUID'), textOf(p)])).toEqual(
      ops.map((p) => [`para_${p.number}`, `${p.number}.`, p.id, p.text]),
    )
    const subs = resolution.paragraphs.filter((p) => p.kind === 'sub')
    expect(subs.map((p) => p.number)).toEqual(['3 (a)', '3 (b)', '3 (c)', '3 (c) (i)', '3 (d)', '7 (a)', '7 (b)'])
    const points = all(body, 'point')
    const eIdOf = (number: string) =>
      number
        .replace(/^(\d+)/, 'para_$1')
        .replace(/ \(([a-z]+)\)/g, '__point_$1')
    expect(points.map((p) => [p.getAttribute('eId'), numOf(p), p.getAttribute('GUID'), textOf(p)])).toEqual(
      subs.map((p) => [eIdOf(p.number), p.number.match(/\([a-z]+\)$/)![0], p.id, p.text]),
    )
    // Sub-paragraphs sit in a list under their OP; the sub-sub-paragraph under (c).
    const op3 = paragraphs[2]!
    expect(children(children(op3, 'list')[0]!, 'point').map((p) => numOf(p))).toEqual(['(a)', '(b)', '(c)', '(d)'])
    const c = points.find((p) => p.getAttribute('eId') === 'para_3__point_c')!
    expect(children(children(c, 'list')[0]!, 'point').map((p) => p.getAttribute('eId'))).toEqual(['para_3__point_c__point_i'])
  })

  it('records every paragraph id, in order, in the proprietary map, and eIds are unique', () => {
    const document = parse(xml)
    const map = all(document, 'penholder:paragraph').map((e) => [e.getAttribute('id'), e.getAttribute('href')!.slice(1)])
    expect(map.map(([id]) => id)).toEqual(resolution.paragraphs.map((p) => p.id))
    expect(map).toHaveLength(30)
    const eIds = all(document, '*').map((e) => e.getAttribute('eId')).filter(Boolean)
    expect(new Set(eIds).size).toBe(eIds.length)
    for (const [id, eId] of map) expect(all(document, '*').find((e) => e.getAttribute('eId') === eId)?.getAttribute('GUID')).toBe(id)
    const record = all(document, 'penholder:resolution')[0]!
    expect([record.getAttribute('document'), record.getAttribute('version')]).toEqual(['r-export', 'v-rev1'])
  })
})

describe('Akoma Ntoso export of unusual texts', () => {
  const odd = reading({ title: '' }, [
    { kind: 'pp', text: '' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter \u0001\u0008 with “quotes”, émigrés and 中文 & <b>tags</b>.' },
  ])
  const xml = renderAkn(odd, { documentId: 'r-odd', generatedAt: '2024-02-29T23:59:59.000Z' })

  it('escapes markup, drops characters XML cannot carry, and leaves a lone OP unnumbered', () => {
    const document = parse(xml)
    const paragraph = all(document, 'paragraph')[0]!
    expect(paragraph.getAttribute('eId')).toBe('para_1')
    expect(numOf(paragraph)).toBeNull()
    expect(textOf(paragraph)).toBe('Decides to remain seized of the matter  with “quotes”, émigrés and 中文 & <b>tags</b>.')
    expect(all(document, 'b')).toHaveLength(0)
    expect(all(document, 'FRBRversionNumber')).toHaveLength(0)
    expect(all(document, 'formula')[0]!.textContent!.trim()).toBe('The General Assembly,')
  })

  it.skipIf(aknValidationUnavailable !== null)('still validates with an empty heading and title and no version', () => {
    expect(validateAkn(xml)).toMatchObject({ valid: true })
  })

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
  })
})
