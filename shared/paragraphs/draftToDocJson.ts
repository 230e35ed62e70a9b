import type { DocJson } from './docJson'
import { newParagraphId } from './newParagraphId'
import type { ResolutionDraft } from './types'

const line = (type: string, text: string): DocJson =>
  text ? { type, content: [{ type: 'text', text }] } : { type }

const paragraph = (type: 'pp' | 'op', text: string, attrs: Record<string, unknown>): DocJson => ({
  ...line(type, text),
  attrs,
})

/** A new resolution: heading, title, the enacting line, one empty PP and one empty OP. */
export function blankDraft(title: string): ResolutionDraft {
  return {
    heading: { symbol: '', session: '', agendaItem: '', sponsors: '' },
    title,
    enacting: 'The General Assembly,',
    paragraphs: [
      { kind: 'pp', text: '' },
      { kind: 'op', level: 0, text: '' },
    ],
  }
}

/**
 * Builds the document JSON for a draft, giving every paragraph a fresh id. The schema needs at
 * least one PP and one OP, so an empty side gets one empty paragraph.
 */
export function draftToDocJson(draft: ResolutionDraft, newId: () => string = newParagraphId): DocJson {
  const pps = draft.paragraphs.flatMap((p) => (p.kind === 'pp' ? [paragraph('pp', p.text, { id: newId() })] : []))
  const ops = draft.paragraphs.flatMap((p) =>
    p.kind === 'op' ? [paragraph('op', p.text, { id: newId(), level: p.level })] : [],
  )
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        content: [
          line('symbol', draft.heading.symbol),
          line('session', draft.heading.session),
          line('agendaItem', draft.heading.agendaItem),
          line('sponsors', draft.heading.sponsors),
        ],
      },
      line('title', draft.title),
      line('enacting', draft.enacting),
      { type: 'preamble', content: pps.length ? pps : [paragraph('pp', '', { id: newId() })] },
      { type: 'operatives', content: ops.length ? ops : [paragraph('op', '', { id: newId(), level: 0 })] },
    ],
  }
}
