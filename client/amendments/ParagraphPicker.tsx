import { useState } from 'react'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import type { Paragraph } from '../../shared/paragraphs/types'

/** How much of each paragraph the list shows beside its number. */
const PREVIEW = 60

/**
 * Any paragraph, chosen without the text: a delegation's text is read-only, so its caret cannot
 * be moved there from the keyboard, and a screen reader user may prefer a list. Chosen, then
 * opened with the button, so that going through the list with the arrow keys opens nothing.
 */
export function ParagraphPicker({ paragraphs, onSelect }: { paragraphs: readonly Paragraph[]; onSelect: (paragraph: Paragraph) => void }) {
  const [chosen, setChosen] = useState('')
  const paragraph = paragraphs.find((p) => p.id === chosen)
  return (
    <form
      className="paragraph-picker"
      onSubmit={(event) => {
        event.preventDefault()
        if (paragraph) onSelect(paragraph)
      }}
    >
      <label htmlFor="paragraph-picker">Any paragraph</label>
      <select id="paragraph-picker" value={chosen} onChange={(event) => setChosen(event.target.value)}>
        <option value="">Choose a paragraph…</option>
        {paragraphs.map((p) => (
          <option key={p.id} value={p.id}>
            {paragraphLabel(p)}: {p.text.length > PREVIEW ? `${p.text.slice(0, PREVIEW)}…` : p.text}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!paragraph}>
        Open
      </button>
    </form>
  )
}
