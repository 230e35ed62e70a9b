import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { PRINT_BUTTON_LABEL, renderCleanHtml, unDate, withPrintButton } from './cleanHtml'
import { thirtyParagraphReading } from './exportFixtures'

const META = { documentId: 'r-clean', versionId: 'v-1', versionLabel: 'Rev.1 <final>', generatedAt: '2019-11-05T09:30:00.000Z' }

const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html')

describe('the clean text as a printable page', () => {
  const resolution = thirtyParagraphReading()
  const html = renderCleanHtml(resolution, META)
  const page = parse(html)
  const texts = (selector: string) => Array.from(page.querySelectorAll(selector)).map((e) => e.textContent!.trim())

  it('has the UN masthead, distribution block, session, agenda item and sponsors', () => {
    expect(texts('.masthead .symbol')).toEqual(['A/C.3/74/L.31/Rev.1'])
    expect(texts('.organ')).toEqual(['General Assembly'])
    expect(texts('.distribution p')).toEqual(['Distr.: Limited', '5 November 2019', 'Original: English', 'Rev.1 <final>'])
    expect(texts('.session')).toEqual(['Seventy-fourth session'])
    expect(texts('.agenda-item')).toEqual(['Agenda item 70 (b)'])
    expect(texts('.sponsors')).toEqual(['Norway, Ireland & Mexico: revised draft resolution'])
    expect(texts('h1')).toEqual(['Protecting human rights defenders <in the digital age>'])
    expect(page.querySelector('.enacting')!.innerHTML).toBe('<i>The General Assembly</i>,')
  })

  it('prints PPs unnumbered with italic openings, OPs as "1." with italic verbs, sub-paragraphs indented', () => {
    const pps = Array.from(page.querySelectorAll('main .kind-pp'))
    expect(pps.map((p) => p.textContent)).toEqual(resolution.paragraphs.filter((p) => p.kind === 'pp').map((p) => p.text))
    expect(pps.map((p) => p.querySelector('i')?.textContent)).toEqual([
      'Recalling', 'Reaffirming also', 'Deeply concerned', 'Mindful', 'Bearing in mind',
      'Noting with appreciation', 'Recognizing', 'Taking note', 'Expressing its deep concern', 'Welcoming',
    ])
    expect(html).not.toMatch(/PP\d/)
    const ops = Array.from(page.querySelectorAll('main .kind-op'))
    expect(ops.map((p) => p.querySelector('.number')!.textContent)).toEqual(Array.from({ length: 13 }, (_, i) => `${i + 1}.`))
    expect(ops[0]!.querySelector('.text')!.innerHTML).toBe(
      '<i>Calls upon</i> all States to respect, protect and ensure the rights of human rights defenders;',
    )
    const subs = Array.from(page.querySelectorAll('main .kind-sub'))
    expect(subs.map((p) => [p.className.match(/depth-\d/)![0], p.querySelector('.number')!.textContent])).toEqual([
      ['depth-1', '(a)'], ['depth-1', '(b)'], ['depth-1', '(c)'], ['depth-2', '(i)'], ['depth-1', '(d)'], ['depth-1', '(a)'], ['depth-1', '(b)'],
    ])
    expect(subs.every((p) => p.querySelector('i') === null)).toBe(true)
    // In document order: every paragraph once, with its id.
    expect(Array.from(page.querySelectorAll('main .paragraph')).map((e) => e.id)).toEqual(resolution.paragraphs.map((p) => `p-${p.id}`))
  })

  it('escapes everything users typed', () => {
    expect(page.querySelectorAll('script')).toHaveLength(0)
    expect(html).toContain('Taking note</i> of the &lt;script&gt;alert(1)&lt;/script&gt; report')
    expect(html).toContain('&quot;surveillance&quot; &amp; smear campaigns')
    expect(html).toContain('Rev.1 &lt;final&gt;')
    const hostile = renderCleanHtml(
      { ...resolution, title: '</title><script>x()</script>', enacting: '<img src=x onerror=alert(1)>,' },
      { documentId: '"><script>', generatedAt: META.generatedAt },
    )
    const hostilePage = parse(hostile)
    expect(hostilePage.querySelectorAll('script, img')).toHaveLength(0)
    expect(hostilePage.querySelector('h1')!.textContent).toBe('</title><script>x()</script>')
    expect(hostilePage.body.getAttribute('data-document')).toBe('"><script>')
  })

  it('is an A4 print page on the shared print style, with page numbers', () => {
    expect(html).toContain('size: A4')
    expect(html).toContain('counter(page)')
    expect(page.querySelector('title')!.textContent).toBe('A/C.3/74/L.31/Rev.1 — Protecting human rights defenders <in the digital age>')
  })

  it('gets a print button, hidden in print, and the file name as its title', () => {
    const printable = parse(withPrintButton(html, 'A-C.3-74-L.31-Rev.1'))
    const button = printable.querySelector('.print-bar button')!
    expect(button.textContent).toBe(PRINT_BUTTON_LABEL)
    expect(button.getAttribute('onclick')).toBe('window.print()')
    expect(printable.body.firstElementChild!.tagName).toBe('STYLE')
    expect(withPrintButton(html, 'x')).toMatch(/@media print \{ \.print-bar \{ display: none !important; \} \}/)
    expect(printable.querySelector('title')!.textContent).toBe('A-C.3-74-L.31-Rev.1')
  })

  it('dates the document as the UN does', () => {
    expect(unDate('2024-02-29T23:59:59.000Z')).toBe('29 February 2024')
  })
})
