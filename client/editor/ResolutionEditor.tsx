import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { useEffect } from 'react'
import { resolutionExtensions } from '../../shared/schema/resolutionSchema'
import type { Collaboration as CollaborationHandle } from './useCollaboration'
import { ResolutionEditing } from './resolutionEditing'
import { ResolutionPresentation } from './resolutionPresentation'

interface Props {
  collaboration: CollaborationHandle
  user: { name: string; color: string }
  /** Whether typing is possible right now (the role may edit and the connection is live). */
  editable: boolean
  /** Whether the role may edit at all; read-only roles get no toolbar. */
  canEdit: boolean
}

export function ResolutionEditor({ collaboration, user, editable, canEdit }: Props) {
  const editor = useEditor({
    editable,
    extensions: [
      ...resolutionExtensions,
      ResolutionEditing,
      ResolutionPresentation,
      Collaboration.configure({ document: collaboration.doc }),
      CollaborationCaret.configure({ provider: collaboration.provider, user }),
    ],
    editorProps: {
      attributes: { class: 'resolution', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Resolution text' },
    },
  })
  useEffect(() => {
    editor?.setEditable(editable)
  }, [editor, editable])
  const context = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      inOp: e?.isActive('op') ?? false,
      inPp: e?.isActive('pp') ?? false,
      italic: e?.isActive('italic') ?? false,
    }),
  })

  return (
    <div className="editor-frame">
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
      </div>}
      <EditorContent editor={editor} className="page-sheet" />
    </div>
  )
}
