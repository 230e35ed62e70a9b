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
import { docChange, textblocksAround } from './docChange'

/**
 * UN presentation, derived from the document and never stored in it: PP1, PP2 … in the margin,
 * OPs numbered 1., 2. …, sub-paragraphs (a), (b) …, the opening words of PPs and OPs in italics,
 * and placeholders in empty blocks. An edit recomputes only the blocks it touched, so typing costs
 * the same in a long resolution as in a short one; a change to the order, kind or level of the
 * paragraphs, or to the footnotes, recomputes everything, so inserting an OP renumbers the rest at
 * once in every browser.
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

/** A paragraph's number, kept on its decoration so that an edit elsewhere never recounts it. */
interface NumberSpec {
  paragraph: ParagraphNumber
}

/** A footnote's number, likewise. */
interface FootnoteSpec {
  footnote: number
}

type Block = { node: PMNode; pos: number }

const isParagraph = (node: PMNode) => node.type.name === 'pp' || node.type.name === 'op'

const levelOf = (node: PMNode) => clampLevel(Number(node.attrs.level))

const numberingInput = (node: PMNode): NumberingInput => (node.type.name === 'pp' ? { kind: 'pp' } : { kind: 'op', level: levelOf(node) })

const footnotesIn = (node: PMNode) => {
  let count = 0
  node.forEach((child) => {
    if (child.type.name === 'footnote') count += 1
  })
  return count
}

/** What one PP or OP shows: its number and status, its footnotes' numbers, its opening words. */
function paragraphDecorations(
  { node, pos }: Block,
  numbered: ParagraphNumber,
  firstFootnote: number,
  annotations: ParagraphAnnotations,
  language: Language,
): Decoration[] {
  const decorations: Decoration[] = []
  // Footnotes are numbered in document order, like the paragraphs: derived, never typed.
  let footnote = firstFootnote
  node.forEach((child, offset) => {
    if (child.type.name !== 'footnote') return
    const at = pos + 1 + offset
    const spec: FootnoteSpec = { footnote }
    decorations.push(Decoration.node(at, at + child.nodeSize, { 'data-number': String(footnote++) }, spec))
  })
  const { kind, level, label, number } = numbered
  const id = String(node.attrs.id)
  const status = annotations.statuses.get(id) ?? 'draft'
  const pending = annotations.pending.get(id) ?? 0
  const comments = annotations.comments.get(id) ?? 0
  const notes = [...counted(pending, 'proposal'), ...counted(comments, 'comment')].join('\n')
  const classes = [`paragraph-${kind}`, `level-${level}`, `status-${status}`]
  if (node.content.size === 0) classes.push('is-empty')
  const spec: NumberSpec = { paragraph: numbered }
  decorations.push(
    Decoration.node(
      pos,
      pos + node.nodeSize,
      {
        class: classes.join(' '),
        'data-label': label,
        'data-number': number,
        'data-status': status,
        ...(pending > 0 ? { 'data-pending': String(pending) } : {}),
        ...(comments > 0 ? { 'data-comments': String(comments) } : {}),
        ...(notes ? { 'data-notes': notes } : {}),
      },
      spec,
    ),
  )
  if (kind === 'sub') return decorations
  const italic = openingLength(node.textContent, kind, language)
  if (italic > 0) decorations.push(Decoration.inline(pos + 1, pos + 1 + italic, { class: 'opening-words' }))
  return decorations
}

/** The placeholder of an empty line outside the paragraphs (heading fields, title, enacting words …). */
const lineDecorations = ({ node, pos }: Block): Decoration[] =>
  node.content.size === 0 ? [Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty' })] : []

/** Everything the presentation shows, computed from the whole document. */
export function presentationDecorations(doc: PMNode, annotations: ParagraphAnnotations = NO_ANNOTATIONS): DecorationSet {
  const decorations: Decoration[] = []
  const paragraphs: Block[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (isParagraph(node)) paragraphs.push({ node, pos })
    else decorations.push(...lineDecorations({ node, pos }))
    return false
  })
  const numbers = numberParagraphs(paragraphs.map(({ node }) => numberingInput(node)))
  const language = languageOf(doc)
  let footnotes = 0
  paragraphs.forEach((block, i) => {
    decorations.push(...paragraphDecorations(block, numbers[i], footnotes + 1, annotations, language))
    footnotes += footnotesIn(block.node)
  })
  return DecorationSet.create(doc, decorations)
}

/** The decoration of one kind that `block` carries in `decorations`. */
function specsIn<T>(decorations: DecorationSet, { node, pos }: Block, field: keyof T): T[] {
  return decorations.find(pos + 1, pos + node.nodeSize - 1, (spec) => spec?.[field] !== undefined).map((d) => d.spec as T)
}

/**
 * The decorations after a change, recomputed only for the blocks it touched, or null when the
 * change reaches beyond them: paragraphs added, removed, moved, turned from PP to OP or indented,
 * footnotes added or removed (which renumbers the rest), or another language.
 */
