import { Extension } from '@tiptap/core'
import type { Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/** A whole resolution is about 60,000 characters; a paste may be a few of them at once. */
export const MAX_PASTE_CHARACTERS = 200_000

export interface PasteLimitOptions {
  /** Most characters one paste or drop may bring in. */
  maxCharacters: number
  /** Told, in words, that a paste was refused. */
  onRefused: (message: string) => void
}

/**
 * Refuses a paste or drop larger than `maxCharacters`: nothing is inserted and the person is told
 * why. Without it a huge paste becomes one change larger than the server takes, which it can only
 * refuse by closing the connection. A paragraph break counts as a character, so a paste of empty
 * paragraphs counts too.
 */
export const PasteLimit = Extension.create<PasteLimitOptions>({
  name: 'pasteLimit',
  // Before any other paste handling: a refused paste must not be half-handled by another plugin.
  priority: 1000,

  addOptions() {
    return { maxCharacters: MAX_PASTE_CHARACTERS, onRefused: () => {} }
  },

  addProseMirrorPlugins() {
    const { maxCharacters, onRefused } = this.options
    const refuse = (slice: Slice): boolean => {
      const size = slice.content.textBetween(0, slice.content.size, '\n', '\n').length
      if (size <= maxCharacters) return false
      const count = (n: number) => n.toLocaleString('en')
      onRefused(`This paste is too large (${count(size)} characters; at most ${count(maxCharacters)} at a time). Nothing was inserted.`)
      return true
    }
    return [
      new Plugin({
        key: new PluginKey('pasteLimit'),
        props: {
          handlePaste: (_view, _event, slice) => refuse(slice),
          handleDrop: (_view, _event, slice) => refuse(slice),
        },
      }),
    ]
  },
})
