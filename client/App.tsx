import { Suspense } from 'react'
import { lazily, Loading } from './lazily'
import { useDisplayName } from './people/displayName'
import { NotFound } from './NotFound'
import { loadDraftRoom, useRoute } from './router'

// Each page brings its own code: opening a room does not wait for the home page's forms, nor the
// home page for the editor.
const HomePage = lazily(() => import('./documents/HomePage'), 'HomePage')
const NameDialog = lazily(() => import('./people/NameDialog'), 'NameDialog')
const DraftRoom = lazily(loadDraftRoom, 'DraftRoom')
const JoinPage = lazily(() => import('./people/JoinPage'), 'JoinPage')

export function App() {
  const route = useRoute()
  const [name, setName] = useDisplayName()
  return (
    <Suspense fallback={<Loading>{route.page === 'draft' ? 'Opening the resolution…' : 'Loading…'}</Loading>}>
      {route.page === 'home' && <HomePage userName={name} />}
      {route.page === 'draft' && <DraftRoom documentId={route.documentId} />}
      {route.page === 'join' && <JoinPage token={route.token} suggestedName={name} onName={setName} />}
      {route.page === 'not-found' && <NotFound what="page" />}
      {route.page === 'home' && !name && <NameDialog onSave={setName} />}
    </Suspense>
  )
}
