import { HomePage } from './documents/HomePage'
import { DraftRoom } from './editor/DraftRoom'
import { NameDialog } from './people/NameDialog'
import { JoinPage } from './people/JoinPage'
import { useDisplayName } from './people/displayName'
import { NotFound } from './NotFound'
import { useRoute } from './router'

export function App() {
  const route = useRoute()
  const [name, setName] = useDisplayName()
  return (
    <>
      {route.page === 'home' && <HomePage userName={name} />}
      {route.page === 'draft' && <DraftRoom documentId={route.documentId} />}
      {route.page === 'join' && <JoinPage token={route.token} suggestedName={name} onName={setName} />}
      {route.page === 'not-found' && <NotFound what="page" />}
      {route.page === 'home' && !name && <NameDialog onSave={setName} />}
    </>
  )
}
