import { randomId } from '../randomId'

/** Paragraph ids only need to be unique within one resolution. */
export const newParagraphId = (): string => randomId('p-')
