import type { DocJson } from './docJson'
import { newParagraphId } from './newParagraphId'
import type { ItalicRange, ResolutionDraft } from './types'

const line = (type: string, text: string): DocJson =>
  text ? { type, content: [{ type: 'text', text }] } : { type }

const paragraph = (type: 'pp' | 'op', text: string, attrs: Record<string, unknown>, italics: ItalicRange[] = []): DocJson => {
  const content = inlineContent(text, italics)
  return content.length > 0 ? { type, content, attrs } : { type, attrs }
}

/**
 * The text nodes of a paragraph: plain runs and runs with the `italic` mark. Ranges are clipped to
 * the text, sorted and merged, so any list of ranges gives valid content.
 */
export function inlineContent(text: string, italics: readonly ItalicRange[] = []): DocJson[] {
  const merged: ItalicRange[] = []
  const clipped = italics
    .map(([from, to]): ItalicRange => [Math.max(0, Math.trunc(from)), Math.min(text.length, Math.trunc(to))])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0])
  for (const [from, to] of clipped) {
    const last = merged[merged.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  const nodes: DocJson[] = []
  let at = 0
  for (const [from, to] of merged) {
    if (from > at) nodes.push({ type: 'text', text: text.slice(at, from) })
    nodes.push({ type: 'text', text: text.slice(from, to), marks: [{ type: 'italic' }] })
    at = to
  }
  if (at < text.length) nodes.push({ type: 'text', text: text.slice(at) })
  return nodes
}

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
  const pps = draft.paragraphs.flatMap((p) =>
    p.kind === 'pp' ? [paragraph('pp', p.text, { id: newId() }, p.italics)] : [],
  )
  const ops = draft.paragraphs.flatMap((p) =>
    p.kind === 'op' ? [paragraph('op', p.text, { id: newId(), level: p.level }, p.italics)] : [],
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
