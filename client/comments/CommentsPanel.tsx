import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { Fragment, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Access } from '../../shared/api/access'
import type { Comment, CommentAuthor } from '../../shared/comments/types'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import type { Paragraph } from '../../shared/paragraphs/types'
import { can, describeRole } from '../../shared/policy/policy'
import { age } from '../age'
import { api, errorMessage } from '../api'
import { threadRanges } from './commentHighlights'
import { commentRange, commentTarget } from './commentTarget'
import { FormError } from '../FormError'

interface Props {
  documentId: string
  access: Access
  editor: Editor | null
  /** The paragraph under the cursor, when there is one. */
  paragraph: Paragraph | undefined
  paragraphs: Paragraph[]
  comments: Comment[]
  activeThread: string | null
  onActivate: (threadId: string) => void
  reload: () => void
}

interface Thread {
  root: Comment
  replies: Comment[]
}

type Shown = 'open' | 'resolved' | 'all'

/** The group a comment speaks for: its State, its organisation, or the facilitators. */
const groupOf = (author: CommentAuthor) => author.state ?? author.organisation ?? 'Facilitators'

function threadsOf(comments: Comment[]): Thread[] {
  const threads = comments.filter((c) => c.parentId === null).map((root) => ({ root, replies: [] as Comment[] }))
  const byId = new Map(threads.map((t) => [t.root.id, t]))
  for (const comment of comments) if (comment.parentId) byId.get(comment.parentId)?.replies.push(comment)
  // A deleted comment nobody answered leaves nothing worth a trace.
  return threads.filter((t) => !(t.root.deleted && t.replies.every((r) => r.deleted)))
}

/**
 * Comment threads beside the text: new comments on the selected words (or the paragraph), replies,
 * edits, resolving, and a facilitator's hiding; filtered by state, by who wrote them and by
 * mentions. Bodies are plain text, rendered by React (escaped), with line breaks kept.
 */
export function CommentsPanel(props: Props) {
  const { documentId, access, editor, paragraph, paragraphs, comments, activeThread, onActivate, reload } = props
  const [shown, setShown] = useState<Shown>('open')
  const [group, setGroup] = useState('')
  const [mentionsMe, setMentionsMe] = useState(false)
  const [onlyHere, setOnlyHere] = useState(false)
  const [error, setError] = useState('')
  // Which threads' words are gone, as a stable string so the panel re-renders only when it changes.
  const removed = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e ? [...threadRanges(e.state)].filter(([, range]) => range === null).map(([id]) => id).join(' ') : '',
  })
  const removedIds = new Set((removed ?? '').split(' '))

  const mention = `@${access.name}`.toLowerCase()
  const order = new Map(paragraphs.map((p, i) => [p.id, i]))
  const all = threadsOf(comments)
  const groups = [...new Set(comments.map((c) => groupOf(c.author)))].sort()
  const threads = all
    .filter((t) => shown === 'all' || t.root.resolved === (shown === 'resolved'))
    .filter((t) => !group || [t.root, ...t.replies].some((c) => groupOf(c.author) === group))
    .filter((t) => !mentionsMe || [t.root, ...t.replies].some((c) => c.body.toLowerCase().includes(mention)))
    .filter((t) => !onlyHere || t.root.paragraphId === paragraph?.id)
    .sort((a, b) => (order.get(a.root.paragraphId) ?? 1e9) - (order.get(b.root.paragraphId) ?? 1e9))

  const run = async (request: Promise<Response>): Promise<boolean> => {
    setError('')
    const response = await request
    if (!response.ok) {
      setError(await errorMessage(response))
      return false
    }
    reload()
    return true
  }
  const routes = api.documents[':id'].comments
  const param = (cid: string) => ({ id: documentId, cid })
  const actions: ThreadActions = {
    reply: (root, body) => run(routes.$post({ param: { id: documentId }, json: { parentId: root.id, body } })),
    edit: (comment, body) => run(routes[':cid'].$patch({ param: param(comment.id), json: { body } })),
    remove: (comment) => run(routes[':cid'].$delete({ param: param(comment.id) })),
    resolve: (root, resolved) => run(resolved ? routes[':cid'].resolve.$post({ param: param(root.id) }) : routes[':cid'].reopen.$post({ param: param(root.id) })),
  }
  const writes = can(access.role, 'comment.write')

  return (
    <aside className="side-panel comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {writes && <NewComment documentId={documentId} editor={editor} paragraph={paragraph} run={run} />}
      <FormError message={error} />
      <fieldset className="comment-filters">
        <legend className="visually-hidden">Filter comments</legend>
        <label>
          Show{' '}
          <select value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          From{' '}
          <select value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">Everyone</option>
            {groups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={mentionsMe} onChange={(e) => setMentionsMe(e.target.checked)} /> Mentions me
        </label>
        {paragraph && (
          <label className="check">
            <input type="checkbox" checked={onlyHere} onChange={(e) => setOnlyHere(e.target.checked)} /> Only {paragraphLabel(paragraph)}
          </label>
        )}
      </fieldset>
      {threads.length === 0 ? (
        <p className="muted">{all.length === 0 ? 'No comments yet.' : 'No comments match these filters.'}</p>
      ) : (
        <ol className="thread-list">
          {threads.map((thread) => {
            const where = paragraphs.find((p) => p.id === thread.root.paragraphId)
            return (
              <ThreadView
                key={thread.root.id}
                thread={thread}
                where={where ? paragraphLabel(where) : 'A removed paragraph'}
                removed={removedIds.has(thread.root.id)}
                active={thread.root.id === activeThread}
                access={access}
                actions={actions}
                onActivate={() => onActivate(thread.root.id)}
              />
            )
          })}
        </ol>
      )}
    </aside>
  )
}

