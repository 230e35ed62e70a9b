import { Suspense, useCallback, useMemo, useRef, useState } from 'react'
import type { Editor } from '@tiptap/core'
import type { AnchoredThread } from '../comments/commentHighlights'
import { useNegotiation } from '../amendments/useNegotiation'
import { useLiveParagraphs } from '../amendments/useLiveParagraphs'
import type { Paragraph } from '../../shared/paragraphs/types'
import type { LiveParagraph, ParagraphAnnotations } from './resolutionPresentation'
import type { Access } from '../../shared/api/access'
import type { DocumentListItem } from '../../shared/api/documents'
import { can } from '../../shared/policy/policy'
import { lazily, Loading } from '../lazily'
import { NotFound } from '../NotFound'
import { CopyField } from '../people/CopyField'
import { colourFor } from '../people/displayName'
import { ResolutionEditor } from './ResolutionEditor'
import { RoomHeader } from './RoomHeader'
import { useAccess } from './useAccess'
import { useCollaboration } from './useCollaboration'

// The text comes first; each panel's code follows when its tab or button opens it.
const ProposalsPanel = lazily(() => import('../amendments/ProposalsPanel'), 'ProposalsPanel')
const CommentsPanel = lazily(() => import('../comments/CommentsPanel'), 'CommentsPanel')
const HistoryPanel = lazily(() => import('../versions/HistoryPanel'), 'HistoryPanel')
const PeoplePanel = lazily(() => import('../people/PeoplePanel'), 'PeoplePanel')

/** From this width the side panel stands beside the text (styles.css, `.room-body`). */
const SIDE_BY_SIDE_PX = 901

/** The draft room: the live text of one resolution and who is working on it. */
export function DraftRoom({ documentId }: { documentId: string }) {
  const state = useAccess(documentId)
  if (state.status === 'loading') return <p className="loading" aria-busy="true">Opening the resolution…</p>
  if (state.status === 'not-found') return <NotFound what="resolution" />
  if (state.status !== 'ready') {
    return (
      <main className="page narrow">
        <h1>{state.status === 'denied' ? 'No access to this resolution' : 'Something went wrong'}</h1>
        <p role="alert">{state.message}</p>
        <p>
          <a href="/">Go to your resolutions</a>
        </p>
      </main>
    )
  }
  return <Room document={state.document} access={state.access} />
}

