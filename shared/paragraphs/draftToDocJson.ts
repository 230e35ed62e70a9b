import type { DocJson } from './docJson'
import { newParagraphId } from './newParagraphId'
import { emptyHeading, type Footnote, HEADING_FIELDS, type ItalicRange, type ResolutionDraft } from './types'

const line = (type: string, text: string): DocJson =>
  text ? { type, content: [{ type: 'text', text }] } : { type }

interface ParagraphContent {
  text: string
  italics?: ItalicRange[]
  footnotes?: Footnote[]
}

const paragraph = (type: 'pp' | 'op', { text, italics, footnotes }: ParagraphContent, attrs: Record<string, unknown>): DocJson => {
  const content = withFootnotes(inlineContent(text, italics), footnotes ?? [])
  return content.length > 0 ? { type, content, attrs } : { type, attrs }
}

/** Cuts the text runs at each footnote's offset and puts the footnote node there. */
export function withFootnotes(runs: DocJson[], footnotes: readonly Footnote[]): DocJson[] {
  if (footnotes.length === 0) return runs
  const sorted = [...footnotes].sort((a, b) => a.offset - b.offset)
  const out: DocJson[] = []
  let at = 0
  let next = 0
  const placeDue = (upTo: number) => {
    while (next < sorted.length && sorted[next].offset <= upTo) {
      out.push({ type: 'footnote', attrs: { text: sorted[next].text } })
      next += 1
    }
  }
  for (const run of runs) {
    let text = run.text ?? ''
    placeDue(at)
    while (next < sorted.length && sorted[next].offset < at + text.length) {
      const cut = sorted[next].offset - at
      if (cut > 0) out.push({ ...run, text: text.slice(0, cut) })
      text = text.slice(cut)
      at += cut
      placeDue(at)
    }
    if (text) out.push({ ...run, text })
    at += text.length
  }
  placeDue(Infinity)
  return out
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
    heading: emptyHeading(),
    language: 'en',
    adoption: '',
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
    p.kind === 'pp' ? [paragraph('pp', p, { id: newId() })] : [],
  )
  const ops = draft.paragraphs.flatMap((p) =>
    p.kind === 'op' ? [paragraph('op', p, { id: newId(), level: p.level })] : [],
  )
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { language: draft.language },
        content: HEADING_FIELDS.map((field) => line(field, draft.heading[field])),
      },
      line('title', draft.title),
      line('enacting', draft.enacting),
      { type: 'preamble', content: pps.length ? pps : [paragraph('pp', { text: '' }, { id: newId() })] },
      { type: 'operatives', content: ops.length ? ops : [paragraph('op', { text: '' }, { id: newId(), level: 0 })] },
      line('adoption', draft.adoption),
    ],
  }
}
