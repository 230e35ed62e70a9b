import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { memo, Suspense, useEffect, useRef } from 'react'
import { textDirection } from '../../shared/paragraphs/types'
import { resolutionExtensions } from '../../shared/schema/resolutionSchema'
import { type AnchoredThread, CommentHighlights, setActiveThread, setThreads } from '../comments/commentHighlights'
import { lazily } from '../lazily'
import { caretProvider } from './caretAwareness'
import type { Collaboration as CollaborationHandle } from './useCollaboration'
import { Footnotes, selectedFootnote } from './footnotes'
import { PasteLimit } from './pasteLimit'
import { RemoteChangesStayPut } from './remoteScroll'
import { ResolutionEditing } from './resolutionEditing'
import {
  annotate,
  languageOf,
  type LiveParagraph,
  type ParagraphAnnotations,
  paragraphAtSelection,
  ResolutionPresentation,
} from './resolutionPresentation'

interface Props {
  collaboration: CollaborationHandle
  user: { name: string; color: string }
  /** Whether typing is possible right now (the role may edit and the connection is live). */
  editable: boolean
  /** Whether the role may edit at all; read-only roles get no toolbar. */
  canEdit: boolean
  /** Statuses and pending proposal counts to show in the margin. */
  annotations: ParagraphAnnotations
  /** Called with the paragraph the cursor is in when it moves to another one or that one is renumbered. */
  onParagraph: (paragraph: LiveParagraph | null) => void
  /** Open comment threads to highlight, and the one being read. */
  threads: readonly AnchoredThread[]
  activeThread: string | null
  /** A highlight was clicked. */
  onOpenThread: (threadId: string) => void
  /** The editor, for panels that read its selection (new comments). */
  onEditor: (editor: Editor | null) => void
}

// Shown only with the cursor on a footnote: its code comes then, not before the text.
const FootnoteBar = lazily(() => import('./FootnoteBar'), 'FootnoteBar')

/**
 * What the toolbar and the footnote bar show, in primitive fields: the selector's result is
 * compared field by field, so the editor re-renders only when one of them changes, never because
 * a character was typed.
 */
function editorContext(e: Editor) {
  const paragraph = paragraphAtSelection(e.state)
  const footnote = selectedFootnote(e.state)
  return {
    inOp: e.isActive('op'),
    inPp: e.isActive('pp'),
    italic: e.isActive('italic'),
    id: paragraph?.id ?? null,
    kind: paragraph?.kind ?? 'op',
    number: paragraph?.number ?? '',
    footnotePos: footnote?.pos ?? -1,
    footnoteNumber: footnote?.number ?? 0,
    footnoteText: footnote?.text ?? '',
  }
}

/** Memoised: the room re-renders on every change to the text, and the editor's props rarely change then. */
export const ResolutionEditor = memo(function ResolutionEditor(props: Props) {
  const { collaboration, user, editable, canEdit, annotations, onParagraph, threads, activeThread, onOpenThread, onEditor } = props
  // The editor is created once; the latest callback is read through a ref.
  const openThread = useRef(onOpenThread)
  openThread.current = onOpenThread
  const editor = useEditor({
    editable,
    extensions: [
      ...resolutionExtensions,
      ResolutionEditing,
      Footnotes,
      ResolutionPresentation,
      CommentHighlights.configure({ onOpen: (id) => openThread.current(id) }),
      PasteLimit.configure({ onRefused: collaboration.notify }),
      Collaboration.configure({ document: collaboration.doc }),
      RemoteChangesStayPut,
      CollaborationCaret.configure({ provider: caretProvider(collaboration.provider), user }),
    ],
    editorProps: {
      // An Arabic text reads right to left in the room as on paper.
      attributes: (state) => ({
        class: 'resolution',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Resolution text',
        lang: languageOf(state.doc),
        dir: textDirection(languageOf(state.doc)),
      }),
    },
  })
  useEffect(() => {
    editor?.setEditable(editable)
  }, [editor, editable])
  useEffect(() => {
    if (editor) annotate(editor.view, annotations)
  }, [editor, annotations])
  useEffect(() => {
    if (editor) setThreads(editor.view, threads)
  }, [editor, threads])
  useEffect(() => {
    if (editor) setActiveThread(editor.view, activeThread)
  }, [editor, activeThread])
  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])
  const context = useEditorState({ editor, selector: ({ editor: e }) => (e ? editorContext(e) : null) })
  const { id = null, kind = 'op', number = '' } = context ?? {}
  useEffect(() => {
    // Typing alone does not call back: the room would re-render on every keystroke for nothing.
    onParagraph(editor && id ? paragraphAtSelection(editor.state) : null)
  }, [editor, id, kind, number, onParagraph])

  return (
    <div className="editor-frame">
      <div className="editor-tools">
      {canEdit && <div className="toolbar" role="toolbar" aria-label="Paragraph tools">
        <button
          type="button"
          aria-pressed={context?.italic ?? false}
          onClick={() => editor?.chain().focus().toggleItalic().run()}
          title="Italic (Ctrl+I)"
        >
          <em>I</em>
        </button>
        <button
          type="button"
          disabled={!context?.inOp}
          onClick={() => editor?.chain().focus().indentParagraph().run()}
          title="Make it a sub-paragraph (Tab)"
        >
          Indent
        </button>
        <button
          type="button"
          disabled={!context?.inOp}
          onClick={() => editor?.chain().focus().outdentParagraph().run()}
          title="Back to the level above (Shift+Tab)"
        >
          Outdent
        </button>
        <button
          type="button"
          disabled={!context?.inOp && !context?.inPp}
          onClick={() => editor?.chain().focus().togglePreambularOperative().run()}
          title="Move between preamble and operative part (Ctrl+Alt+O)"
        >
          {context?.inOp ? 'Make preambular' : 'Make operative'}
        </button>
        <button
          type="button"
          disabled={!context?.inOp && !context?.inPp}
          onClick={() => editor?.chain().focus().insertFootnote().run()}
          title="Add a footnote after the cursor (Ctrl+Alt+F)"
        >
          Footnote
        </button>
        <button
          type="button"
          disabled={!context?.inOp && !context?.inPp}
          onClick={() => editor?.chain().focus().moveParagraph('up').run()}
          title="Move the paragraph up (Alt+↑)"
        >
          Move up
        </button>
        <button
          type="button"
          disabled={!context?.inOp && !context?.inPp}
          onClick={() => editor?.chain().focus().moveParagraph('down').run()}
          title="Move the paragraph down (Alt+↓)"
        >
          Move down
        </button>
      </div>}
      {editor && context && context.footnotePos >= 0 && (
        <Suspense fallback={null}>
          <FootnoteBar
            editor={editor}
            canEdit={editable}
            footnote={{ pos: context.footnotePos, number: context.footnoteNumber, text: context.footnoteText }}
          />
        </Suspense>
      )}
      </div>
      <EditorContent editor={editor} className="page-sheet" />
    </div>
  )
})
