// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import type { Access } from '../../shared/api/access'
import type { Paragraph } from '../../shared/paragraphs/types'
import { ProposeForm } from './ProposeForm'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const BASE = 'Calls upon all States to ensure access to safe drinking water;'
const ACCEPTED = 'Urges all States to ensure access to safe drinking water;'
const BRAZIL = 'Calls upon all States to ensure access to safe drinking water, including in rural areas;'

const brazil: Access = { documentId: 'r-1', inviteId: 'i-1', role: 'delegation', state: 'Brazil', organisation: null, name: 'João' }
const op1 = (text: string): Paragraph => ({ id: 'p-1', kind: 'op', number: '1', text, status: 'draft', footnotes: [] })

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.innerHTML = ''
})

function renderForm(text: string): { container: HTMLElement; rerender: (text: string) => void } {
  const container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  const rerender = (current: string) => act(() => root!.render(<ProposeForm documentId="r-1" access={brazil} paragraph={op1(current)} onDone={() => {}} />))
  rerender(text)
  return { container, rerender }
}

/** Types into a React-controlled textarea as a person would. */
function type(textarea: HTMLTextAreaElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, value)
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

const wording = (container: HTMLElement) => container.querySelector<HTMLTextAreaElement>('#proposal-text')!
const submit = (container: HTMLElement) => container.querySelector<HTMLButtonElement>('button[type="submit"]')!

describe('ProposeForm', () => {
  it('moves the draft onto the new text when the paragraph changes, and says so with what changed', () => {
    const { container, rerender } = renderForm(BASE)
    type(wording(container), BRAZIL)
    rerender(ACCEPTED)
    expect(wording(container).value).toBe('Urges all States to ensure access to safe drinking water, including in rural areas;')
    const notice = container.querySelector('.draft-moved')!
    expect(notice.textContent).toContain('OP 1 changed while you were drafting')
    expect([...notice.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['Urges'])
    // The redline of the draft is now only Brazil's own change.
    const changes = container.querySelector('[aria-label="Changes"]')!
    expect([...changes.querySelectorAll('ins')].map((e) => e.textContent?.trim())).toEqual([', including in rural areas'])
    expect(changes.querySelectorAll('del')).toHaveLength(0)
    expect(submit(container).disabled).toBe(false)
  })

  it('lets an untouched draft follow the text without a notice', () => {
    const { container, rerender } = renderForm(BASE)
    rerender(ACCEPTED)
    expect(wording(container).value).toBe(ACCEPTED)
    expect(container.querySelector('.draft-moved')).toBeNull()
  })

  it('shows a conflict, never sends it, and lets the delegation redo its change on the current text', () => {
    const { container, rerender } = renderForm(BASE)
    const mine = 'Encourages all States to ensure access to safe drinking water;'
    type(wording(container), mine)
    rerender(ACCEPTED)
    const conflict = container.querySelector('.draft-conflict')!
    expect(conflict.textContent).toContain('in the same words as your change')
    expect(wording(container).value).toBe(mine)
    expect(submit(container).disabled).toBe(true)
    const edit = [...conflict.querySelectorAll('button')].find((b) => b.textContent === 'Edit on the current text')!
    act(() => edit.click())
    expect(container.querySelector('.draft-conflict')).toBeNull()
    expect(wording(container).value).toBe(ACCEPTED)
    expect(container.textContent).toContain(`Your earlier wording, for reference: “${mine}”`)
    expect(submit(container).disabled).toBe(false)
  })
})
