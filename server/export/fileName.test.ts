import { describe, expect, it } from 'vitest'
import { exportFileName } from './fileName'

describe('exportFileName', () => {
  it('turns the symbol\'s slashes into hyphens and adds the revision: A-C.3-74-L.31-Rev.1.docx', () => {
    expect(exportFileName('A/C.3/74/L.31', 'Rev.1', 'clean', 'docx')).toBe('A-C.3-74-L.31-Rev.1.docx')
    expect(exportFileName('A/C.3/74/L.31', undefined, 'clean', 'pdf')).toBe('A-C.3-74-L.31.pdf')
    expect(exportFileName('A/HRC/55/L.12', null, 'clean', 'xml')).toBe('A-HRC-55-L.12.xml')
  })

  it('names the view for the compilation text and the redline', () => {
    expect(exportFileName('A/C.3/74/L.31', 'Rev.1', 'compilation', 'docx')).toBe('A-C.3-74-L.31-Rev.1-compilation.docx')
    expect(exportFileName('A/C.3/74/L.31', 'Rev.2', 'redline', 'pdf')).toBe('A-C.3-74-L.31-Rev.2-redline.pdf')
  })

  it('says "resolution" when there is no symbol (or nothing safe is left of it)', () => {
    expect(exportFileName('', undefined, 'clean', 'docx')).toBe('resolution.docx')
    expect(exportFileName('   ', 'Rev.1', 'clean', 'docx')).toBe('resolution-Rev.1.docx')
    expect(exportFileName('«»', undefined, 'redline', 'docx')).toBe('resolution-redline.docx')
  })

  it('keeps only safe characters: no quotes, path separators, spaces or control characters', () => {
    const name = exportFileName('A/C.3/74/L.31"; filename=evil.exe\r\n', '../../Rev 1 "final"', 'clean', '.DOCX')
    expect(name).toMatch(/^[A-Za-z0-9.-]+$/)
    expect(name).not.toContain('..')
    expect(name.endsWith('.docx')).toBe(true)
    expect(exportFileName('A/C.3/74/L.31', 'Révision 2', 'clean', 'docx')).toBe('A-C.3-74-L.31-Revision-2.docx')
  })

  it('does not repeat a revision the symbol already ends with', () => {
    expect(exportFileName('A/C.3/74/L.31/Rev.1', 'Rev.1', 'clean', 'docx')).toBe('A-C.3-74-L.31-Rev.1.docx')
  })

  it('cuts an absurdly long symbol short', () => {
    expect(exportFileName(`A/${'X'.repeat(500)}`, 'Rev.1', 'clean', 'docx').length).toBeLessThanOrEqual(130)
  })
})
