import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { isLocked, type ParagraphKind, type ParagraphStatus } from '../../shared/paragraphs/types'
import { numberParagraphs, type NumberingInput, type ParagraphNumber } from '../../shared/paragraphs/numbering'
import { openingLength } from '../../shared/paragraphs/openingWords'
import { isLanguage, type Language } from '../../shared/paragraphs/types'
import { clampLevel } from '../../shared/schema/resolutionSchema'

/**
 * UN presentation, derived from the document and never stored in it: PP1, PP2 … in the margin,
 * OPs numbered 1., 2. …, sub-paragraphs (a), (b) …, the opening words of PPs and OPs in italics,
 * and placeholders in empty blocks. Recomputed when the document changes, so inserting an OP
 * renumbers the rest at once in every browser.
 */
/** What the negotiation says about each paragraph, by id; it lives outside the text. */
export interface ParagraphAnnotations {
  statuses: ReadonlyMap<string, ParagraphStatus>
  pending: ReadonlyMap<string, number>
  /** Open comment threads per paragraph. */
  comments: ReadonlyMap<string, number>
}

const NO_ANNOTATIONS: ParagraphAnnotations = { statuses: new Map(), pending: new Map(), comments: new Map() }

const counted = (n: number, one: string) => (n === 0 ? [] : [`${n} ${one}${n === 1 ? '' : 's'}`])

/** The live paragraph under the cursor, as the editor shows it right now. */
export interface LiveParagraph {
  id: string
  kind: ParagraphKind
  number: string
  text: string
}

export function presentationDecorations(
  doc: PMNode,
  annotations: ParagraphAnnotations = NO_ANNOTATIONS,
  numbering: Map<string, ParagraphNumber> = new Map(),
): DecorationSet {
  const decorations: Decoration[] = []
  const paragraphs: Array<{ node: PMNode; pos: number }> = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'pp' || node.type.name === 'op') {
      paragraphs.push({ node, pos })
      return false
    }
    if (node.isTextblock) {
      if (node.content.size === 0) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty' }))
      return false
    }
    return true
  })

  const inputs: NumberingInput[] = paragraphs.map(({ node }) =>
    node.type.name === 'pp' ? { kind: 'pp' } : { kind: 'op', level: clampLevel(Number(node.attrs.level)) },
  )
  const numbers = numberParagraphs(inputs)
  let footnoteNumber = 0
  paragraphs.forEach(({ node, pos }, i) => {
    // Footnotes are numbered in document order, like the paragraphs: derived, never typed.
    node.forEach((child, offset) => {
      if (child.type.name !== 'footnote') return
      const at = pos + 1 + offset
      decorations.push(Decoration.node(at, at + child.nodeSize, { 'data-number': String(++footnoteNumber) }))
    })
    const { kind, level, label, number } = numbers[i]
    const id = String(node.attrs.id)
    numbering.set(id, numbers[i])
    const status = annotations.statuses.get(id) ?? 'draft'
    const pending = annotations.pending.get(id) ?? 0
    const comments = annotations.comments.get(id) ?? 0
    const notes = [...counted(pending, 'proposal'), ...counted(comments, 'comment')].join('\n')
    const classes = [`paragraph-${kind}`, `level-${level}`, `status-${status}`]
    if (node.content.size === 0) classes.push('is-empty')
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        class: classes.join(' '),
        'data-label': label,
        'data-number': number,
        'data-status': status,
        ...(pending > 0 ? { 'data-pending': String(pending) } : {}),
        ...(comments > 0 ? { 'data-comments': String(comments) } : {}),
        ...(notes ? { 'data-notes': notes } : {}),
      }),
    )
    if (kind === 'sub') return
    const italic = openingLength(node.textContent, kind, languageOf(doc))
    if (italic > 0) decorations.push(Decoration.inline(pos + 1, pos + 1 + italic, { class: 'opening-words' }))
  })
  return DecorationSet.create(doc, decorations)
}

/** The document's language, kept on its heading (see the schema). */
export function languageOf(doc: PMNode): Language {
  const language = doc.firstChild?.attrs.language
  return isLanguage(language) ? language : 'en'
}

interface PresentationState {
  annotations: ParagraphAnnotations
  decorations: DecorationSet
  numbering: Map<string, ParagraphNumber>
}

function present(doc: PMNode, annotations: ParagraphAnnotations): PresentationState {
  const numbering = new Map<string, ParagraphNumber>()
  return { annotations, numbering, decorations: presentationDecorations(doc, annotations, numbering) }
}

/** The paragraph the selection starts in, with its live number and text; null outside paragraphs. */
export function paragraphAtSelection(state: EditorState): LiveParagraph | null {
  const parent = state.selection.$from.parent
  if (parent.type.name !== 'pp' && parent.type.name !== 'op') return null
  const id = String(parent.attrs.id)
  const numbered = key.getState(state)?.numbering.get(id)
  return { id, kind: numbered?.kind ?? 'op', number: numbered?.number ?? '', text: parent.textContent }
}

const key = new PluginKey<PresentationState>('resolutionPresentation')

/** Hands new statuses and proposal counts to the editor (they arrive over the event stream). */
export function annotate(view: EditorView, annotations: ParagraphAnnotations): void {
  view.dispatch(view.state.tr.setMeta(key, annotations).setMeta('addToHistory', false))
}

/**
 * Locked (agreed) paragraphs refuse local edits here, so nobody types into agreed language only to
 * see the server undo it. Remote changes (Yjs) pass: the server is the authority.
 */
function touchesLocked(tr: Transaction, state: EditorState): boolean {
  const { statuses } = key.getState(state)!.annotations
  // Statuses hold every paragraph, drafts included: only a locked one makes the walk worth it.
  if (!tr.docChanged || isChangeOrigin(tr) || ![...statuses.values()].some(isLocked)) return false
  const locked: Array<[number, number]> = []
  state.doc.descendants((node, pos) => {
    if (node.type.name !== 'pp' && node.type.name !== 'op') return !node.isTextblock
    const status = statuses.get(String(node.attrs.id))
    if (status && isLocked(status)) locked.push([pos, pos + node.nodeSize])
    return false
  })
  if (locked.length === 0) return false
  let touched = false
  tr.mapping.maps.forEach((map, index) => {
    const back = tr.mapping.slice(0, index).invert()
    map.forEach((from, to) => {
      const start = back.map(from, -1)
      const end = back.map(to, 1)
      if (locked.some(([a, b]) => start < b && end > a)) touched = true
    })
  })
  return touched
}

export const ResolutionPresentation = Extension.create({
  name: 'resolutionPresentation',
  addProseMirrorPlugins() {
    return [
      new Plugin<PresentationState>({
        key,
        state: {
          init: (_config, state) => present(state.doc, NO_ANNOTATIONS),
          apply: (tr, previous) => {
            const annotations = (tr.getMeta(key) as ParagraphAnnotations | undefined) ?? previous.annotations
            if (!tr.docChanged && annotations === previous.annotations) return previous
            return present(tr.doc, annotations)
          },
        },
        filterTransaction: (tr, state) => !touchesLocked(tr, state),
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ]
  },
})
