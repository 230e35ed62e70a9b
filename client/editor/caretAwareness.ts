import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { laterWhenIdle } from '../idle'

/** A caret as y-tiptap shares it: two Yjs relative positions, or null when the editor lost focus. */
interface Caret {
  anchor: Y.RelativePosition
  head: Y.RelativePosition
}

/** How long, at least, a moved caret waits to be published with the moves after it (then for an idle moment, see idle.ts). */
export const CARET_MS = 100

const samePosition = (a: unknown, b: Y.RelativePosition) =>
  a != null && Y.compareRelativePositions(Y.createRelativePositionFromJSON(a), b)

function sameCaret(current: unknown, next: unknown): boolean {
  if (current == null || next == null) return current === next
  const { anchor, head } = current as Caret
  const caret = next as Caret
  return samePosition(anchor, caret.anchor) && samePosition(head, caret.head)
}

/**
 * The awareness the caret plugin is given. Publishing the caret costs every browser in the room
 * a message and a redraw, so it is published only when it moved, CARET_MS after it first moved:
 * - y-tiptap 3.0.9 re-publishes the local caret after every remote change to the text, moved or
 *   not; with twenty delegates typing, each change made every browser send its caret to every other;
 * - a typist's caret moves with every keystroke, and the keystroke is painted first, the caret's
 *   publication comes after, one for all the keys of that moment.
 * A caret that disappears (the editor lost focus) goes at once. The awareness still renews
 * itself on its own timer, so others never see a caret expire.
 */
export function caretAwareness(awareness: Awareness): Awareness {
  let pending: { value: unknown } | null = null
  let cancel: (() => void) | undefined
  const publish = () => {
    cancel?.()
    cancel = undefined
    if (!pending) return
    const { value } = pending
    pending = null
    if (!sameCaret(awareness.getLocalState()?.cursor, value)) awareness.setLocalStateField('cursor', value)
  }
  const setLocalStateField = (field: string, value: unknown) => {
    if (field !== 'cursor') return awareness.setLocalStateField(field, value)
    pending = { value }
    if (value === null) return publish()
    cancel ??= laterWhenIdle(publish, CARET_MS)
  }
  return overriding(awareness, 'setLocalStateField', setLocalStateField)
}

/** What the caret extension is given: the provider, its awareness wrapped (other extensions listen to the provider's events). */
export function caretProvider<P extends { awareness: Awareness; on: unknown; off: unknown }>(provider: P) {
  return overriding(provider, 'awareness', caretAwareness(provider.awareness))
}

/** `target` with one property replaced; its methods still run on the target itself. */
function overriding<T extends object>(target: T, name: keyof T, replacement: unknown): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === name) return replacement
      const value = Reflect.get(object, property, object) as unknown
      return typeof value === 'function' ? value.bind(object) : value
    },
  })
}
