import { getSchema, Node } from '@tiptap/core'
import Italic from '@tiptap/extension-italic'
import UniqueID from '@tiptap/extension-unique-id'
import { newParagraphId } from '../paragraphs/newParagraphId'
import { HEADING_FIELDS, type HeadingField } from '../paragraphs/types'

/**
 * The resolution schema: one list of Tiptap extensions, used by the browser editor and by the
 * server (through `getSchema`) to read the Yjs document. The two must be identical: y-tiptap
 * deletes any node it cannot build with the schema it is given (RECIPES §1, pitfall 3).
 *
 *   doc        heading title enacting preamble operatives adoption?
 *   heading    symbol distribution? date? originalLanguage? organ? session committee? agendaItem
 *              agendaTitle? sponsors adoptedBy? report? resolutionNumber?     (attribute: language)
 *   preamble   pp+
 *   operatives op+          (an op with level 1 or 2 is a sub-paragraph)
 *   pp, op     (text | footnote)*
 *
 * The heading lines added after the first release are optional in the content expression, so
 * documents created before them still fit the schema; new documents get every line.
 *
 * Preambular and operative paragraphs live in separate containers so that no concurrent edit can
 * put a PP after an OP. Sub-paragraphs are OPs with a `level` attribute rather than a nested node:
 * in Yjs, changing a node's type or parent is delete + re-insert (concurrent edits to the text are
 * lost, and two users doing it at once duplicate it), while changing an attribute is one
 * last-writer-wins key. So Tab / Shift-Tab are attribute changes and can never duplicate text.
 */

const Document = Node.create({
  name: 'doc',
  topNode: true,
  content: 'heading title enacting preamble operatives adoption?',
})

const Text = Node.create({ name: 'text', group: 'inline' })

/** A single-line text block of the document frame (heading fields, title, enacting line). */
function frameLine(name: string, tag: string, placeholder: string) {
  return Node.create({
    name,
    content: 'text*',
    marks: 'italic',
    defining: true,
    parseHTML: () => [{ tag: `${tag}[data-type="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => [
      tag,
      { ...HTMLAttributes, 'data-type': name, 'data-placeholder': placeholder },
      0,
    ],
  })
}

/** A block that holds other blocks and has no text of its own. */
function container(name: string, content: string) {
  return Node.create({
    name,
    content,
    parseHTML: () => [{ tag: `section[data-type="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => ['section', { ...HTMLAttributes, 'data-type': name }, 0],
  })
}

/** Heading line → placeholder; the order is the printed order (HEADING_FIELDS). */
const HEADING_PLACEHOLDERS: Record<HeadingField, string> = {
  symbol: 'Symbol, e.g. A/C.3/74/L.31',
  distribution: 'Distribution: Limited or General',
  date: 'Date, e.g. 5 November 2024',
  originalLanguage: 'Original language',
  organ: 'Organ, e.g. General Assembly',
  session: 'Session',
  committee: 'Committee, e.g. Third Committee',
  agendaItem: 'Agenda item',
  agendaTitle: 'Agenda item title',
  sponsors: 'Sponsors: draft resolution',
  adoptedBy: 'Adopted by … on …',
  report: '[on the report of the … Committee (A/…)]',
  resolutionNumber: 'Resolution number, e.g. 79/170',
}
const REQUIRED_HEADING_LINES = new Set<HeadingField>(['symbol', 'session', 'agendaItem', 'sponsors'])

const Heading = Node.create({
  name: 'heading',
  content: HEADING_FIELDS.map((field) => (REQUIRED_HEADING_LINES.has(field) ? field : `${field}?`)).join(' '),
  addAttributes: () => ({
    // The document's language lives in the text itself, so versions and exports carry it.
    language: {
      default: 'en',
      parseHTML: (element) => element.getAttribute('lang') ?? 'en',
      renderHTML: (attributes) => ({ lang: attributes.language }),
    },
  }),
  parseHTML: () => [{ tag: 'header[data-type="heading"]' }],
  renderHTML: ({ HTMLAttributes }) => ['header', { ...HTMLAttributes, 'data-type': 'heading' }, 0],
})

/**
 * A footnote: an inline atom whose body is an attribute, so the paragraph's words stay one run of
 * text and an edit to the body is one last-writer-wins key. Its number is derived from order.
 */
const FootnoteNode = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => ({
    text: {
      default: '',
      parseHTML: (element) => element.getAttribute('data-text') ?? '',
      // The body shows on hover and is read out by screen readers; the number is drawn by CSS.
      renderHTML: (attributes) => ({ 'data-text': attributes.text, title: attributes.text, 'aria-label': `Footnote: ${attributes.text}` }),
    },
  }),
  parseHTML: () => [{ tag: 'sup[data-type="footnote"]' }],
  renderHTML: ({ HTMLAttributes }) => ['sup', { ...HTMLAttributes, 'data-type': 'footnote' }],
})

const Pp = Node.create({
  name: 'pp',
  content: 'inline*',
  parseHTML: () => [{ tag: 'p[data-type="pp"]' }],
  renderHTML: ({ HTMLAttributes }) => ['p', { ...HTMLAttributes, 'data-type': 'pp' }, 0],
})

export const MAX_OP_LEVEL = 2

const Op = Node.create({
  name: 'op',
  content: 'inline*',
  addAttributes: () => ({
    level: {
      default: 0,
      // A new paragraph made by Enter continues at the same depth.
      keepOnSplit: true,
      parseHTML: (element) => clampLevel(Number(element.getAttribute('data-level'))),
      renderHTML: (attributes) => ({ 'data-level': attributes.level }),
    },
  }),
  parseHTML: () => [{ tag: 'p[data-type="op"]' }],
  renderHTML: ({ HTMLAttributes }) => ['p', { ...HTMLAttributes, 'data-type': 'op' }, 0],
})

export function clampLevel(level: number): 0 | 1 | 2 {
  if (!Number.isFinite(level) || level <= 0) return 0
  return level >= 2 ? 2 : 1
}

/** Node types that are paragraphs of the resolution and carry a stable `id` (ARCHITECTURE §3). */
export const PARAGRAPH_TYPES = ['pp', 'op'] as const

/** The one list of extensions that defines the schema. Editor behaviour is added on the client. */
export const resolutionExtensions = [
  Document,
  Text,
  Italic,
  Heading,
  ...HEADING_FIELDS.map((field) => frameLine(field, 'p', HEADING_PLACEHOLDERS[field])),
  frameLine('title', 'h1', 'Title'),
  frameLine('enacting', 'p', 'The General Assembly,'),
  container('preamble', 'pp+'),
  container('operatives', 'op+'),
  Pp,
  Op,
  FootnoteNode,
  frameLine('adoption', 'p', 'Adoption: 50th plenary meeting, 17 December 2024'),
  // Gives every paragraph an id, a fresh one for a split-off half, and strips ids from pasted
  // content so that a copy never shares its source's identity.
  UniqueID.configure({
    types: [...PARAGRAPH_TYPES],
    attributeName: 'id',
    generateID: () => newParagraphId(),
  }),
]

export const resolutionSchema = getSchema(resolutionExtensions)

/** The Y.XmlFragment name Tiptap's Collaboration extension uses by default. */
export const YJS_FRAGMENT = 'default'
