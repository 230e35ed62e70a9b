import { describe, expect, it } from 'vitest'
import { matchState, readSponsors } from '../../people/sponsors'
import { readPastedText } from '../parseResolutionText'

const shape = (text: string) => readPastedText(text).draft.paragraphs.map((p) => (p.kind === 'pp' ? 'pp' : `op${p.level}`))

describe('footnotes in pasted text', () => {
  // Written for this test in the layout a PDF copy gives: the footnote body at the foot of page 1,
  // inside PP 2, which runs on to page 2 after the job number, barcode and running header.
  const pdfCopy = [
    'The General Assembly,',
    'Recalling the Convention on the Rights of the Child,1',
    'Reaffirming the 2030 Agenda for Sustainable Development,2 and recalling its resolution 70/1 of',
    '__________________',
    '1 United Nations, Treaty Series, vol. 1577, No. 27531.',
    '2 Resolution 70/1.',
    '24-12345 (E) 121124',
    '*2412345*',
    'A/C.3/79/L.99',
    '25 September 2015,',
    '1. Calls upon States to act;',
  ].join('\n')

  it('takes the bodies out of the text, joins the paragraph across the page and finds the glued markers', () => {
    const { draft, dropped } = readPastedText(pdfCopy)
    expect(draft.paragraphs.map((p) => [p.text, p.footnotes ?? []])).toEqual([
      ['Recalling the Convention on the Rights of the Child,', [{ offset: 52, text: 'United Nations, Treaty Series, vol. 1577, No. 27531.' }]],
      [
        'Reaffirming the 2030 Agenda for Sustainable Development, and recalling its resolution 70/1 of 25 September 2015,',
        [{ offset: 56, text: 'Resolution 70/1.' }],
      ],
      ['Calls upon States to act;', []],
    ])
    expect(dropped.map((line) => line.reason)).toEqual(['footnote-separator', 'page-furniture', 'page-furniture', 'running-header'])
  })

  it('reads numbers set apart from their bodies, and markers set apart by a space', () => {
    const text = 'The General Assembly,\nRecalling the Convention 1 and its Protocol, 2\n__________\n1\n2\nIbid., vol. 1.\nIbid., vol. 2.\n1. Decides to act.'
    const [pp] = readPastedText(text).draft.paragraphs
    expect(pp.text).toBe('Recalling the Convention and its Protocol,')
    expect(pp.footnotes).toEqual([
      { offset: 24, text: 'Ibid., vol. 1.' },
      { offset: 42, text: 'Ibid., vol. 2.' },
    ])
  })

  it('keeps a note that opens like a paragraph in the footnote block when the page footer follows', () => {
    const text = [
      'The General Assembly,',
      'Recalling the Doha Programme of Action,1',
      'Noting the Financing for Sustainable Development Report 2024,2',
      '__________',
      '1',
      'Resolution 76/258, annex.',
      'Financing for Sustainable Development Report 2024 (United Nations publication, 2024),',
      'figure I.1.',
      '2',
      '24-12345 (E)',
      'A/RES/80/999',
      'Welcoming the convening of the Conference,',
      '1. Decides to act.',
    ].join('\n')
    const { paragraphs } = readPastedText(text).draft
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Recalling the Doha Programme of Action,',
      'Noting the Financing for Sustainable Development Report 2024,',
      'Welcoming the convening of the Conference,',
      'Decides to act.',
    ])
    expect(paragraphs[1].footnotes?.[0].text).toBe('Financing for Sustainable Development Report 2024 (United Nations publication, 2024), figure I.1.')
  })

  it('never reads "article 1" as a footnote marker', () => {
    const text = 'The General Assembly,\nRecalling article 1 of the Charter,1\n1 Charter of the United Nations.\n1. Decides to act.'
    const [pp] = readPastedText(text).draft.paragraphs
    expect(pp.text).toBe('Recalling article 1 of the Charter,')
    expect(pp.footnotes?.[0].offset).toBe(35)
  })
})

