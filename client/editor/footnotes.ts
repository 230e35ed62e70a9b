import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { NodeSelection, type EditorState } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnotes: {
      /** Ctrl+Alt+F: a new, empty footnote after the cursor, selected so its text can be typed. */
      insertFootnote: () => ReturnType
      /** Sets the body of the selected footnote. */
      setFootnoteText: (text: string) => ReturnType
      /** Removes the selected footnote. */
      removeFootnote: () => ReturnType
    }
  }
}

export interface SelectedFootnote {
  pos: number
  /** Its number in the document: footnotes count in document order from 1. */
  number: number
  text: string
}

/** The footnote the selection is on (arrow keys or a click select it), or null. */
export function selectedFootnote(state: EditorState): SelectedFootnote | null {
  const { selection } = state
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'footnote') return null
  let number = 0
  state.doc.nodesBetween(0, selection.from + 1, (node: PMNode) => {
    if (node.type.name === 'footnote') number += 1
  })
  return { pos: selection.from, number, text: String(selection.node.attrs.text ?? '') }
}

export const Footnotes = Extension.create({
  name: 'footnotes',

  addCommands() {
    return {
      insertFootnote:
        () =>
        ({ state, tr, dispatch }) => {
          const { $to } = state.selection
          if ($to.parent.type.name !== 'pp' && $to.parent.type.name !== 'op') return false
          if (dispatch) {
            tr.insert($to.pos, state.schema.nodes.footnote.create({ text: '' }))
            tr.setSelection(NodeSelection.create(tr.doc, $to.pos))
            dispatch(tr)
          }
          return true
        },
      setFootnoteText:
        (text) =>
        ({ state, tr, dispatch }) => {
          const footnote = selectedFootnote(state)
          if (!footnote) return false
          if (dispatch) dispatch(tr.setNodeAttribute(footnote.pos, 'text', text))
          return true
        },
      removeFootnote:
        () =>
        ({ state, tr, dispatch }) => {
          const footnote = selectedFootnote(state)
          if (!footnote) return false
          if (dispatch) dispatch(tr.delete(footnote.pos, footnote.pos + 1))
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-f': () => this.editor.commands.insertFootnote() }
  },
})
