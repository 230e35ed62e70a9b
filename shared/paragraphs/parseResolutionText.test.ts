import { describe, expect, it } from 'vitest'
import { parseResolutionText } from './parseResolutionText'
import { type DraftParagraph, emptyHeading } from './types'

/** "pp", "op0", "op1", "op2" for each paragraph, to compare structure at a glance. */
function shape(paragraphs: DraftParagraph[]): string[] {
  return paragraphs.map((p) => (p.kind === 'pp' ? 'pp' : `op${p.level}`))
}

// Written for these tests in the style of a Third Committee draft, as copied from its PDF.
const THIRD_COMMITTEE_DRAFT = `United Nations A/C.3/74/L.31
General Assembly Distr.: Limited
5 November 2019
Original: English
Seventy-fourth session
Third Committee
Agenda item 70 (b)
Promotion and protection of human rights: human rights
questions, including alternative approaches for improving the
effective enjoyment of human rights and fundamental freedoms
Norway, Ireland and Mexico: draft resolution
Protecting human rights defenders in the digital
age
The General Assembly,
Recalling the Charter of the United Nations and the Universal Declaration
of Human Rights,
Reaffirming also its previous resolutions on human rights defenders,
including resolution 72/247 of 24 December 2017,
Deeply concerned that human rights defenders, including women human
rights defenders, are increasingly targeted online through surveillance,
harassment and smear campaigns,
Mindful that the rights that people have offline must also be protected
online,
1. Calls upon all States to respect, protect and ensure the rights of human
rights defenders, both online and offline;
2. Strongly condemns all acts of intimidation and reprisal against human rights
19-19345 2/3
A/C.3/74/L.31
defenders;
3. Urges States:
(a) To refrain from arbitrary or unlawful surveillance of human rights
defenders, including through the use of spyware;
(b) To ensure that legislation on cybercrime and counter-terrorism:
(i) Is clearly defined and consistent with international human rights law;
(ii) Is not used to criminalize the legitimate work of human rights
defenders;
(c) To provide effective remedies to defenders whose rights have been
violated;
4. Invites the Office of the United Nations High Commissioner for Human Rights,
United Nations agencies and regional organizations to support States in this
regard;
5. Requests the Secretary-General to submit to the General Assembly at its seventy-
sixth session a report on the implementation of the present resolution;
6. Decides to remain seized of the matter.
`

// An adopted resolution as copied from a word processor: tabs after numbers, non-breaking spaces.
const ADOPTED_RESOLUTION = `United Nations A/RES/74/146
General Assembly Distr.: General
8 January 2020
Seventy-fourth session
Agenda item 70 (b)
Resolution adopted by the General Assembly on 18 December 2019
[on the report of the Third Committee (A/74/399/Add.2)]
74/146. Safe drinking water and sanitation in rural
communities
The General Assembly,
Recalling\u00a0its resolutions on the human rights to safe drinking water and sanitation,
Recognizing that access to safe drinking water and sanitation is essential to the full enjoyment of life and all human rights,
Noting with concern that hundreds of millions of people in rural areas still lack safely managed sanitation services,
1.\tReaffirms that the human rights to safe drinking water and sanitation are derived from the right to an adequate standard of living;
2.\tCalls upon States to ensure the progressive realization of the human rights to safe drinking water and sanitation for all in a non-discriminatory manner;
3.\tEncourages States to pay particular attention to the needs of women and girls in rural communities;
4.\tDecides to continue its consideration of the question at its seventy-sixth session.
50th plenary meeting
18 December 2019
`

