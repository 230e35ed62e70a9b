import { Extension, type CommandProps } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { HEADING_FIELDS } from '../../shared/paragraphs/types'
import { MAX_OP_LEVEL } from '../../shared/schema/resolutionSchema'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    resolutionEditing: {
      /** Tab: an OP becomes a sub-paragraph of the OP before it, (a) becomes (i). */
      indentParagraph: () => ReturnType
      /** Shift-Tab: a sub-paragraph becomes an OP again. */
      outdentParagraph: () => ReturnType
      /** Moves the paragraph at the cursor between the preamble and the operative part. */
      togglePreambularOperative: () => ReturnType
      /** Alt+Up / Alt+Down: swaps the paragraph at the cursor with the one before or after it. */
      moveParagraph: (direction: 'up' | 'down') => ReturnType
    }
  }
}

/** The single-line blocks of the document frame; Enter moves on from them instead of splitting. */
const FRAME_LINES = new Set<string>([...HEADING_FIELDS, 'title', 'enacting', 'adoption'])

/** Where a top-level part of the document starts (the position of its opening token). */
function partAt(doc: PMNode, name: 'preamble' | 'operatives'): { node: PMNode; pos: number } | null {
  let found: { node: PMNode; pos: number } | null = null
  doc.forEach((node, offset) => {
    if (node.type.name === name) found = { node, pos: offset }
  })
  return found
}

/** Sets the level of every OP the selection touches; `step` is +1 or -1. */
function shiftLevels(step: 1 | -1) {
  return ({ state, tr, dispatch }: CommandProps): boolean => {
    const { from, to } = state.selection
    const part = partAt(state.doc, 'operatives')
    if (!part) return false
    const operatives = part.node
    const start = part.pos + 1
    let previousLevel = -1
    let changed = false
    let pos = start
    operatives.forEach((op) => {
      const selected = pos + op.nodeSize > from && pos <= to
      let level = Number(op.attrs.level)
      if (selected) {
        const wanted = Math.max(0, Math.min(level + step, previousLevel + 1, MAX_OP_LEVEL))
        if (wanted !== level) {
          tr.setNodeMarkup(pos, undefined, { ...op.attrs, level: wanted })
          level = wanted
          changed = true
        }
      }
      previousLevel = Math.min(level, previousLevel + 1)
      pos += op.nodeSize
    })
    if (changed && dispatch) dispatch(tr)
    return changed
  }
}

function togglePreambularOperative({ state, tr, dispatch }: CommandProps): boolean {
  const { $from } = state.selection
  const paragraph = $from.parent
  const kind = paragraph.type.name
  if (kind !== 'pp' && kind !== 'op') return false
  // The schema needs at least one PP and one OP: the last one of a kind cannot move.
  if ($from.node(-1).childCount === 1) return false
  const from = $from.before()
  const offset = $from.parentOffset
  const { schema } = state
  // The preamble's content ends where the operatives node starts, less its closing token.
  const operativesPart = partAt(state.doc, 'operatives')
  if (!operativesPart) return false
  const preambleEnd = operativesPart.pos - 1
  let movedTo: number
  if (kind === 'pp') {
    // A PP that becomes operative opens the operative part: just after the last PP.
    const op = schema.nodes.op.create({ id: paragraph.attrs.id, level: 0 }, paragraph.content)
    const operativesStart = preambleEnd + 2
    tr.insert(operativesStart, op).delete(from, from + paragraph.nodeSize)
    movedTo = tr.mapping.slice(1).map(operativesStart)
  } else {
    // An OP that becomes preambular closes the preamble: just before the first OP.
    const pp = schema.nodes.pp.create({ id: paragraph.attrs.id }, paragraph.content)
    tr.delete(from, from + paragraph.nodeSize).insert(preambleEnd, pp)
    movedTo = preambleEnd
  }
  if (dispatch) {
    tr.setSelection(TextSelection.create(tr.doc, movedTo + 1 + offset))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/**
 * Reorders paragraphs within their part. The paragraph keeps its id, so proposals and comments
 * follow it and a redline reports it as moved rather than deleted and added.
 */
function moveParagraph(direction: 'up' | 'down') {
  return ({ state, tr, dispatch }: CommandProps): boolean => {
    const { $from } = state.selection
    const paragraph = $from.parent
    if (paragraph.type.name !== 'pp' && paragraph.type.name !== 'op') return false
    const index = $from.index(-1)
    const container = $from.node(-1)
    const neighbourIndex = direction === 'up' ? index - 1 : index + 1
    if (neighbourIndex < 0 || neighbourIndex >= container.childCount) return false
    const from = $from.before()
    const neighbour = container.child(neighbourIndex)
    const offset = $from.parentOffset
    // Positions after the paragraph is taken out: before the neighbour above, or after the one below.
    const insertAt = direction === 'up' ? from - neighbour.nodeSize : from + neighbour.nodeSize
    tr.delete(from, from + paragraph.nodeSize).insert(insertAt, paragraph)
    if (dispatch) {
      tr.setSelection(TextSelection.create(tr.doc, insertAt + 1 + offset))
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}

/** Enter in a heading field, the title or the enacting line moves to the start of the next block. */
function enterInFrameLine({ state, tr, dispatch }: CommandProps): boolean {
  const { $from } = state.selection
  if (!FRAME_LINES.has($from.parent.type.name)) return false
  const after = $from.after()
  let target: number | undefined
  state.doc.nodesBetween(after, state.doc.content.size, (node: PMNode, pos: number) => {
    if (target !== undefined) return false
    if (node.isTextblock) target = pos + 1
    return target === undefined
  })
  if (target === undefined) return false
  if (dispatch) dispatch(tr.setSelection(TextSelection.create(tr.doc, target)).scrollIntoView())
  return true
}

/** True when the cursor is in a sub-paragraph that is empty (Enter) or at its start (Backspace). */
const inSubParagraph = (state: CommandProps['state'], where: 'empty' | 'start'): boolean => {
  const { $from, empty } = state.selection
  const node = $from.parent
  if (!empty || node.type.name !== 'op' || Number(node.attrs.level) === 0) return false
  return where === 'empty' ? node.content.size === 0 : $from.parentOffset === 0
}

/**
 * How a resolution is edited from the keyboard: Enter continues the same kind of paragraph
 * (the schema does that by itself), Tab / Shift-Tab move an OP in and out of sub-paragraph
 * level, Mod-Alt-o turns a PP into an OP and back.
 */
export const ResolutionEditing = Extension.create({
  name: 'resolutionEditing',

  addCommands() {
    return {
      indentParagraph: () => shiftLevels(1),
      outdentParagraph: () => shiftLevels(-1),
      togglePreambularOperative: () => togglePreambularOperative,
      moveParagraph: (direction) => moveParagraph(direction),
    }
  },

  addKeyboardShortcuts() {
    return {
      Enter: () =>
        this.editor.commands.command(enterInFrameLine) ||
        (inSubParagraph(this.editor.state, 'empty') && this.editor.commands.outdentParagraph()),
      Backspace: () => inSubParagraph(this.editor.state, 'start') && this.editor.commands.outdentParagraph(),
      Tab: () => this.editor.isActive('op') && (this.editor.commands.indentParagraph() || true),
      'Shift-Tab': () => this.editor.isActive('op') && (this.editor.commands.outdentParagraph() || true),
      'Mod-Alt-o': () => this.editor.commands.togglePreambularOperative(),
      'Alt-ArrowUp': () => this.editor.commands.moveParagraph('up'),
      'Alt-ArrowDown': () => this.editor.commands.moveParagraph('down'),
    }
  },
})
