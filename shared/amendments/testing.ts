/**
 * For tests: a pending proposal with every field filled in, drafted against the paragraph's
 * current text unless the test says otherwise.
 */
import type { Paragraph } from '../paragraphs/types'
import type { Amendment } from './types'

export type AmendmentFields = Partial<Amendment> & Pick<Amendment, 'id' | 'paragraphId' | 'kind'>

export function pendingAmendment(paragraphs: readonly Paragraph[], fields: AmendmentFields): Amendment {
  return {
    documentId: 'doc1',
    text: '',
    newParagraphKind: null,
    baseText: paragraphs.find((p) => p.id === fields.paragraphId)?.text ?? '',
    note: '',
    state: 'Brazil',
    enteredBy: null,
    supporters: [],
    objectors: [],
    status: 'pending',
    createdAt: '2024-10-01T09:00:00.000Z',
    decidedAt: null,
    decision: null,
    reopensAgreed: false,
    ...fields,
  }
}