// A Human Rights Council draft as copied from a web page: one paragraph per line, blank lines between.
const HUMAN_RIGHTS_COUNCIL_DRAFT = `A/HRC/40/L.22
Human Rights Council
Fortieth session
25 February–22 March 2019
Agenda item 3
Promotion and protection of all human rights, civil,
political, economic, social and cultural rights,
including the right to development

Albania, Andorra, Argentina, Australia, Austria, Belgium, Bosnia and
Herzegovina, Brazil, Chile and Uruguay: draft resolution

Road safety and the right to life

The Human Rights Council,

Guided by the purposes and principles of the Charter of the United Nations,

Recalling the 2030 Agenda for Sustainable Development, including its target on halving road traffic deaths and injuries,

Concerned that road traffic crashes are a leading cause of death for children and young people,

Encourages States to adopt comprehensive road safety legislation based on the best available evidence;

Calls upon States to take measures to protect the right to life on the road, in particular:

(a) To set and enforce safe speed limits;

(b) To require the use of seat belts and child restraints;

(c) To require helmets for riders of motorcycles;

(d) To prevent driving under the influence of alcohol or drugs;

(e) To design roads that protect pedestrians and cyclists;

(f) To ensure the safety standards of new and used vehicles;

(g) To strengthen emergency response systems;

(h) To improve post-crash care and rehabilitation;

(i) To collect and publish data on road traffic injuries, disaggregated by age and sex;

(j) To involve civil society in road safety planning;

Requests the Office of the United Nations High Commissioner for Human Rights to prepare a report on road safety and human rights;

Decides to remain seized of the matter.
`

describe('parseResolutionText on a Third Committee draft pasted from a PDF', () => {
  const draft = parseResolutionText(THIRD_COMMITTEE_DRAFT)

  it('reads the symbol, session, agenda item and sponsors from the heading block', () => {
    expect(draft.heading).toEqual({
      ...emptyHeading(),
      symbol: 'A/C.3/74/L.31',
      distribution: 'Limited',
      date: '5 November 2019',
      originalLanguage: 'English',
      organ: 'General Assembly',
      session: 'Seventy-fourth session',
      committee: 'Third Committee',
      agendaItem: 'Agenda item 70 (b)',
      agendaTitle:
        'Promotion and protection of human rights: human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms',
      sponsors: 'Norway, Ireland and Mexico: draft resolution',
    })
  })

  it('joins the wrapped title, apart from the agenda item title', () => {
    expect(draft.title).toBe('Protecting human rights defenders in the digital age')
  })

  it('keeps the enacting line verbatim', () => {
    expect(draft.enacting).toBe('The General Assembly,')
  })

  it('recognises PPs, numbered OPs, lettered sub-paragraphs and roman sub-sub-paragraphs', () => {
    expect(shape(draft.paragraphs)).toEqual([
      'pp', 'pp', 'pp', 'pp',
      'op0', 'op0', 'op0', 'op1', 'op1', 'op2', 'op2', 'op1',
      'op0', 'op0', 'op0',
    ])
  })

  it('joins wrapped lines of a PP with single spaces', () => {
    expect(draft.paragraphs[2].text).toBe(
      'Deeply concerned that human rights defenders, including women human rights defenders, are increasingly targeted online through surveillance, harassment and smear campaigns,',
    )
  })

  it('strips the typed numbers and letters from the text', () => {
    expect(draft.paragraphs[4].text).toBe(
      'Calls upon all States to respect, protect and ensure the rights of human rights defenders, both online and offline;',
    )
    expect(draft.paragraphs[7].text).toBe(
      'To refrain from arbitrary or unlawful surveillance of human rights defenders, including through the use of spyware;',
    )
    expect(draft.paragraphs[9].text).toBe('Is clearly defined and consistent with international human rights law;')
  })

  it('drops the page footer and repeated symbol that interrupt a wrapped paragraph', () => {
    expect(draft.paragraphs[5].text).toBe(
      'Strongly condemns all acts of intimidation and reprisal against human rights defenders;',
    )
  })

  it('keeps a line that wraps after a comma in a list of names inside its paragraph', () => {
    expect(draft.paragraphs[12].text).toBe(
      'Invites the Office of the United Nations High Commissioner for Human Rights, United Nations agencies and regional organizations to support States in this regard;',
    )
  })

  it('joins a word hyphenated at a line break without a space', () => {
    expect(draft.paragraphs[13].text).toContain('at its seventy-sixth session')
  })
})

