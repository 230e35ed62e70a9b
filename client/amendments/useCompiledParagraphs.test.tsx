// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { type CompiledParagraph, compileText } from '../../shared/amendments/compile'
import { pendingAmendment } from '../../shared/amendments/testing'
import type { Amendment } from '../../shared/amendments/types'
import type { Paragraph } from '../../shared/paragraphs/types'
import { useCompiledParagraphs } from './useCompiledParagraphs'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const op = (n: number, text: string): Paragraph => ({ id: `op${n}`, kind: 'op', number: String(n), text, status: 'draft' })
const PARAGRAPHS = [op(1, 'Urges all States to act;'), op(2, 'Calls upon all parties to cooperate;'), op(3, 'Decides to remain seized of the matter.')]
const AMENDMENTS: Amendment[] = [
  pendingAmendment(PARAGRAPHS, { id: 'a1', paragraphId: 'op1', kind: 'replace', text: 'Urges all States to act now;', state: 'France' }),
  pendingAmendment(PARAGRAPHS, { id: 'a2', paragraphId: 'op1', kind: 'delete', text: '', state: 'Brazil' }),
  pendingAmendment(PARAGRAPHS, { id: 'a3', paragraphId: 'op3', kind: 'insert-after', text: 'Requests a report;', newParagraphKind: 'op', state: 'Japan' }),
]

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
})

/** Renders the hook with the given inputs, and gives back what it returned each time. */
function renderHook() {
  const results: CompiledParagraph[][] = []
  function Probe({ paragraphs, amendments }: { paragraphs: readonly Paragraph[]; amendments: readonly Amendment[] }) {
    results.push(useCompiledParagraphs(paragraphs, amendments))
    return null
  }
  root = createRoot(document.createElement('div'))
  return {
    results,
    render: (paragraphs: readonly Paragraph[], amendments: readonly Amendment[]) => act(() => root!.render(<Probe paragraphs={paragraphs} amendments={amendments} />)),
  }
}

describe('useCompiledParagraphs', () => {
  it('compiles as the compilation does, and again only the paragraph whose reading or proposals changed', () => {
    const { results, render } = renderHook()
    render(PARAGRAPHS, AMENDMENTS)
    expect(results.at(-1)).toEqual(compileText(PARAGRAPHS, AMENDMENTS).paragraphs)

    const typed = [PARAGRAPHS[0]!, op(2, 'Calls upon all parties to cooperate fully;'), PARAGRAPHS[2]!]
    render(typed, AMENDMENTS)
    const [first, second] = results.slice(-2)
    expect(second).toEqual(compileText(typed, AMENDMENTS).paragraphs)
    expect(second![0]).toBe(first![0])
    expect(second![1]).not.toBe(first![1])
    expect(second![2]).toBe(first![2])

    const more = [...AMENDMENTS, pendingAmendment(typed, { id: 'a4', paragraphId: 'op3', kind: 'replace', text: 'Decides to remain actively seized of the matter.', state: 'Kenya' })]
    render(typed, more)
    const last = results.at(-1)!
    expect(last).toEqual(compileText(typed, more).paragraphs)
    expect(last[2]!.proposals.map((p) => p.id)).toContain('a4')
  })
})