interface ThreadActions {
  reply: (root: Comment, body: string) => Promise<boolean>
  edit: (comment: Comment, body: string) => Promise<boolean>
  remove: (comment: Comment) => Promise<boolean>
  resolve: (root: Comment, resolved: boolean) => Promise<boolean>
}

/** Ctrl+Enter (⌘+Enter) sends, as in every chat a delegate uses. */
const sendOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault()
    event.currentTarget.form?.requestSubmit()
  }
}

function NewComment({ documentId, editor, paragraph, run }: { documentId: string; editor: Editor | null; paragraph: Paragraph | undefined; run: (r: Promise<Response>) => Promise<boolean> }) {
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const selected = useEditorState({ editor, selector: ({ editor: e }) => (e ? (commentRange(e.state)?.quote ?? null) : null) })
  const wholeParagraph = paragraph && selected === paragraph.text

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const target = editor ? commentTarget(editor.state) : null
    if (!target) return
    setBusy(true)
    const sent = await run(
      api.documents[':id'].comments.$post({
        param: { id: documentId },
        json: { paragraphId: target.paragraphId, body, quote: target.quote, ...(target.anchor ? { anchor: target.anchor } : {}) },
      }),
    )
    setBusy(false)
    if (sent) setBody('')
  }

  if (!paragraph || selected === null) {
    return <p className="muted">Select words in the text (or put the cursor in a paragraph) to comment on them.</p>
  }
  return (
    <form className="new-comment" onSubmit={submit}>
      <p className="comment-on">
        On {paragraphLabel(paragraph)}
        {wholeParagraph ? ' (the whole paragraph)' : <>: <q>{selected}</q></>}
      </p>
      <label htmlFor="new-comment-body" className="visually-hidden">
        Comment
      </label>
      <textarea
        id="new-comment-body"
        rows={3}
        placeholder="Your comment. Mention someone with @Name. Ctrl+Enter sends."
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={sendOnCtrlEnter}
      />
      <button type="submit" className="primary" disabled={busy || !body.trim()}>
        {busy ? 'Sending…' : 'Comment'}
      </button>
    </form>
  )
}

