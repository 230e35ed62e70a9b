// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { useSyncExternalStoreWithSelector } from './useSyncExternalStoreWithSelector'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** A store as Tiptap's editor state manager is one: a snapshot replaced on each change. */
function store<T>(initial: T) {
  let snapshot = initial
  const listeners = new Set<() => void>()
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    set(next: T) {
      snapshot = next
      for (const listener of listeners) listener()
    },
  }
}

const sameFields = (a: { even: boolean }, b: { even: boolean }) => a.even === b.even

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
})

function renderCounting(counter: ReturnType<typeof store<number>>) {
  const seen: { even: boolean }[] = []
  function Probe(_: { render: number }) {
    // A new selector on every render, as components write them inline.
    seen.push(useSyncExternalStoreWithSelector(counter.subscribe, counter.getSnapshot, undefined, (n) => ({ even: n % 2 === 0 }), sameFields))
    return null
  }
  root = createRoot(document.createElement('div'))
  let renders = 0
  const render = () => act(() => root!.render(<Probe render={++renders} />))
  render()
  return Object.assign(seen, { render })
}

describe('useSyncExternalStoreWithSelector', () => {
  it('re-renders when the selection changes, with the new selection', () => {
    const counter = store(0)
    const seen = renderCounting(counter)
    act(() => counter.set(1))
    expect(seen.map((s) => s.even)).toEqual([true, false])
  })

  it('does not re-render when the store changes but the selection stays equal', () => {
    const counter = store(0)
    const seen = renderCounting(counter)
    act(() => counter.set(2))
    act(() => counter.set(4))
    expect(seen).toHaveLength(1)
  })

  it('keeps the same selection object while it stays equal, through renders for other reasons', () => {
    const counter = store(0)
    const seen = renderCounting(counter)
    act(() => counter.set(2))
    seen.render()
    act(() => counter.set(3))
    act(() => counter.set(5))
    seen.render()
    expect(seen.map((s) => s.even)).toEqual([true, true, false, false])
    expect(seen[1]).toBe(seen[0])
    expect(seen[3]).toBe(seen[2])
  })
})
