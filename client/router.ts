import { useEffect, useState } from 'react'

export type Route =
  | { page: 'home' }
  | { page: 'draft'; documentId: string }
  | { page: 'join'; token: string }
  | { page: 'not-found' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' }
  const draft = /^\/d\/([\w-]+)\/?$/.exec(pathname)
  if (draft) return { page: 'draft', documentId: draft[1] }
  const join = /^\/join\/([\w-]+)\/?$/.exec(pathname)
  if (join) return { page: 'join', token: join[1] }
  return { page: 'not-found' }
}

/** The draft room's code: loaded by its route, and fetched ahead by pages that lead into a room. */
export const loadDraftRoom = () => import('./editor/DraftRoom')

export function navigate(path: string, { replace = false, state = null as unknown } = {}): void {
  if (replace) history.replaceState(state, '', path)
  else history.pushState(state, '', path)
  dispatchEvent(new PopStateEvent('popstate'))
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname))
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname))
    addEventListener('popstate', update)
    return () => removeEventListener('popstate', update)
  }, [])
  return route
}
