import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey } from '@tiptap/pm/state'

const key = new PluginKey<boolean>('remoteChangesStayPut')

/**
 * Someone else's edit never scrolls the page. y-tiptap asks to keep the local caret in view after
 * every remote change, and answering means measuring the caret on a layout the change has just
 * made stale: in a room where twenty delegates type, that forced layout was the largest share of
 * the main thread's work. The browser's scroll anchoring already keeps what the reader looks at in
 * place while text above it grows or shrinks; one's own typing still scrolls as ever.
 */
export const RemoteChangesStayPut = Extension.create({
  name: 'remoteChangesStayPut',
  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key,
        state: {
          init: () => false,
          // A transaction a plugin appends belongs to the one that caused it.
          apply: (tr, wasRemote) => (tr.getMeta('appendedTransaction') ? wasRemote : isChangeOrigin(tr)),
        },
        props: { handleScrollToSelection: (view) => key.getState(view.state) === true },
      }),
    ]
  },
})