function Room({ document, access }: { document: DocumentListItem; access: Access }) {
  // Others see the identity the server stamps on our presence; we show ourselves the same one.
  const user = useMemo(
    () => ({ name: access.name, color: colourFor(access.name), role: access.role, state: access.state, organisation: access.organisation }),
    [access],
  )
  const { collaboration, state, notice } = useCollaboration(document.id, user)
  const negotiation = useNegotiation(document.id)
  // The paragraph the panels show: chosen with the cursor or from the overview, read live below.
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [peopleOpen, setPeopleOpen] = useState(false)
  const [tab, setTab] = useState<'proposals' | 'comments' | 'history'>('proposals')
  const [editor, setEditor] = useState<Editor | null>(null)
  const [activeThread, setActiveThread] = useState<string | null>(null)
  const openThreads = useMemo(
    () => negotiation.comments.filter((c) => c.parentId === null && !c.resolved && !c.deleted && c.hiddenBy === null),
    [negotiation.comments],
  )
  const highlighted = useMemo<AnchoredThread[]>(
    () =>
      openThreads.flatMap((c) =>
        c.anchor ? [{ id: c.id, anchor: c.anchor, quote: c.quote, summary: `${c.author.name}: ${c.body.length > 80 ? `${c.body.slice(0, 80)}…` : c.body}` }] : [],
      ),
    [openThreads],
  )
  const annotations = useMemo<ParagraphAnnotations>(() => {
    const count = (ids: string[]) => {
      const counts = new Map<string, number>()
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
      return counts
    }
    return {
      statuses: new Map(negotiation.paragraphs.map((p) => [p.id, p.status])),
      pending: count(negotiation.amendments.filter((a) => a.status === 'pending').map((a) => a.paragraphId)),
      comments: count(openThreads.map((c) => c.paragraphId)),
    }
  }, [negotiation.amendments, negotiation.paragraphs, openThreads])
  // A highlight clicked in the text: read its thread.
  const openThread = useCallback((id: string) => {
    setTab('comments')
    setPeopleOpen(false)
    setActiveThread(id)
  }, [])
  // A thread chosen in the panel: bring its words into view.
  const activate = useCallback((id: string) => {
    setActiveThread(id)
    window.document.querySelector(`.comment-highlight[data-thread="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, [])
  // Leaving the text (to click in the proposals panel) keeps the paragraph last chosen. Only moving the
  // cursor to another paragraph chooses it: someone else's edit to the paragraph under it does not.
  const cursorAt = useRef<string | null>(null)
  const choose = useCallback((paragraph: LiveParagraph | null) => {
    const id = paragraph?.id ?? null
    if (id === cursorAt.current) return
    cursorAt.current = id
    if (id) setSelectedId(id)
  }, [])
  // From the overview: show that paragraph's proposals and, where the panel stands beside the text,
  // bring its words into view; on a narrow screen the panel is under the text, and stays in view.
  // The button that chose it is gone with the overview, so the keyboard goes on from the heading.
  const select = useCallback((chosen: Paragraph | null) => {
    setSelectedId(chosen?.id ?? null)
    const beside = window.matchMedia(`(min-width: ${SIDE_BY_SIDE_PX}px)`).matches
    if (chosen && beside) window.document.querySelector(`[data-id="${CSS.escape(chosen.id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    requestAnimationFrame(() => window.document.getElementById('proposals-title')?.focus({ preventScroll: beside }))
  }, [])
  // Text and numbers as the editor holds them now (never a fetch that may be seconds old); statuses as the server last said.
  const liveParagraphs = useLiveParagraphs(editor, negotiation.paragraphs)
  const paragraph = useMemo<Paragraph | undefined>(
    () => (selectedId ? liveParagraphs.find((p) => p.id === selectedId) : undefined),
    [selectedId, liveParagraphs],
  )
  const [personalLink, setPersonalLink] = useState<string | null>(
    () => (history.state as { personalLink?: string } | null)?.personalLink ?? null,
  )
  // Offline editing stays possible: Yjs sends the edits on reconnect. Only a closed door stops typing.
  const editable = can(access.role, 'text.edit') && state !== 'forbidden'
  const manages = can(access.role, 'invites.manage')

  if (state === 'not-found') return <NotFound what="resolution" />

  return (
    <div className="room">
      <RoomHeader
        document={document}
        access={access}
        paragraphs={negotiation.paragraphs}
        state={state}
        notice={notice}
        collaboration={collaboration}
        peopleOpen={peopleOpen}
        onPeople={setPeopleOpen}
      />
      {personalLink && (
        <div className="banner" role="region" aria-label="Your facilitator link">
          <p>
            <strong>Your personal facilitator link.</strong> Keep it: it is how you get back in from another browser.
            It is shown only once.
          </p>
          <CopyField value={personalLink} label="Your facilitator link" />
          <button
            type="button"
            onClick={() => {
              history.replaceState(null, '')
              setPersonalLink(null)
            }}
          >
            Done
          </button>
        </div>
      )}
      <div className="room-body">
        {collaboration ? (
          <ResolutionEditor
            collaboration={collaboration}
            user={user}
            editable={editable}
            canEdit={can(access.role, 'text.edit')}
            annotations={annotations}
            onParagraph={choose}
            threads={highlighted}
            activeThread={activeThread}
            onOpenThread={openThread}
            onEditor={setEditor}
          />
        ) : (
          <p className="loading" aria-busy="true">
            Loading the text…
          </p>
        )}
        {manages && peopleOpen ? (
          <Suspense fallback={<PanelLoading what="people and links" />}>
            <PeoplePanel documentId={document.id} onClose={() => setPeopleOpen(false)} />
          </Suspense>
        ) : (
          <div className="side-column">
            <div className="tabs" role="tablist" aria-label="Side panel">
              <button type="button" role="tab" id="tab-proposals" aria-selected={tab === 'proposals'} aria-controls="side-tabpanel" onClick={() => setTab('proposals')}>
                Proposals
              </button>
              <button type="button" role="tab" id="tab-comments" aria-selected={tab === 'comments'} aria-controls="side-tabpanel" onClick={() => setTab('comments')}>
                Comments{openThreads.length > 0 && <span className="tab-count"> {openThreads.length}</span>}
              </button>
              <button type="button" role="tab" id="tab-history" aria-selected={tab === 'history'} aria-controls="side-tabpanel" onClick={() => setTab('history')}>
                History
              </button>
            </div>
            <div id="side-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
              <Suspense fallback={<PanelLoading what={tab} />}>
                {tab === 'proposals' ? (
                  <ProposalsPanel
                    documentId={document.id}
                    access={access}
                    paragraph={paragraph}
                    paragraphs={liveParagraphs}
                    amendments={negotiation.amendments}
                    versionsChanged={negotiation.versionsChanged}
                    onSelect={select}
                    reload={negotiation.reload}
                  />
                ) : tab === 'history' ? (
                  <HistoryPanel documentId={document.id} access={access} versionsChanged={negotiation.versionsChanged} />
                ) : (
                  <CommentsPanel
                    documentId={document.id}
                    access={access}
                    editor={editor}
                    paragraph={paragraph}
                    paragraphs={negotiation.paragraphs}
                    comments={negotiation.comments}
                    activeThread={activeThread}
                    onActivate={activate}
                    reload={negotiation.reload}
                  />
                )}
              </Suspense>
            </div>
          </div>
        )}
      </div>
    </div>
  )
}

/** Holds the side panel's place while its code arrives. */
function PanelLoading({ what }: { what: string }) {
  return (
    <div className="side-panel panel-loading">
      <Loading className="help">{`Loading ${what}…`}</Loading>
    </div>
  )
}