function updatedDecorations(
  previous: DecorationSet,
  before: PMNode,
  after: PMNode,
  annotations: ParagraphAnnotations,
): DecorationSet | null {
  const change = docChange(before, after)
  if (!change) return previous
  const language = languageOf(after)
  if (language !== languageOf(before)) return null
  const old = textblocksAround(before, change.from, change.oldTo)
  const now = textblocksAround(after, change.from, change.newTo)
  if (old.length !== now.length) return null
  const footnoteCount = (blocks: Block[]) => blocks.reduce((sum, { node }) => sum + footnotesIn(node), 0)
  if (footnoteCount(old) !== footnoteCount(now)) return null
  // The first footnote in the range keeps its number; none may be there, then none is numbered.
  let footnote = Math.min(...old.flatMap((block) => specsIn<FootnoteSpec>(previous, block, 'footnote')).map((s) => s.footnote))
  const fresh: Decoration[] = []
  for (let i = 0; i < now.length; i++) {
    const was = old[i].node
    const is = now[i].node
    if (was.type !== is.type) return null
    if (!isParagraph(is)) {
      fresh.push(...lineDecorations(now[i]))
      continue
    }
    const numbered = specsIn<NumberSpec>(previous, old[i], 'paragraph')[0]?.paragraph
    if (!numbered || levelOf(was) !== levelOf(is)) return null
    fresh.push(...paragraphDecorations(now[i], numbered, footnote, annotations, language))
    footnote += footnotesIn(is)
  }
  const mapped = previous.map(change.mapping, after)
  const stale = now.flatMap(({ node, pos }) => mapped.find(pos + 1, pos + node.nodeSize - 1))
  return mapped.remove(stale).add(after, fresh)
}

/** The document's language, kept on its heading (see the schema). */
export function languageOf(doc: PMNode): Language {
  const language = doc.firstChild?.attrs.language
  return isLanguage(language) ? language : 'en'
}

interface PresentationState {
  annotations: ParagraphAnnotations
  /** The ids of the locked paragraphs, from the annotations. */
  locked: ReadonlySet<string>
  decorations: DecorationSet
}

function present(doc: PMNode, annotations: ParagraphAnnotations): PresentationState {
  const locked = new Set([...annotations.statuses].filter(([, status]) => isLocked(status)).map(([id]) => id))
  return { annotations, locked, decorations: presentationDecorations(doc, annotations) }
}

function apply(tr: Transaction, previous: PresentationState): PresentationState {
  const annotations = tr.getMeta(key) as ParagraphAnnotations | undefined
  if (annotations) return present(tr.doc, annotations)
  if (!tr.docChanged) return previous
  const decorations = updatedDecorations(previous.decorations, tr.before, tr.doc, previous.annotations)
  return decorations ? { ...previous, decorations } : present(tr.doc, previous.annotations)
}

/** The paragraph the selection starts in, with its live number and text; null outside paragraphs. */
export function paragraphAtSelection(state: EditorState): LiveParagraph | null {
  const { $from } = state.selection
  const parent = $from.parent
  if (!isParagraph(parent)) return null
  const decorations = key.getState(state)?.decorations
  const numbered = decorations && specsIn<NumberSpec>(decorations, { node: parent, pos: $from.before() }, 'paragraph')[0]?.paragraph
  return { id: String(parent.attrs.id), kind: numbered?.kind ?? 'op', number: numbered?.number ?? '', text: parent.textContent }
}

const key = new PluginKey<PresentationState>('resolutionPresentation')

/** Hands new statuses and proposal counts to the editor (they arrive over the event stream). */
export function annotate(view: EditorView, annotations: ParagraphAnnotations): void {
  view.dispatch(view.state.tr.setMeta(key, annotations).setMeta('addToHistory', false))
}

/**
 * Locked (agreed) paragraphs refuse local edits here, so nobody types into agreed language only to
 * see the server undo it. Remote changes (Yjs) pass: the server is the authority. Only the
 * paragraphs around each changed range are looked at.
 */
function touchesLocked(tr: Transaction, state: EditorState): boolean {
  const { locked } = key.getState(state)!
  if (!tr.docChanged || isChangeOrigin(tr) || locked.size === 0) return false
  let touched = false
  tr.mapping.maps.forEach((map, index) => {
    const back = tr.mapping.slice(0, index).invert()
    map.forEach((from, to) => {
      const start = Math.max(0, back.map(from, -1))
      const end = Math.min(state.doc.content.size, back.map(to, 1))
      state.doc.nodesBetween(start, end, (node, pos) => {
        if (!isParagraph(node)) return !touched && !node.isTextblock
        if (locked.has(String(node.attrs.id)) && start < pos + node.nodeSize && end > pos) touched = true
        return false
      })
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
          apply,
        },
        filterTransaction: (tr, state) => !touchesLocked(tr, state),
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ]
  },
})
