import { describe, expect, it } from 'vitest'
import type { Paragraph } from '../../shared/paragraphs/types'
import { compareVersions } from '../../shared/versions/compareVersions'
import { renderRedlineHtml, type RedlineHtmlMeta } from './redlineHtml'

const meta: RedlineHtmlMeta = {
  title: 'Safety of journalists',
  symbol: 'A/C.3/74/L.31',
  fromLabel: 'Rev.1',
  toLabel: 'Rev.2',
  generatedAt: '1 October 2024, 10:00',
}

const para = (id: string, kind: Paragraph['kind'], number: string, text: string, status: Paragraph['status'] = 'draft'): Paragraph => ({
  id,
  kind,
  number,
  text,
  status,
})

const rev1: Paragraph[] = [
  para('pp1', 'pp', 'PP1', 'Recalling its resolution 72/175,'),
  para('pp2', 'pp', 'PP2', 'Noting with concern the attacks,'),
  para('op1', 'op', '1', 'Condemns all attacks;'),
  para('op2', 'op', '2', 'Urges all States to ensure the safety of journalists;', 'negotiating'),
  para('op3', 'op', '3', 'Calls upon States to release journalists;'),
  para('op3a', 'sub', '3 (a)', 'without delay;'),
  para('op4', 'op', '4', 'Decides to remain seized of the matter.'),
]

const rev2: Paragraph[] = [
  para('pp1', 'pp', 'PP1', 'Recalling its resolution 72/175,'),
  para('op1', 'op', '1', 'Condemns all attacks;'),
  para('op3', 'op', '2', 'Calls upon States to release journalists;'),
  para('op3a', 'sub', '2 (a)', 'without delay;'),
  para('op2', 'op', '3', 'Urges all States to fully ensure the safety of media workers;', 'agreed-ad-ref'),
  para('op4', 'op', '4', 'Decides to remain seized of the matter.'),
]

/** The HTML of one paragraph's section. */
function section(html: string, id: string): string {
  const match = html.match(new RegExp(`<section [^>]*id="p-${id}">[^]*?</section>`))
  expect(match, `section for ${id}`).not.toBeNull()
  return match![0]
}

describe('renderRedlineHtml', () => {
  const redline = compareVersions(rev1, rev2)
  const html = renderRedlineHtml(redline, meta)

  it('is a standalone printable page with the symbol, title, versions compared and the summary', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<style>')
    expect(html).toContain('@media print')
    expect(html).not.toMatch(/<script|<link|src=/i)
    expect(html).toContain('<p class="symbol">A/C.3/74/L.31</p>')
    expect(html).toContain('<h1>Safety of journalists</h1>')
    expect(html).toContain('Changes from Rev.1 to Rev.2')
    expect(html).toContain('1 October 2024, 10:00')
    expect(redline.summary).toBe('1 paragraph deleted, 1 changed, 1 moved, 3 renumbered; OP 3 became agreed ad ref')
    expect(html).toContain(`<p class="summary">${redline.summary}</p>`)
  })

  it('marks the words of a change with ins and del, and nothing else', () => {
    const changed = section(html, 'op2')
    expect(changed).toContain('Urges all States to')
    expect(changed).toMatch(/<ins>\s?fully\s?<\/ins>/)
    expect(changed).toContain('<del>journalists</del>')
    expect(changed).toContain('<ins>media workers</ins>')
    expect(changed.match(/<ins>/g)).toHaveLength(2)
    expect(changed.match(/<del>/g)).toHaveLength(1)
    // The number is the one it has now.
    expect(changed).toContain('<span class="number">3.</span>')
  })

  it('writes out the move, once, and the status change', () => {
    const moved = section(html, 'op2')
    expect(moved).toContain('Moved: former OP 2, now OP 3')
    expect(moved).toContain('OP 3 became agreed ad ref')
    expect(html.match(/class="note note-moved"/g)).toHaveLength(1)
    expect(html.match(/Moved:/g)).toHaveLength(1)
    expect(section(html, 'op3')).toContain('<span class="note note-renumbered">Former OP 3, now OP 2</span>')
    expect(section(html, 'op3a')).toContain('Former OP 3 (a), now OP 2 (a)')
  })

  it('strikes a deleted paragraph through whole, under the number it had', () => {
    const deleted = section(html, 'pp2')
    expect(deleted).toContain('change-deleted')
    expect(deleted).toContain('<span class="number">PP2</span>')
    expect(deleted).toContain('<del>Noting with concern the attacks,</del>')
    expect(deleted).not.toContain('<ins>')
    expect(deleted).toContain('Deleted (was PP2)')
    // Where it stood: after PP1, before OP 1.
    expect(html.indexOf('id="p-pp1"')).toBeLessThan(html.indexOf('id="p-pp2"'))
    expect(html.indexOf('id="p-pp2"')).toBeLessThan(html.indexOf('id="p-op1"'))
  })

  it('shows unchanged paragraphs plainly, with no marks and no notes', () => {
    const plain = section(html, 'op1')
    expect(plain).toContain('untouched')
    expect(plain).toContain('<span class="text">Condemns all attacks;</span>')
    expect(plain).not.toMatch(/<ins>|<del>|class="note/)
  })

  it('shows an added paragraph wholly inserted', () => {
    const added = renderRedlineHtml(compareVersions(rev2, [...rev2, para('op5', 'op', '5', 'Requests a report;')]), meta)
    expect(section(added, 'op5')).toContain('<ins>Requests a report;</ins>')
    expect(section(added, 'op5')).toContain('New OP 5')
    expect(added).toContain('<p class="summary">1 paragraph added</p>')
  })

  it('says "No changes" for identical versions', () => {
    const same = renderRedlineHtml(compareVersions(rev1, rev1), meta)
    expect(same).toContain('<p class="summary">No changes</p>')
    expect(same).not.toMatch(/<(ins|del)>(?!in bold|struck)/)
  })

  it('escapes everything that came from a user', () => {
    const evil = '<script>alert("x")</script>'
    const before = [para('a"><script>', 'op', '1', `Condemns ${evil};`), para('b', 'op', '2', `Notes ${evil} & more;`)]
    const after = [para('a"><script>', 'op', '1', `Strongly condemns ${evil};`)]
    const page = renderRedlineHtml(compareVersions(before, after), {
      title: `Title ${evil}`,
      symbol: `A/<b>1</b>`,
      fromLabel: '<i>Rev.1</i>',
      toLabel: "Rev.2 'final'",
      generatedAt: '<now>',
    })
    expect(page).not.toMatch(/<script|<b>|<i>|<now>/)
    expect(page).toContain('Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(page).toContain('A/&lt;b&gt;1&lt;/b&gt;')
    expect(page).toContain('Changes from &lt;i&gt;Rev.1&lt;/i&gt; to Rev.2 &#39;final&#39;')
    expect(page).toContain('id="p-a&quot;&gt;&lt;script&gt;"')
    expect(page).toContain('<del>Notes &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more;</del>')
  })

  it('says so when neither version has paragraphs', () => {
    expect(renderRedlineHtml(compareVersions([], []), meta)).toContain('Neither version has any paragraphs.')
  })
})
