import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { PRINT_BUTTON_LABEL, renderCleanHtml, withPrintButton } from './cleanHtml'
import { adoptedReading, arabicReading, thirtyParagraphReading } from './exportFixtures'

const META = { documentId: 'r-clean', versionId: 'v-1', versionLabel: 'Rev.1 <final>' }

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
    const words = (p: (typeof pps)[number]) => Array.from(p.childNodes).filter((n) => n.nodeName !== 'SUP').map((n) => n.textContent).join('')
    expect(pps.map(words)).toEqual(resolution.paragraphs.filter((p) => p.kind === 'pp').map((p) => p.text))
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
      { documentId: '"><script>' },
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

  it('raises each footnote number where its marker stands and prints the notes after the text', () => {
    expect(texts('main .footnote-ref')).toEqual(['1', '2', '3', '4'])
    expect(page.querySelector('#p-p-1')!.innerHTML).toMatch(/Human Rights<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1<\/a><\/sup>,$/)
    expect(texts('.footnotes li')).toEqual([
      'Resolution 217 A (III).',
      'A/74/159 & <Corr.1>.',
      'See also the report of the High Commissioner.',
      'Including at its seventy-fifth session.',
    ])
  })

  it('prints an adopted text with its number, adoption record and meeting line, and no date it does not have', () => {
    const adopted = parse(renderCleanHtml(adoptedReading(), { documentId: 'r-res' }))
    const all = (selector: string) => Array.from(adopted.querySelectorAll(selector)).map((e) => e.textContent!.trim())
    expect(all('.distribution p')).toEqual([])
    expect(adopted.body.textContent).not.toMatch(/Distr\.|Original:|20\d\d-\d\d/)
    expect(all('.adopted-by')).toEqual(['Resolution adopted by the General Assembly on 18 December 2019'])
    expect(all('.report')).toEqual(['[on the report of the Third Committee (A/74/399/Add.2)]'])
    expect(all('h1')).toEqual(['74/146. Protecting human rights defenders <in the digital age>'])
    expect(all('main > *').at(-1)).toBe('50th plenary meeting, 18 December 2019')
  })

  it('prints no "Original:" for a draft that does not say its original language', () => {
    const reading = thirtyParagraphReading()
    const draft = parse(renderCleanHtml({ ...reading, heading: { ...reading.heading, originalLanguage: '', date: '' } }, { documentId: 'r-d' }))
    expect(Array.from(draft.querySelectorAll('.distribution p')).map((e) => e.textContent)).toEqual(['Distr.: Limited'])
    expect(draft.body.textContent).not.toContain('Original')
  })

  it('sets an Arabic text right to left, with its masthead in Arabic', () => {
    const arabic = parse(renderCleanHtml(arabicReading(), { documentId: 'r-ar' }))
    expect(arabic.documentElement.getAttribute('dir')).toBe('rtl')
    expect(arabic.documentElement.getAttribute('lang')).toBe('ar')
    expect(arabic.querySelector('.organisation')!.textContent).toBe('الأمم المتحدة')
    expect(arabic.querySelector('.organ')!.textContent).toBe('مجلس حقوق الإنسان')
  })
})
