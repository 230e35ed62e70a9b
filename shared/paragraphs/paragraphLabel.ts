import type { ParagraphKind } from './types'

/**
 * How negotiators cite a paragraph: "PP3", "OP 5", "OP 5 (b)", "OP 5 (b) (ii)"; "OP" for a lone
 * OP, which UN practice leaves unnumbered.
 */
export function paragraphLabel(p: { kind: ParagraphKind; number: string }): string {
  if (p.kind === 'pp') return p.number || 'PP'
  return `OP ${p.number}`.trim()
}
