// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { ExportMenu, redlineExportLinks } from './ExportMenu'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.innerHTML = ''
})

function render(element: React.ReactElement): HTMLElement {
  const container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root!.render(element))
  return container
}

const links = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('a')).map((a) => [a.getAttribute('aria-label'), a.getAttribute('href'), a.getAttribute('target')])

describe('ExportMenu', () => {
  it('is a disclosure: closed, opened by its button, closed again by Escape with focus back on the button', () => {
    const container = render(<ExportMenu documentId="r-1" />)
    const button = container.querySelector('button')!
    const panel = container.querySelector('.export-panel') as HTMLElement
    expect(button.textContent).toContain('Export')
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(button.getAttribute('aria-controls')).toBe(panel.id)
    expect(panel.hidden).toBe(true)
    act(() => button.click())
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(panel.hidden).toBe(false)
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    })
    expect(panel.hidden).toBe(true)
    expect(document.activeElement).toBe(button)
  })

  it('links the clean text (.docx, PDF, print page, Akoma Ntoso) and the compilation text (.docx, PDF, print page) of the live text', () => {
    const container = render(<ExportMenu documentId="r-1" />)
    expect(Array.from(container.querySelectorAll('h3')).map((h) => h.textContent)).toEqual(['Clean text', 'Compilation text'])
    expect(links(container)).toEqual([
      ['Clean text as Word (.docx)', '/api/documents/r-1/export?format=docx&view=clean', null],
      ['Clean text as PDF, opens in a new tab', '/api/documents/r-1/export?format=pdf&view=clean', '_blank'],
      ['Clean text as Print page, opens in a new tab', '/api/documents/r-1/export?format=html&view=clean', '_blank'],
      ['Clean text as Akoma Ntoso (XML)', '/api/documents/r-1/export?format=akn&view=clean', null],
      ['Compilation text as Word (.docx)', '/api/documents/r-1/export?format=docx&view=compilation', null],
      ['Compilation text as PDF, opens in a new tab', '/api/documents/r-1/export?format=pdf&view=compilation', '_blank'],
      ['Compilation text as Print page, opens in a new tab', '/api/documents/r-1/export?format=html&view=compilation', '_blank'],
    ])
  })

  it('exports a version’s clean text only: the compilation is of the live text', () => {
    const container = render(<ExportMenu documentId="r-1" version="v-abc" label="Export Rev.1" />)
    expect(container.querySelector('button')!.textContent).toContain('Export Rev.1')
    expect(links(container).map(([, href]) => href)).toEqual([
      '/api/documents/r-1/export?format=docx&view=clean&version=v-abc',
      '/api/documents/r-1/export?format=pdf&view=clean&version=v-abc',
      '/api/documents/r-1/export?format=html&view=clean&version=v-abc',
      '/api/documents/r-1/export?format=akn&view=clean&version=v-abc',
    ])
  })
})

describe('redlineExportLinks', () => {
  it('exports from the older side (against) to the newer (version; none for the live text)', () => {
    expect(redlineExportLinks('r-1', 'v-old', 'live')).toEqual({
      docx: '/api/documents/r-1/export?format=docx&view=redline&against=v-old',
      pdf: '/api/documents/r-1/export?format=pdf&view=redline&against=v-old',
    })
    expect(redlineExportLinks('r-1', 'v-old', 'v-new').docx).toBe('/api/documents/r-1/export?format=docx&view=redline&version=v-new&against=v-old')
  })
})
