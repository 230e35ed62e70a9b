/** The three Word exports: clean text, compilation text, redline with tracked changes. */
export { cleanDocx, type CleanDocxMeta } from './docxClean'
export { compilationDocx, type CompilationDocxMeta } from './docxCompilation'
export { redlineDocx, type RedlineDocxMeta } from './docxRedline'
