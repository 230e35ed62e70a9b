import { createHash } from 'node:crypto'
import type { Paragraph } from '../../shared/paragraphs/types'

/**
 * A paragraph's text as the server remembers it: a hash, enough to recognise the text a proposal
 * says it was drafted on, without keeping every draft of every paragraph.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

export function paragraphTextHashes(paragraphs: readonly Paragraph[]): { paragraphId: string; textHash: string }[] {
  return paragraphs.map((p) => ({ paragraphId: p.id, textHash: textHash(p.text) }))
}