describe('parseResolutionText on an adopted General Assembly resolution', () => {
  const draft = parseResolutionText(ADOPTED_RESOLUTION)

  it('reads the adoption record and the report note into the heading, and the meeting line as the adoption line', () => {
    expect(draft.heading).toEqual({
      ...emptyHeading(),
      symbol: 'A/RES/74/146',
      distribution: 'General',
      date: '8 January 2020',
      organ: 'General Assembly',
      session: 'Seventy-fourth session',
      committee: 'Third Committee',
      agendaItem: 'Agenda item 70 (b)',
      adoptedBy: 'Resolution adopted by the General Assembly on 18 December 2019',
      report: '[on the report of the Third Committee (A/74/399/Add.2)]',
      resolutionNumber: '74/146',
    })
    expect(draft.adoption).toBe('50th plenary meeting, 18 December 2019')
  })

  it('strips the resolution number from the title', () => {
    expect(draft.title).toBe('Safe drinking water and sanitation in rural communities')
  })

  it('reads three PPs and four OPs and ignores the meeting and date after the last OP', () => {
    expect(shape(draft.paragraphs)).toEqual(['pp', 'pp', 'pp', 'op0', 'op0', 'op0', 'op0'])
    expect(draft.paragraphs[6].text).toBe(
      'Decides to continue its consideration of the question at its seventy-sixth session.',
    )
  })

  it('turns tabs and non-breaking spaces into single spaces', () => {
    expect(draft.paragraphs[0].text).toBe(
      'Recalling its resolutions on the human rights to safe drinking water and sanitation,',
    )
    expect(draft.paragraphs[3].text).toMatch(/^Reaffirms that /)
  })

  it('infers the symbol from the resolution number when the heading has none', () => {
    const fromWebPage = parseResolutionText(
      [
        '[on the report of the Third Committee (A/74/399/Add.2)]',
        '74/146. Safe drinking water',
        'The General Assembly,',
        '1. Decides to remain seized of the matter.',
      ].join('\n'),
    )
    expect(fromWebPage.heading.symbol).toBe('A/RES/74/146')
    expect(fromWebPage.title).toBe('Safe drinking water')
  })

  it('infers a Human Rights Council symbol from a Council resolution number', () => {
    const draft = parseResolutionText('40/18. Road safety\nThe Human Rights Council,\nDecides to remain seized of the matter.')
    expect(draft.heading.symbol).toBe('A/HRC/RES/40/18')
  })
})

describe('parseResolutionText on a Human Rights Council draft with one paragraph per line', () => {
  const draft = parseResolutionText(HUMAN_RIGHTS_COUNCIL_DRAFT)

  it('reads the heading and joins a sponsors list that wraps over two lines', () => {
    expect(draft.heading).toEqual({
      ...emptyHeading(),
      symbol: 'A/HRC/40/L.22',
      organ: 'Human Rights Council',
      session: 'Fortieth session',
      agendaItem: 'Agenda item 3',
      agendaTitle: 'Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development',
      sponsors:
        'Albania, Andorra, Argentina, Australia, Austria, Belgium, Bosnia and Herzegovina, Brazil, Chile and Uruguay: draft resolution',
    })
    expect(draft.title).toBe('Road safety and the right to life')
    expect(draft.enacting).toBe('The Human Rights Council,')
  })

  it('recognises unnumbered OPs by their opening verb', () => {
    expect(shape(draft.paragraphs).slice(0, 5)).toEqual(['pp', 'pp', 'pp', 'op0', 'op0'])
    expect(draft.paragraphs[3].text).toBe(
      'Encourages States to adopt comprehensive road safety legislation based on the best available evidence;',
    )
  })

  it('reads "(i)" after "(h)" as the letter i, not a roman numeral', () => {
    expect(shape(draft.paragraphs).slice(5)).toEqual([...Array<string>(10).fill('op1'), 'op0', 'op0'])
    expect(draft.paragraphs[13].text).toBe(
      'To collect and publish data on road traffic injuries, disaggregated by age and sex;',
    )
  })
})

