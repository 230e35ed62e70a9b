import { describe, expect, it } from 'vitest'
import {
  compileText,
  type Compilation,
  type CompilationFilter,
  type CompiledParagraph,
  type CompiledProposal,
  type CompiledThread,
} from '../../shared/amendments/compile'
import type { Amendment } from '../../shared/amendments/types'
import type { Paragraph } from '../../shared/paragraphs/types'
import { escapeHtml } from '../print/printPage'
import { renderCompilationHtml } from './compilationHtml'
import { type AmendmentFields, pendingAmendment } from '../../shared/amendments/testing'

const STATES = ['Brazil', 'Chile', 'Peru']

const meta = (filter: CompilationFilter = {}) => ({
  title: 'Safety of journalists',
  symbol: 'A/C.3/74/L.31',
  generatedAt: '1 October 2024, 10:00',
  filter,
  states: STATES,
})

const paragraphs: Paragraph[] = [
  { id: 'pp1', kind: 'pp', number: 'PP1', text: 'Recalling its resolution 72/175,', status: 'agreed-ad-ref' },
  { id: 'op4', kind: 'op', number: '4', text: 'Urges all States to ensure the safety of journalists;', status: 'negotiating' },
  { id: 'op4b', kind: 'sub', number: '4 (b)', text: 'to protect journalists;', status: 'agreed' },
]

const amendment = (fields: AmendmentFields): Amendment => pendingAmendment(paragraphs, fields)

const amendments: Amendment[] = [
  amendment({
    id: 'r1',
    paragraphId: 'op4',
    kind: 'replace',
    text: 'Urges all States to ensure the full safety of journalists;',
    supporters: ['Chile', 'Peru'],
    objectors: ['Norway'],
    note: 'Aligns with HRC language.',
  }),
  amendment({ id: 'i1', paragraphId: 'op4', kind: 'insert-after', text: 'Calls upon States to release journalists;', createdAt: '2024-10-01T09:01:00.000Z' }),
  amendment({ id: 'i2', paragraphId: 'op4', kind: 'insert-after', text: 'Encourages media literacy;', state: 'Chile', enteredBy: 'fac-1', createdAt: '2024-10-01T09:02:00.000Z' }),
  amendment({ id: 'd1', paragraphId: 'pp1', kind: 'delete', state: 'Peru' }),
]

const render = (filter: CompilationFilter = {}) => renderCompilationHtml(compileText(paragraphs, amendments, filter), meta(filter))

/** A hand-built compilation, so the renderer is tested without depending on how the diff splits words. */
function handBuilt(paragraph: Partial<CompiledParagraph>, proposal: Partial<CompiledProposal>): Compilation {
  const p: CompiledProposal = {
    id: 'x',
    kind: 'replace',
    state: 'Brazil',
    enteredBy: null,
    supporters: [],
    objectors: [],
    reopensAgreed: false,
    note: '',
    createdAt: '2024-10-01T09:00:00.000Z',
    redline: [{ op: 'equal', text: 'Urges States' }],
    drafting: 'current',
    originalBase: null,
    label: null,
    ...proposal,
  }
  const compiled: CompiledParagraph = {
    id: 'op1',
    kind: 'op',
    number: '1',
    text: 'Urges States;',
    status: 'draft',
    contested: false,
    proposals: [p],
    insertions: [],
    orphaned: false,
    ...paragraph,
  }
  return { paragraphs: [compiled], totals: { paragraphs: 1, proposals: 1, contested: 0, states: ['Brazil'] } }
}

