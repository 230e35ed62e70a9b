import type { Editor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import type { SelectedFootnote } from './footnotes'

/**
 * The selected footnote's text, under the toolbar: everyone reads it there (it is also the
 * superscript's tooltip); facilitators edit or remove it. Enter saves, Escape goes back to the text.
 */
export function FootnoteBar({ editor, footnote, canEdit }: { editor: Editor; footnote: SelectedFootnote; canEdit: boolean }) {
  const [text, setText] = useState(footnote.text)
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    setText(footnote.text)
    // A footnote just inserted has no text yet: put the cursor where it is typed.
    if (canEdit && footnote.text === '') field.current?.focus()
  }, [footnote.pos, footnote.text, canEdit])

  const save = () => editor.chain().setFootnoteText(text.trim()).focus().run()
  if (!canEdit) {
    return (
      <div className="footnote-bar" role="region" aria-label={`Footnote ${footnote.number}`}>
        <p>
          <strong>Footnote {footnote.number}:</strong> {footnote.text || <span className="muted">(no text yet)</span>}
        </p>
      </div>
    )
  }
  return (
    <div className="footnote-bar" role="region" aria-label={`Footnote ${footnote.number}`}>
      <label htmlFor="footnote-text">Text of footnote {footnote.number}</label>
      <textarea
        id="footnote-text"
        ref={field}
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault()
            save()
          }
          if (event.key === 'Escape') editor.commands.focus()
        }}
      />
      <div className="actions">
        <button type="button" className="primary" disabled={text.trim() === footnote.text} onClick={save}>
          Save footnote
        </button>
        <button type="button" onClick={() => editor.chain().removeFootnote().focus().run()}>
          Remove footnote
        </button>
      </div>
    </div>
  )
}
