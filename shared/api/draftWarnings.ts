import { numberParagraphs } from '../paragraphs/numbering'
import { paragraphLabel } from '../paragraphs/paragraphLabel'
import type { ResolutionDraft } from '../paragraphs/types'

const LEVEL_NAMES = ['an operative paragraph', 'a sub-paragraph (a)', 'a sub-sub-paragraph (i)'] as const

/**
 * What the preview asks the person to check about a draft's structure, whatever it was read
 * from (pasted text, a Word file, or their own corrections): the recogniser's doubts about the
 * text itself come on top. Each names the paragraph as it will be numbered, and what creating
 * the resolution would do about it, since the document cannot hold these shapes as they are.
 */
export function draftWarnings(draft: ResolutionDraft): string[] {
  const warnings: string[] = []
  if (!draft.title.trim()) warnings.push('No title was found: type one before creating the resolution.')
  if (draft.paragraphs.length === 0) {
    warnings.push(`No paragraphs were found after “${draft.enacting}”.`)
    return warnings
  }
  if (!draft.paragraphs.some((p) => p.kind === 'op')) {
    warnings.push('No operative paragraphs were found: every paragraph was read as preambular.')
  }
  const numbers = numberParagraphs(draft.paragraphs)
  let lastOp = ''
  draft.paragraphs.forEach((p, i) => {
    const label = paragraphLabel(numbers[i])
    if (p.kind === 'op') {
      if (numbers[i].level < p.level) {
        const parent = LEVEL_NAMES[p.level - 1].replace(/^an? /, '')
        warnings.push(`${label} was read as ${LEVEL_NAMES[p.level]} with no ${parent} above it: it will be ${LEVEL_NAMES[numbers[i].level]}.`)
      }
      lastOp = label
    } else if (lastOp) {
      // The document keeps the preamble before the operative part (resolutionSchema).
      warnings.push(`${label} stands after ${lastOp}: it will be moved up into the preamble, unless you make it an OP.`)
    }
  })
  return warnings
}