describe('paragraphs across pages and lines', () => {
  it('keeps a ";" inside a numbered OP from starting a new OP', () => {
    expect(shape('The General Assembly,\n1. Decides to include the items:\n“Human rights questions”;\n“Refugees”;\n2. Requests a report.')).toEqual(['op0', 'op0'])
  })

  it('hangs a sub-paragraph list that crosses a page under its own OP, not under the page number', () => {
    const text = 'The General Assembly,\n1. Urges States:\n(a) To act;\n4\n24-12345 (E)\n(b) To report;\n2. Decides to remain seized of the matter.'
    expect(shape(text)).toEqual(['op0', 'op1', 'op1', 'op0'])
  })

  it('keeps lettered items under a PP in the preamble, with their letters, and the PPs after them', () => {
    const text = 'The General Assembly,\nHaving received the opinion, in which the Court found that:\n(a) The occupation is unlawful,\n(b) States are under an obligation,\nRecalling its resolution 79/232,\n1. Welcomes the opinion.'
    const { paragraphs } = readPastedText(text).draft
    expect(paragraphs.map((p) => [p.kind, p.text.slice(0, 12)])).toEqual([
      ['pp', 'Having recei'],
      ['pp', '(a) The occu'],
      ['pp', '(b) States a'],
      ['pp', 'Recalling it'],
      ['op', 'Welcomes the'],
    ])
  })

  it('starts a new PP after one that ends by quoting a question', () => {
    expect(shape('The General Assembly,\nRequesting an opinion on the question: “What are the obligations?”\nCommending the Court,\n1. Decides to act.')).toEqual(['pp', 'pp', 'op0'])
  })

  it('leaves out section headings between paragraphs, alone or with their numeral, and says so', () => {
    const text = [
      'The General Assembly,',
      'Recalling its earlier reviews of the operational activities,',
      'I',
      'General guidelines',
      '1.',
      'Reaffirms the principles of the operational activities;',
      '2. Stresses the role of national Governments;',
      'II. Funding of the operational activities',
      '3. Urges donors to increase core funding;',
      'III',
      'Follow-up, monitoring',
      'and reporting',
      '4. Requests a report at its next session.',
    ].join('\n')
    const { draft, dropped, warnings } = readPastedText(text)
    expect(draft.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['pp', 'Recalling its earlier reviews of the operational activities,'],
      ['op', 'Reaffirms the principles of the operational activities;'],
      ['op', 'Stresses the role of national Governments;'],
      ['op', 'Urges donors to increase core funding;'],
      ['op', 'Requests a report at its next session.'],
    ])
    expect(dropped.filter((d) => d.reason === 'section-heading').map((d) => d.text)).toEqual([
      'I',
      'General guidelines',
      'II. Funding of the operational activities',
      'III',
      'Follow-up, monitoring',
      'and reporting',
    ])
    expect(warnings.join(' ')).toContain('3 section headings (I, II …) were left out')
    expect(warnings.join(' ')).not.toContain('OP numbering jumps')
  })

  it('keeps a line that only looks like a numeral when no numbered paragraph follows its title', () => {
    const { draft, dropped } = readPastedText('The General Assembly,\n1. Takes note of the report of Working Group\nIV\nWelcoming the progress made,\n2. Decides to act.')
    expect(dropped.some((d) => d.reason === 'section-heading')).toBe(false)
    expect(draft.paragraphs[0]!.text).toContain('Working Group IV')
  })

  it('leaves out an annex after the paragraphs, its numbered paragraphs and footnotes included, and says so', () => {
    const text = [
      'The General Assembly,',
      'Recalling its resolution 79/1,',
      '1. Endorses the declaration contained in the annex to the present resolution;',
      '2. Decides to remain seized of the matter.',
      'Annex',
      'Political declaration',
      '1.',
      'We, the Heads of State and Government, reaffirm our commitment, 1 and resolve to act.',
      '2. We welcome the progress made.',
      '__________________',
      '1 See resolution 70/1.',
    ].join('\n')
    const { draft, dropped, warnings } = readPastedText(text)
    expect(draft.paragraphs.map((p) => p.text)).toEqual([
      'Recalling its resolution 79/1,',
      'Endorses the declaration contained in the annex to the present resolution;',
      'Decides to remain seized of the matter.',
    ])
    expect(draft.paragraphs.flatMap((p) => p.footnotes ?? [])).toEqual([])
    expect(dropped.filter((d) => d.reason === 'annex').map((d) => d.text)).toContain('Political declaration')
    expect(warnings.join(' ')).toContain('The annex (')
    expect(warnings.join(' ')).not.toContain('numbering jumps')
  })

  it('reads "The General Assembly" without its comma as the enacting formula when an opening follows', () => {
    const heading = 'A/80/L.99\nGeneral Assembly\nDistr.: Limited\n23 October 2025\nOriginal: English\nEightieth session\nAgenda item 107\nCrime prevention and criminal justice\nDraft resolution submitted by the President of the General Assembly\n'
    const { draft, warnings } = readPastedText(`${heading}\nA political declaration\nThe General Assembly\nAdopts the political declaration annexed to the present resolution.`)
    expect(draft.enacting).toBe('The General Assembly')
    expect(draft.title).toBe('A political declaration')
    expect(draft.paragraphs.map((p) => [p.kind, p.text])).toEqual([['op', 'Adopts the political declaration annexed to the present resolution.']])
    expect(warnings.join(' ')).not.toContain('No enacting formula')
  })

  it('takes a resumed plenary meeting as the adoption line', () => {
    const { draft } = readPastedText('The General Assembly,\n1. Decides to remain seized of the matter.\n50th (resumed) plenary meeting\n22 December 2023')
    expect(draft.adoption).toBe('50th (resumed) plenary meeting, 22 December 2023')
    expect(draft.paragraphs).toHaveLength(1)
  })

  it('reads a text run together on one line (copied without its line breaks) back into its paragraphs, and says so', () => {
    const pps = Array.from({ length: 4 }, (_, i) => `Recalling also its resolution ${70 + i}/${100 + i} of ${i + 1} December 20${10 + i} on the cooperation of Member States with the mechanism,`)
    const text = [
      'Seventieth session Third Committee Agenda item 64 Cooperation with the mechanism Gabon:* draft resolution The General Assembly,',
      ...pps,
      '1. Takes note of the report of the mechanism, including its recommendations;',
      '2. Decides to remain seized of the matter.',
      '* On behalf of the Group of African States.',
    ].join(' ')
    const { draft, warnings } = readPastedText(text)
    expect(draft.enacting).toBe('The General Assembly,')
    expect(draft.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ...pps.map((pp) => ['pp', pp]),
      ['op', 'Takes note of the report of the mechanism, including its recommendations;'],
      ['op', 'Decides to remain seized of the matter.'],
    ])
    expect(warnings.join(' ')).toContain('run together')
  })

  it('warns where the printed numbering jumps', () => {
    const { warnings } = readPastedText('The General Assembly,\n1. Urges States to act;\n3. Decides to act.')
    expect(warnings).toContain('OP numbering jumps from 1 to 3.')
  })
})