function ThreadView({
  thread,
  where,
  removed,
  active,
  access,
  actions,
  onActivate,
}: {
  thread: Thread
  where: string
  removed: boolean
  active: boolean
  access: Access
  actions: ThreadActions
  onActivate: () => void
}) {
  const { root, replies } = thread
  const [reply, setReply] = useState('')
  const writes = can(access.role, 'comment.write')
  return (
    <li className={`thread${active ? ' is-active' : ''}${root.resolved ? ' is-resolved' : ''}`} aria-label={`Comment thread on ${where}`}>
      <button type="button" className="thread-target" onClick={onActivate} aria-pressed={active}>
        <span className="muted">{where}</span>
        {root.quote &&
          (removed ? (
            <span className="removed-quote">
              The commented text was removed: <q>{root.quote}</q>
            </span>
          ) : (
            <q>{root.quote}</q>
          ))}
      </button>
      {[root, ...replies].map((comment) => (
        <CommentView key={comment.id} comment={comment} access={access} actions={actions} />
      ))}
      {writes && (
        <div className="thread-actions">
          <button type="button" onClick={() => void actions.resolve(root, !root.resolved)}>
            {root.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      )}
      {writes && !root.resolved && (
        <form
          className="reply"
          onSubmit={async (event) => {
            event.preventDefault()
            if (await actions.reply(root, reply)) setReply('')
          }}
        >
          <label htmlFor={`reply-${root.id}`} className="visually-hidden">
            Reply
          </label>
          <textarea id={`reply-${root.id}`} rows={1} placeholder="Reply…" value={reply} onChange={(e) => setReply(e.target.value)} onKeyDown={sendOnCtrlEnter} />
          <button type="submit" disabled={!reply.trim()}>
            Reply
          </button>
        </form>
      )}
    </li>
  )
}

function CommentView({ comment, access, actions }: { comment: Comment; access: Access; actions: ThreadActions }) {
  const [editing, setEditing] = useState<string | null>(null)
  const own = comment.author.credentialId === access.inviteId
  const gone = comment.deleted || comment.hiddenBy !== null
  const { author } = comment
  return (
    <article className="comment" aria-label={`Comment by ${author.name}`}>
      <header>
        <strong>{author.name}</strong> <span className="muted">· {describeRole(author.role, author.state, author.organisation)} · {age(comment.createdAt)}</span>
        {comment.editedAt && !gone && <span className="muted"> · edited</span>}
      </header>
      {comment.hiddenBy !== null ? (
        <p className="trace">Hidden by {comment.hiddenBy}.</p>
      ) : comment.deleted ? (
        <p className="trace">Deleted by its author.</p>
      ) : editing !== null ? (
        <form
          onSubmit={async (event) => {
            event.preventDefault()
            if (await actions.edit(comment, editing)) setEditing(null)
          }}
        >
          <label htmlFor={`edit-${comment.id}`} className="visually-hidden">
            Edit your comment
          </label>
          <textarea id={`edit-${comment.id}`} rows={3} value={editing} onChange={(e) => setEditing(e.target.value)} onKeyDown={sendOnCtrlEnter} />
          <button type="submit" className="primary" disabled={!editing.trim()}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <p className="comment-body">
          <Body text={comment.body} />
        </p>
      )}
      {!gone && editing === null && (
        <div className="comment-actions">
          {own && (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(comment.body)}>
                Edit
              </button>
              <button type="button" className="link-button" onClick={() => void actions.remove(comment)}>
                Delete
              </button>
            </>
          )}
          {!own && can(access.role, 'comment.moderate') && (
            <button type="button" className="link-button" onClick={() => void actions.remove(comment)}>
              Hide
            </button>
          )}
        </div>
      )}
    </article>
  )
}

/** Plain text with @mentions set in bold; React escapes everything, so no markup gets through. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(@[\p{L}\p{M}\p{N}_.-]+)/u)
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{i % 2 === 1 ? <strong className="mention">{part}</strong> : part}</Fragment>
      ))}
    </>
  )
}
