import { HomePage } from './documents/HomePage'
import { DraftRoom } from './editor/DraftRoom'
import { NameDialog } from './people/NameDialog'
import { useDisplayName } from './people/displayName'
import { NotFound } from './NotFound'
import { useRoute } from './router'

export function App() {
  const route = useRoute()
  const [name, setName] = useDisplayName()
  return (
    <>
      {route.page === 'home' && <HomePage />}
      {route.page === 'draft' && name && <DraftRoom documentId={route.documentId} userName={name} />}
      {route.page === 'not-found' && <NotFound what="page" />}
      {!name && <NameDialog onSave={setName} />}
    </>
  )
}
