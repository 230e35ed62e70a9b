import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cleanDocx } from './docx'
import { documentXml, readingOf, thirtySpecs } from './docxTestKit'
import { xmlSafe, xmlSafeDeep } from './xmlText'

describe('xmlSafe', () => {
  it('drops what XML cannot carry and keeps everything else, emoji and tabs included', () => {
    expect(xmlSafe('a\u0001b\uFFFEc\uFFFFd\ud800e\tf 😀 ü')).toBe('abcde\tf 😀 ü')
  })

  it('cleans every string inside an export’s input, leaving its shape', () => {
    expect(xmlSafeDeep({ title: 'x\uFFFE', paragraphs: [{ text: '\u0002y', number: 3 }] })).toEqual({
      title: 'x',
      paragraphs: [{ text: 'y', number: 3 }],
    })
  })

  it('keeps a Word file well-formed when a paragraph holds a noncharacter', async () => {
    const reading = readingOf(thirtySpecs())
    reading.paragraphs[0] = { ...reading.paragraphs[0]!, text: 'Recalling \uFFFE its resolutions \uFFFF,' }
    const xml = documentXml(await cleanDocx(reading))
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/)
    expect(xml).toContain('its resolutions')
    // xmllint, when present, agrees that Word will read it.
    let xmllint = true
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
    } catch {
      xmllint = false
    }
    if (xmllint) expect(() => execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'ignore', 'pipe'] })).not.toThrow()
  })
})
