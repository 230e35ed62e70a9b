import { memo, Suspense } from 'react'
import type { Access } from '../../shared/api/access'
import type { DocumentListItem } from '../../shared/api/documents'
import { isLocked, type Paragraph } from '../../shared/paragraphs/types'
import { can, describeRole } from '../../shared/policy/policy'
import { lazily } from '../lazily'
import type { Collaboration, ConnectionState } from './useCollaboration'

const ExportMenu = lazily(() => import('../export/ExportMenu'), 'ExportMenu')
// Who is here comes just after the text: the first paint of a room is its words.
const PresenceList = lazily(() => import('../people/PresenceList'), 'PresenceList')

const STATUS_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Offline: reconnecting. Your edits are kept and will be sent.',
  'not-found': 'This resolution does not exist.',
  forbidden: 'Your access to this resolution has ended. Ask the facilitator for a new link.',
}

interface Props {
  document: DocumentListItem
  access: Access
  /** The paragraphs as the server last announced them: their statuses make the agreement summary. */
  paragraphs: Paragraph[]
  state: ConnectionState
  notice: string | null
  collaboration: Collaboration | null
  peopleOpen: boolean
  onPeople: (open: boolean) => void
}

/**
 * The room's title bar: what the resolution is, who you are in it, how far it is agreed, the
 * connection, who is here. Memoised: the room renders as the text changes, and none of this does.
 */
export const RoomHeader = memo(function RoomHeader({ document, access, paragraphs, state, notice, collaboration, peopleOpen, onPeople }: Props) {
  return (
    <header className="room-header">
      <a href="/" className="back">
        ← Resolutions
      </a>
      <h1 className="room-title">{document.title}</h1>
      <p className="role-badge" data-role={access.role}>
        {describeRole(access.role, access.state, access.organisation)}
        {!can(access.role, 'text.edit') && <span className="muted"> · text is read-only</span>}
      </p>
      <AgreementSummary paragraphs={paragraphs} />
      <a className="button-link" href={`/api/documents/${document.id}/compilation?format=html`} target="_blank" rel="noreferrer">
        Compilation text
      </a>
      <Suspense fallback={<ExportButtonLoading />}>
        <ExportMenu documentId={document.id} />
      </Suspense>
      <p className={`connection connection-${state}`} role="status" aria-live="polite" data-state={state}>
        {notice ?? STATUS_TEXT[state]}
      </p>
      {collaboration && (
        <Suspense fallback={null}>
          <PresenceList awareness={collaboration.provider.awareness} />
        </Suspense>
      )}
      {can(access.role, 'invites.manage') && (
        <button type="button" aria-expanded={peopleOpen} aria-controls="people-panel" onClick={() => onPeople(!peopleOpen)}>
          People & links
        </button>
      )}
    </header>
  )
})

/** The export button as it will look, not yet usable, so that the header does not shift when the menu's code arrives. */
function ExportButtonLoading() {
  return (
    <button type="button" disabled aria-busy="true">
      Export
    </button>
  )
}

/** "PPs: 3 of 8 agreed ad ref · OPs: 12 of 31 agreed ad ref", agreed paragraphs included. */
function AgreementSummary({ paragraphs }: { paragraphs: Paragraph[] }) {
  const count = (kind: 'pp' | 'op') => {
    const all = paragraphs.filter((p) => (kind === 'pp' ? p.kind === 'pp' : p.kind !== 'pp'))
    return `${all.filter((p) => isLocked(p.status)).length} of ${all.length}`
  }
  if (paragraphs.length === 0) return null
  return (
    <p className="agreement-summary" aria-label="Agreed paragraphs">
      PPs: {count('pp')} agreed ad ref · OPs: {count('op')} agreed ad ref
    </p>
  )
}