describe('the six languages', () => {
  it('reads a French text: its formula, participle openings and "a)" sub-paragraphs', () => {
    const { draft } = readPastedText(
      "Nations Unies\nAssemblée générale\nSoixante-dix-neuvième session\nTroisième Commission\nTitre\nL’Assemblée générale,\nRappelant sa résolution 78/170,\nProfondément préoccupée par la situation,\n1. Prie les États :\na) De protéger les défenseurs ;\nb) De rendre compte ;\n2. Décide de rester saisie de la question.",
    )
    expect(draft.language).toBe('fr')
    expect(draft.heading.committee).toBe('Troisième Commission')
    expect(draft.paragraphs.map((p) => (p.kind === 'pp' ? 'pp' : `op${p.level}`))).toEqual(['pp', 'pp', 'op0', 'op1', 'op1', 'op0'])
  })

  it('reads an Arabic text: its formula with the Arabic comma, "إذ" openings and "1 -" numbers', () => {
    const { draft } = readPastedText('إن الجمعية العامة،\nإذ تشير إلى قراراتها السابقة،\nوإذ تؤكد من جديد ميثاق الأمم المتحدة،\n1 - تطلب إلى الدول أن تتخذ التدابير؛\n2 - تقرر أن تبقي المسألة قيد نظرها.')
    expect(draft.language).toBe('ar')
    expect(draft.paragraphs.map((p) => p.kind)).toEqual(['pp', 'pp', 'op', 'op'])
    expect(draft.paragraphs[2].text).toBe('تطلب إلى الدول أن تتخذ التدابير؛')
  })

  it('reads a Russian text: lower-case participle openings, Cyrillic "а)" sub-paragraphs', () => {
    const { draft } = readPastedText(
      'Генеральная Ассамблея,\nссылаясь на свои резолюции,\nвключая резолюцию 78/170,\nвновь подтверждая Устав Организации\nОбъединенных Наций,\nглубоко обеспокоенная положением,\n1. призывает все государства:\nа) защищать правозащитников;\nб) представлять доклады;\n2. постановляет продолжить рассмотрение этого вопроса.',
    )
    expect(draft.language).toBe('ru')
    expect(draft.paragraphs.map((p) => (p.kind === 'pp' ? 'pp' : `op${p.level}`))).toEqual(['pp', 'pp', 'pp', 'op0', 'op1', 'op1', 'op0'])
    expect(draft.paragraphs[0].text).toBe('ссылаясь на свои резолюции, включая резолюцию 78/170,')
    expect(draft.paragraphs[1].text).toBe('вновь подтверждая Устав Организации Объединенных Наций,')
    expect(draft.paragraphs[4].text).toBe('защищать правозащитников;')
  })

  it('reads a Chinese text and joins its wrapped lines without spaces', () => {
    const { draft } = readPastedText('大会，\n回顾其关于人权维护者的\n以往各项决议，\n1. 促请所有国家保护人权维护者；\n2. 决定继续审议这个问题。')
    expect(draft.language).toBe('zh')
    expect(draft.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['pp', '回顾其关于人权维护者的以往各项决议，'],
      ['op', '促请所有国家保护人权维护者；'],
      ['op', '决定继续审议这个问题。'],
    ])
  })

  it('reads a Spanish and a Chinese formula', () => {
    expect(readPastedText('La Asamblea General,\nRecordando su resolución 78/1,').draft.language).toBe('es')
    expect(readPastedText('大会，\n回顾其以往决议，\n1. 请各国采取行动。').draft.language).toBe('zh')
  })
})