describe('renderCompilationHtml', () => {
  it('produces a standalone HTML5 document with a print stylesheet', () => {
    const html = render()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/)
    expect(html).toContain('@page { size: A4;')
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('heads the document with symbol, title, date and totals', () => {
    const html = render()
    expect(html).toContain('A/C.3/74/L.31')
    expect(html).toContain('<h1>Safety of journalists</h1>')
    expect(html).toContain('Compilation text as of 1 October 2024, 10:00')
    expect(html).toContain('3 paragraphs · 4 pending proposals · 1 contested · from 3 States')
  })

  it('escapes script in a note and in a paragraph text', () => {
    const evil = '<script>alert("x")</script>'
    const html = renderCompilationHtml(handBuilt({ text: `Urges ${evil};` }, { note: evil, state: `<b>Evil</b>` }), meta())
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>Evil</b>')
    expect(html).toContain('Urges &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;;')
    expect(html).toContain('<em>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</em>')
    expect(html).toContain('Proposed by &lt;b&gt;Evil&lt;/b&gt;')
  })

  it('escapes the title, the symbol, the redline and State names in the filter form', () => {
    const c = handBuilt({}, { redline: [{ op: 'insert', text: '<img src=x onerror=alert(1)>' }] })
    const html = renderCompilationHtml(c, { ...meta({ state: '"><script>' }), title: '<i>T</i>', symbol: 'A/<x>', states: ['A&B'] })
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<i>T</i>')
    expect(html).not.toContain('A/<x>')
    expect(html).not.toContain('"><script>')
    expect(html).toContain('<ins>&lt;img src=x onerror=alert(1)&gt;</ins>')
    expect(html).toContain('<option value="A&amp;B">A&amp;B</option>')
    expect(html).toContain('<option value="&quot;&gt;&lt;script&gt;" selected>')
  })

  it('marks a replacement with ins and del', () => {
    const html = renderCompilationHtml(
      handBuilt({}, { redline: [{ op: 'equal', text: 'Urges ' }, { op: 'delete', text: 'States' }, { op: 'insert', text: 'all Member States' }] }),
      meta(),
    )
    expect(html).toContain('Urges <del>States</del><ins>all Member States</ins>')
  })

  it('marks a compiled replacement with an insertion and a deletion strikes the whole paragraph', () => {
    const html = render()
    expect(html).toMatch(/<ins>[^<]*full[^<]*<\/ins>/)
    expect(html).toContain('<del>Recalling its resolution 72/175,</del>')
  })

  it('attributes each proposal with supporters, objectors and justification in italics', () => {
    const html = render()
    expect(html).toContain('Proposed by Brazil, joined by Chile and Peru; objected to by Norway')
    expect(html).toContain('<em>Aligns with HRC language.</em>')
    expect(html).toContain('Proposed by Chile; entered by the facilitators on behalf of Chile')
  })

  it('shows new paragraphs in place, numbered "OP 4 bis (Brazil)", "OP 4 ter (Chile)"', () => {
    const html = render()
    const bis = html.indexOf('OP 4 bis (Brazil)')
    const ter = html.indexOf('OP 4 ter (Chile)')
    expect(bis).toBeGreaterThan(html.indexOf('Urges all States'))
    expect(ter).toBeGreaterThan(bis)
    expect(ter).toBeLessThan(html.indexOf('to protect journalists;'))
    expect(html).toContain('<ins>Calls upon States to release journalists;</ins>')
  })

  it('prints paragraph numbers as a UN document does: "PP1", "4.", "(b)"', () => {
    const html = render()
    expect(html).toContain('<span class="number">PP1</span>')
    expect(html).toContain('<span class="number">4.</span>')
    expect(html).toContain('<span class="number">(b)</span>')
  })

  it('shows each paragraph status as a badge', () => {
    const html = render()
    expect(html).toContain('<span class="badge status-agreed-ad-ref">Agreed ad ref</span>')
    expect(html).toContain('<span class="badge status-negotiating">Under negotiation</span>')
    expect(html).toContain('<span class="badge status-agreed">Agreed</span>')
  })

  it('offers a GET filter form, hidden in print, that keeps the current filter selected', () => {
    const html = render({ state: 'Chile', status: 'negotiating', contestedOnly: true })
    expect(html).toMatch(/<form class="filters no-print" method="GET">/)
    // Hidden in print only: on screen the form is how the reader filters.
    expect(html).toMatch(/@media print \{\s*\.no-print \{ display: none !important; \}/)
    expect(html).toContain('<input type="hidden" name="format" value="html">')
    expect(html).toContain('<option value="">All States</option>')
    expect(html).toContain('<option value="Chile" selected>Chile</option>')
    expect(html).toContain('<option value="Brazil">Brazil</option>')
    expect(html).toContain('<option value="negotiating" selected>Under negotiation</option>')
    expect(html).toContain('<input type="checkbox" name="contested" value="1" checked>')
    expect(html).toContain('<button type="submit">Apply</button>')
    expect(html).toContain('Showing proposals made or supported by Chile; paragraphs under negotiation; contested paragraphs only.')
  })

  it('selects "All States" and leaves contested unchecked with no filter', () => {
    const html = render()
    expect(html).toContain('<option value="" selected>All States</option>')
    expect(html).toContain('<input type="checkbox" name="contested" value="1">')
  })

  it('warns when a proposal was drafted against an older text and shows that text', () => {
    const html = renderCompilationHtml(handBuilt({}, { drafting: 'older-text', originalBase: 'Urges <older> States;' }), meta())
    expect(html).toContain('Drafted against an older text')
    expect(html).toContain('Urges &lt;older&gt; States;')
    expect(renderCompilationHtml(handBuilt({}, {}), meta())).not.toContain('Drafted against an older text')
  })

  it('says so when a paragraph is no longer in the text', () => {
    const html = renderCompilationHtml(handBuilt({ orphaned: true, text: '', number: '' }, {}), meta())
    expect(html).toContain('no longer in the text')
  })
})

describe('renderCompilationHtml with comments', () => {
  const thread: CompiledThread = {
    id: 't1',
    quote: 'all <States>',
    comments: [
      { id: 't1', author: 'Sam (Observer (ISHR))', body: '<script>alert("x")</script>\nSecond line', createdAt: '2024-10-01T09:00:00.000Z', edited: true },
      { id: 'r1', author: 'Ana (Facilitator)', body: 'Thanks & noted.', createdAt: '2024-10-01T09:05:00.000Z', edited: false },
    ],
  }
  const withThreads = (threads: CompiledThread[], paragraph: Partial<CompiledParagraph> = {}): Compilation => {
    const c = handBuilt({ comments: threads, ...paragraph }, {})
    return { ...c, totals: { ...c.totals, comments: threads.length } }
  }

  it('shows each open thread under its paragraph, attributed, with its replies, and escaped', () => {
    const html = renderCompilationHtml(withThreads([thread]), { ...meta(), comments: true })
    expect(html).not.toContain('<script>')
    expect(html).toContain('<div class="thread" id="c-t1">')
    expect(html).toContain(
      '<p class="comment"><span class="comment-by">Comment by Sam (Observer (ISHR))</span> on <q>all &lt;States&gt;</q>: ' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Second line <span class="edited">(edited)</span></p>',
    )
    expect(html).toContain('<p class="comment reply"><span class="comment-by">Reply by Ana (Facilitator)</span>: Thanks &amp; noted.</p>')
    expect(html.indexOf('Comment by')).toBeGreaterThan(html.indexOf('class="proposal'))
  })

  it('leaves out the quote of a comment on a whole paragraph', () => {
    const html = renderCompilationHtml(withThreads([{ ...thread, quote: '' }]), meta())
    expect(html).toContain('Comment by Sam (Observer (ISHR))</span>: &lt;script&gt;')
  })

  it('counts open threads in the header and keeps the choice in the form only when asked', () => {
    const asked = renderCompilationHtml(withThreads([thread]), { ...meta(), comments: true })
    expect(asked).toContain('1 paragraph · 1 pending proposal · 0 contested · from 1 State · 1 open comment thread')
    expect(asked).toContain('<input type="checkbox" name="comments" value="1" checked> Open comments')
    const plain = render()
    expect(plain).not.toContain('open comment thread')
    expect(plain).not.toContain('class="comments"')
    expect(plain).toContain('<input type="checkbox" name="comments" value="1"> Open comments')
  })

  it('says comments are still open on a paragraph no longer in the text', () => {
    const c = withThreads([thread], { orphaned: true, text: '', number: '', proposals: [] })
    expect(renderCompilationHtml(c, meta())).toContain('no longer in the text; comments made on it are still open')
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
