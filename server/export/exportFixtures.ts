/**
 * A 30-paragraph resolution for the export tests, written for them in the style of a Third
 * Committee draft: 10 PPs, 13 OPs and 7 sub-paragraphs (one of them a sub-sub-paragraph (i)),
 * read the way the server reads a live document.
 */
import { draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { readResolution, type ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { ResolutionDraft } from '../../shared/paragraphs/types'
import { emptyHeading } from '../../shared/paragraphs/types'

export const THIRTY_PARAGRAPHS: ResolutionDraft = {
  heading: { ...emptyHeading(),
    symbol: 'A/C.3/74/L.31/Rev.1',
    distribution: 'Limited',
    date: '5 November 2019',
    originalLanguage: 'English',
    organ: 'General Assembly',
    session: 'Seventy-fourth session',
    committee: 'Third Committee',
    agendaItem: 'Agenda item 70 (b)',
    agendaTitle: 'Promotion and protection of human rights: human rights questions',
    sponsors: 'Norway, Ireland & Mexico: revised draft resolution',
  },
  language: 'en',
  adoption: '',
  title: 'Protecting human rights defenders <in the digital age>',
  enacting: 'The General Assembly,',
  paragraphs: [
    {
      kind: 'pp',
      text: 'Recalling the Charter of the United Nations and the Universal Declaration of Human Rights,',
      footnotes: [{ offset: 89, text: 'Resolution 217 A (III).' }],
    },
    { kind: 'pp', text: 'Reaffirming also its previous resolutions on human rights defenders, including resolution 72/247,' },
    { kind: 'pp', text: 'Deeply concerned that defenders are increasingly targeted online through "surveillance" & smear campaigns,' },
    { kind: 'pp', text: 'Mindful that the rights that people have offline must also be protected online,' },
    { kind: 'pp', text: 'Bearing in mind the report of the Special Rapporteur,', footnotes: [{ offset: 53, text: 'A/74/159 & <Corr.1>.' }] },
    { kind: 'pp', text: 'Noting with appreciation the work of civil society,' },
    { kind: 'pp', text: 'Recognizing the important role of women human rights defenders,' },
    { kind: 'pp', text: 'Taking note of the <script>alert(1)</script> report of the Secretary-General,' },
    { kind: 'pp', text: 'Expressing its deep concern at reprisals against those who cooperate with the United Nations,' },
    { kind: 'pp', text: 'Welcoming the efforts of States to adopt protective legislation,' },
    { kind: 'op', level: 0, text: 'Calls upon all States to respect, protect and ensure the rights of human rights defenders;' },
    { kind: 'op', level: 0, text: 'Strongly condemns all acts of intimidation and reprisal against human rights defenders;' },
    { kind: 'op', level: 0, text: 'Urges States:' },
    { kind: 'op', level: 1, text: 'To refrain from arbitrary surveillance of defenders;' },
    { kind: 'op', level: 1, text: 'To ensure that measures to combat terrorism are in compliance with international law;' },
    { kind: 'op', level: 1, text: 'To provide effective remedies, including:' },
    { kind: 'op', level: 2, text: 'Access to independent courts;' },
    { kind: 'op', level: 1, text: 'To publicly acknowledge the role of defenders;' },
    {
      kind: 'op',
      level: 0,
      text: 'Requests the Secretary-General to report on this matter;',
      footnotes: [
        { offset: 30, text: 'See also the report of the High Commissioner.' },
        { offset: 56, text: 'Including at its seventy-fifth session.' },
      ],
    },
    { kind: 'op', level: 0, text: 'Encourages business enterprises to respect human rights;' },
    { kind: 'op', level: 0, text: 'Invites the Special Rapporteur to continue the work;' },
    { kind: 'op', level: 0, text: 'Decides to consider the question at its seventy-sixth session under the item entitled:' },
    { kind: 'op', level: 1, text: '"Promotion and protection of human rights";' },
    { kind: 'op', level: 1, text: '"Human rights questions";' },
    { kind: 'op', level: 0, text: 'Emphasizes the importance of an enabling environment;' },
    { kind: 'op', level: 0, text: 'Stresses the need for accountability;' },
    { kind: 'op', level: 0, text: 'Reaffirms the right of everyone to promote human rights;' },
    { kind: 'op', level: 0, text: 'Encourages States to develop public policies;' },
    { kind: 'op', level: 0, text: 'Requests all United Nations entities to give due consideration to the resolution;' },
    { kind: 'op', level: 0, text: 'Decides to remain seized of the matter.' },
  ],
}

/** The resolution as the server reads it, with stable ids p-1 … p-30. */
export function thirtyParagraphReading(): ResolutionReading {
  let n = 0
  return readResolution(draftToDocJson(THIRTY_PARAGRAPHS, () => `p-${++n}`))
}

/** The same text as adopted: resolution number, adoption record and closing meeting line, no distribution block. */
export function adoptedReading(): ResolutionReading {
  const reading = thirtyParagraphReading()
  return {
    ...reading,
    heading: {
      ...reading.heading,
      symbol: 'A/RES/74/146',
      distribution: '',
      date: '',
      originalLanguage: '',
      sponsors: '',
      adoptedBy: 'Resolution adopted by the General Assembly on 18 December 2019',
      report: '[on the report of the Third Committee (A/74/399/Add.2)]',
      resolutionNumber: '74/146',
    },
    adoption: '50th plenary meeting, 18 December 2019',
  }
}

/** A short draft in Arabic, written for the tests: the direction and shaping of every export. */
export const ARABIC_DRAFT: ResolutionDraft = {
  heading: { ...emptyHeading(), symbol: 'A/HRC/55/L.12', organ: 'مجلس حقوق الإنسان', session: 'الدورة الخامسة والخمسون' },
  language: 'ar',
  adoption: '',
  title: 'حقوق الإنسان والبيئة',
  enacting: 'إن مجلس حقوق الإنسان،',
  paragraphs: [
    { kind: 'pp', text: 'إذ يشير إلى قراره 52/23 المؤرخ 4 نيسان/أبريل 2023،', footnotes: [{ offset: 49, text: 'انظر الوثيقة A/HRC/52/L.12.' }] },
    { kind: 'op', level: 0, text: 'يهيب بجميع الدول أن تحترم حقوق الإنسان (أ) وأن تحميها؛' },
    { kind: 'op', level: 0, text: 'يقرر أن يواصل النظر في هذه المسألة.' },
  ],
}

export function arabicReading(): ResolutionReading {
  let n = 0
  return readResolution(draftToDocJson(ARABIC_DRAFT, () => `a-${++n}`))
}
