import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react'

/**
 * `useSyncExternalStoreWithSelector` as Tiptap's React bindings import it from the
 * use-sync-external-store package (vite.config.ts points them here), on the renderer's own
 * `useSyncExternalStore`. The package's copy is CommonJS with a fallback for React 17; bundled, it
 * and the CommonJS glue it needs around the renderer cost the room's first download about 1 KB.
 *
 * The selection is recomputed only when the store's snapshot changes, and a selection equal to
 * the previous one (`isEqual`) is returned as that same object, so a component re-renders only
 * when what it selects has changed.
 */
export function useSyncExternalStoreWithSelector<Snapshot, Selection>(
  subscribe: (onStoreChange: () => void) => () => void,
  getSnapshot: () => Snapshot,
  _getServerSnapshot: unknown,
  selector: (snapshot: Snapshot) => Selection,
  isEqual?: (a: Selection, b: Selection) => boolean,
): Selection {
  // The selection last rendered: a selector written inline (new on every render) still keeps it while equal.
  const rendered = useRef<{ selection: Selection } | null>(null)
  const select = useMemo(() => {
    let last: { snapshot: Snapshot; selection: Selection } | null = null
    return () => {
      const snapshot = getSnapshot()
      if (last && Object.is(last.snapshot, snapshot)) return last.selection
      const previous = last ?? rendered.current
      const next = selector(snapshot)
      const selection = previous && isEqual?.(previous.selection, next) ? previous.selection : next
      last = { snapshot, selection }
      return selection
    }
  }, [getSnapshot, selector, isEqual])
  const selection = useSyncExternalStore(subscribe, select)
  useEffect(() => {
    rendered.current = { selection }
  }, [selection])
  return selection
}
