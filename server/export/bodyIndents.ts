/**
 * The UN paragraph layout, in twips (1/1440 inch; 567 ≈ 1 cm), shared by the Word and PDF
 * exports: the body is set in 1 cm from the heading block on both sides; a PP's or OP's first line
 * starts 1 cm further in, where an OP's number stands, its text after a tab at 3 cm; a
 * sub-paragraph hangs its "(a)" in front of its text, one step further in per level.
 */
import type { ParagraphKind } from '../../shared/paragraphs/types'
import { subDepth } from '../print/printPage'

export const BODY_INDENT = 567
const FIRST_LINE = 567
const OP_TEXT = BODY_INDENT + FIRST_LINE + 567
const SUB_STEP = 1134
const SUB_HANGING = [0, 567, 709]

export interface BodyIndents {
  /** Where the lines after the first start. */
  start: number
  /** Where the first line's text starts. */
  firstStart: number
  /** Where the number stands on the first line. */
  label: number
  end: number
}

export function bodyIndents(p: { kind: ParagraphKind; number: string }): BodyIndents {
  if (p.kind === 'sub') {
    const depth = Math.max(1, subDepth(p))
    const start = BODY_INDENT + depth * SUB_STEP
    return { start, firstStart: start, label: start - (SUB_HANGING[depth] ?? 567), end: BODY_INDENT }
  }
  return { start: BODY_INDENT, firstStart: OP_TEXT, label: BODY_INDENT + FIRST_LINE, end: BODY_INDENT }
}