describe('parseResolutionText on edge cases', () => {
  it('gives an empty draft with the default enacting line for empty input', () => {
    expect(parseResolutionText('')).toEqual({
      heading: emptyHeading(),
      title: '',
      enacting: 'The General Assembly,',
      paragraphs: [],
      language: 'en',
      adoption: '',
    })
    expect(parseResolutionText('  \n\n\t ').paragraphs).toEqual([])
  })

  it('treats the whole text as paragraphs when there is no enacting line', () => {
    const draft = parseResolutionText('Recalling its earlier resolutions,\nUrges States to act;\nDecides to remain seized of the matter.')
    expect(draft.title).toBe('')
    expect(draft.enacting).toBe('The General Assembly,')
    expect(draft.heading.symbol).toBe('')
    expect(draft.paragraphs).toEqual([
      { kind: 'pp', text: 'Recalling its earlier resolutions,' },
      { kind: 'op', level: 0, text: 'Urges States to act;' },
      { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
    ])
  })

  it('reads Windows line endings', () => {
    const draft = parseResolutionText(
      'Road safety\r\nThe General Assembly,\r\nRecalling its resolution 72/271,\r\n1. Invites States\r\nto act;\r\n',
    )
    expect(draft.title).toBe('Road safety')
    expect(draft.paragraphs).toEqual([
      { kind: 'pp', text: 'Recalling its resolution 72/271,' },
      { kind: 'op', level: 0, text: 'Invites States to act;' },
    ])
  })

  it('reads "(i)" after "(h)" as a roman numeral when "(ii)" follows it', () => {
    const lines = 'abcdefgh'.split('').map((letter) => `(${letter}) To act;`)
    const draft = parseResolutionText(
      ['The General Assembly,', '1. Urges States:', ...lines, '(i) To plan;', '(ii) To report;'].join('\n'),
    )
    expect(shape(draft.paragraphs).slice(-3)).toEqual(['op1', 'op2', 'op2'])
  })

  it('makes every unnumbered paragraph after the first OP an OP, whatever its opening', () => {
    const draft = parseResolutionText('The General Assembly,\n1. Urges States to act;\n\nRecognizing the role of youth,')
    expect(shape(draft.paragraphs)).toEqual(['op0', 'op0'])
  })

  it('does not stop at a high-level plenary meeting mentioned inside a paragraph', () => {
    const draft = parseResolutionText(
      'The General Assembly,\nRecalling the high-level\nplenary meeting on road safety,\n1. Decides to act.\n74th plenary meeting',
    )
    expect(shape(draft.paragraphs)).toEqual(['pp', 'op0'])
    expect(draft.paragraphs[0].text).toBe('Recalling the high-level plenary meeting on road safety,')
  })

  it('joins a number or letter typed alone on its line to the paragraph that follows, even across a blank line', () => {
    const draft = parseResolutionText('The General Assembly,\n1.\nUrges States:\n(a)\n\nTo act;')
    expect(draft.paragraphs).toEqual([
      { kind: 'op', level: 0, text: 'Urges States:' },
      { kind: 'op', level: 1, text: 'To act;' },
    ])
  })

  it('uses PP and OP labels from a negotiation draft', () => {
    const draft = parseResolutionText('The General Assembly,\nPP1 Recalling its resolution 72/271,\nOP1 Invites States to act;')
    expect(draft.paragraphs).toEqual([
      { kind: 'pp', text: 'Recalling its resolution 72/271,' },
      { kind: 'op', level: 0, text: 'Invites States to act;' },
    ])
  })

  it('continues a comma-ended paragraph into a wrapped line that starts with a bare number', () => {
    const draft = parseResolutionText(
      'The General Assembly,\nRecalling its resolutions 73/173 of 17 December 2018,\n72/247 of 24 December 2017,\nUrges States to act;',
    )
    expect(draft.paragraphs[0].text).toBe('Recalling its resolutions 73/173 of 17 December 2018, 72/247 of 24 December 2017,')
  })
})