describe('sponsors', () => {
  it('matches the spellings real lists use to the UN names', () => {
    expect(matchState('Brasil')).toBe('Brazil')
    expect(matchState("Cote d'Ivoire")).toBe("Côte d'Ivoire")
    expect(matchState('Timor Leste')).toBe('Timor-Leste')
    expect(matchState('the former Yugoslav Republic of Macedonia')).toBe('North Macedonia')
    expect(matchState('Micronesia (Federated States of)')).toBe('Micronesia (Federated States of)')
    expect(matchState('Atlantis')).toBeNull()
  })

  it('splits a list at commas and its last "and", but not inside "Bosnia and Herzegovina"', () => {
    const reading = readSponsors('Albania, Bosnia and Herzegovina, Egypt,* Trinidad and Tobago and Uruguay: revised draft resolution')
    expect(reading.states).toEqual(['Albania', 'Bosnia and Herzegovina', 'Egypt', 'Trinidad and Tobago', 'Uruguay'])
    expect(reading.documentKind).toBe('revised draft resolution')
  })
})

describe('the heading of a revised draft', () => {
  // Written for this test in the layout of a Main Committee L-document with a revision.
  const text = [
    'United Nations A/C.3/79/L.12/Rev.1',
    'General Assembly Distr.: Limited',
    '14 November 2024',
    'Original: English',
    'Seventy-ninth session',
    'Third Committee',
    'Agenda item 71 (b)',
    'Promotion and protection of human rights: human rights',
    'questions, including alternative approaches',
    'Albania, Andorra, Antigua and Barbuda, Bosnia and Herzegovina, Brasil, Cote d’Ivoire,',
    'Micronesia (Federated States of), Timor Leste and United Kingdom of Great Britain and',
    'Northern Ireland: revised draft resolution',
    'Safety of journalists',
    'The General Assembly,',
    'Recalling its resolution 78/215,',
    '1. Urges States to act.',
  ].join('\n')

  it('keeps the revision in the symbol and reads every sponsor across the wrapped lines', () => {
    const { heading, title } = readPastedText(text).draft
    expect(heading.symbol).toBe('A/C.3/79/L.12/Rev.1')
    expect(heading.agendaTitle).toBe('Promotion and protection of human rights: human rights questions, including alternative approaches')
    expect(title).toBe('Safety of journalists')
    const sponsors = readSponsors(heading.sponsors)
    expect(sponsors.documentKind).toBe('revised draft resolution')
    expect(sponsors.states).toEqual([
      'Albania', 'Andorra', 'Antigua and Barbuda', 'Bosnia and Herzegovina', 'Brazil', "Côte d'Ivoire",
      'Micronesia (Federated States of)', 'Timor-Leste', 'United Kingdom of Great Britain and Northern Ireland',
    ])
  })
})

describe('the heading of a draft decision with one sponsor', () => {
  // Written for this test in the layout of a plenary L-document: the sponsor and the kind carry
  // footnote asterisks, and the title wraps onto the name of the organ.
  const text = [
    'United Nations A/80/L.99',
    'General Assembly Distr.: Limited',
    '2 December 2025',
    'Original: English',
    'Eightieth session',
    'Agenda item 20',
    'Sustainable development',
    'Fiji:* draft decision**',
    'Deferral of the review of the ocean partnerships to the eighty-first session of the',
    'General Assembly',
    'The General Assembly,',
    'Recalling its resolution 78/1,',
    '1. Decides to act.',
  ].join('\n')

  it('reads the sponsor past the asterisks, and keeps "General Assembly" in the title', () => {
    const { heading, title } = readPastedText(text).draft
    expect(readSponsors(heading.sponsors)).toMatchObject({ states: ['Fiji'], documentKind: 'draft decision' })
    expect(title).toBe('Deferral of the review of the ocean partnerships to the eighty-first session of the General Assembly')
    expect(heading.organ).toBe('General Assembly')
  })
})
