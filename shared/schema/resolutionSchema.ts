import { getSchema, Node } from '@tiptap/core'
import Italic from '@tiptap/extension-italic'
import UniqueID from '@tiptap/extension-unique-id'
import { newParagraphId } from '../paragraphs/newParagraphId'

/**
 * The resolution schema: one list of Tiptap extensions, used by the browser editor and by the
 * server (through `getSchema`) to read the Yjs document. The two must be identical: y-tiptap
 * deletes any node it cannot build with the schema it is given (RECIPES §1, pitfall 3).
 *
 *   doc        heading title enacting preamble operatives
 *   heading    symbol session agendaItem sponsors
 *   preamble   pp+
 *   operatives op+          (an op with level 1 or 2 is a sub-paragraph)
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
  content: 'heading title enacting preamble operatives',
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

const Heading = Node.create({
  name: 'heading',
  content: 'symbol session agendaItem sponsors',
  parseHTML: () => [{ tag: 'header[data-type="heading"]' }],
  renderHTML: ({ HTMLAttributes }) => ['header', { ...HTMLAttributes, 'data-type': 'heading' }, 0],
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
  frameLine('symbol', 'p', 'Symbol, e.g. A/C.3/74/L.31'),
  frameLine('session', 'p', 'Session'),
  frameLine('agendaItem', 'p', 'Agenda item'),
  frameLine('sponsors', 'p', 'Sponsors: draft resolution'),
  frameLine('title', 'h1', 'Title'),
  frameLine('enacting', 'p', 'The General Assembly,'),
  container('preamble', 'pp+'),
  container('operatives', 'op+'),
  Pp,
  Op,
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
