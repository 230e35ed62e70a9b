import { type ComponentType, lazy, type LazyExoticComponent } from 'react'

/**
 * A component whose code is fetched the first time it renders: pages and panels that a visit may
 * never show stay out of what the browser must download before the room opens.
 */
export function lazily<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })))
}

/**
 * Shown in the place of a part whose code is still on its way: one quiet line, announced once to
 * screen readers, so that nothing jumps when the part arrives.
 */
export function Loading({ children, className = 'loading' }: { children: string; className?: string }) {
  return (
    <p className={className} role="status" aria-busy="true">
      {children}
    </p>
  )
}
