/**
 * The three Word exports: clean text, compilation text, redline with tracked changes. Their text
 * comes from people and is made XML-safe first (see xmlText.ts), so Word always opens the file.
 */
import { cleanDocx as clean } from './docxClean'
import { compilationDocx as compilation, type CompilationDocxMeta } from './docxCompilation'
import { redlineDocx as redline, type RedlineDocxMeta } from './docxRedline'
import { xmlSafeDeep } from './xmlText'

export type { CompilationDocxMeta, RedlineDocxMeta }

export const cleanDocx: typeof clean = (reading) => clean(xmlSafeDeep(reading))
export const compilationDocx: typeof compilation = (c, meta) => compilation(xmlSafeDeep(c), xmlSafeDeep(meta))
export const redlineDocx: typeof redline = (r, meta) => redline(xmlSafeDeep(r), xmlSafeDeep(meta))
