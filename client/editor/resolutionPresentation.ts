import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { numberParagraphs, type NumberingInput } from '../../shared/paragraphs/numbering'
import { openingLength } from '../../shared/paragraphs/openingWords'
import { clampLevel } from '../../shared/schema/resolutionSchema'

/**
 * UN presentation, derived from the document and never stored in it: PP1, PP2 … in the margin,
 * OPs numbered 1., 2. …, sub-paragraphs (a), (b) …, the opening words of PPs and OPs in italics,
 * and placeholders in empty blocks. Recomputed when the document changes, so inserting an OP
 * renumbers the rest at once in every browser.
 */
export function presentationDecorations(doc: PMNode): DecorationSet {
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
  paragraphs.forEach(({ node, pos }, i) => {
    const { kind, level, label, number } = numbers[i]
    const classes = [`paragraph-${kind}`, `level-${level}`]
    if (node.content.size === 0) classes.push('is-empty')
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, { class: classes.join(' '), 'data-label': label, 'data-number': number }),
    )
    if (kind === 'sub') return
    const italic = openingLength(node.textContent, kind)
    if (italic > 0) decorations.push(Decoration.inline(pos + 1, pos + 1 + italic, { class: 'opening-words' }))
  })
  return DecorationSet.create(doc, decorations)
}

const key = new PluginKey<DecorationSet>('resolutionPresentation')

export const ResolutionPresentation = Extension.create({
  name: 'resolutionPresentation',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => presentationDecorations(state.doc),
          apply: (tr, previous) => (tr.docChanged ? presentationDecorations(tr.doc) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ]
  },
})
