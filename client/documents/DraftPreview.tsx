import { useEffect, useRef, useState } from 'react'
import { MAX_TITLE } from '../../shared/api/documents'
import { draftWarnings } from '../../shared/api/draftWarnings'
import { numberParagraphs } from '../../shared/paragraphs/numbering'
import { paragraphLabel } from '../../shared/paragraphs/paragraphLabel'
import {
  type DraftParagraph,
  type DroppedLine,
  HEADING_FIELDS,
  type HeadingField,
  type Language,
  LANGUAGES,
  type ResolutionDraft,
  textDirection,
  type TextReading,
} from '../../shared/paragraphs/types'
import { FormError } from '../FormError'
import { keepDroppedLine } from './keepDroppedLine'

const HEADING_LABELS: Record<HeadingField, string> = {
  symbol: 'Symbol',
  distribution: 'Distribution',
  date: 'Date',
  originalLanguage: 'Original language',
  organ: 'Organ',
  session: 'Session',
  committee: 'Committee',
  agendaItem: 'Agenda item',
  agendaTitle: 'Agenda item title',
  sponsors: 'Sponsors',
  adoptedBy: 'Adopted by',
  report: 'Report',
  resolutionNumber: 'Resolution number',
}

/** Heading lines long enough to need the whole width. */
const LONG_LINES = new Set<HeadingField>(['agendaTitle', 'sponsors', 'adoptedBy', 'report'])

/** Each language in its own name, as a delegate looks for it. */
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية',
}

const DROP_REASONS: Record<DroppedLine['reason'], string> = {
  'page-furniture': 'page number or job number',
  'footnote-separator': 'footnote rule',
  'running-header': 'running header',
  'heading-note': 'note on the heading (*)',
  'after-adoption': 'after the adoption line',
  'section-heading': 'section heading (I, II …)',
  annex: 'the annex',
}

/** The kind select's values: a PP, or an OP at one of its three levels. */
const KINDS = [
  ['pp', 'PP'],
  ['op-0', 'OP'],
  ['op-1', 'Sub-paragraph (a)'],
  ['op-2', 'Sub-sub-paragraph (i)'],
] as const
type KindValue = (typeof KINDS)[number][0]

const kindValue = (p: DraftParagraph): KindValue => (p.kind === 'pp' ? 'pp' : `op-${p.level}`)

function withKind(p: DraftParagraph, value: KindValue): DraftParagraph {
  const { text, italics, footnotes } = p
  const content = { text, ...(italics && { italics }), ...(footnotes && { footnotes }) }
  return value === 'pp' ? { kind: 'pp', ...content } : { kind: 'op', level: Number(value.slice(3)) as 0 | 1 | 2, ...content }
}

const FIRST_WORDS = 14
function firstWords(text: string): string {
  const words = text.split(' ')
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')} …` : text || '(empty)'
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export interface DraftPreviewProps {
  reading: TextReading
  /** "text" or "Word file": what "Back to the …" returns to. */
  source: string
  busy: boolean
  error: string
  onCreate(draft: ResolutionDraft): void
  onBack(): void
}

/**
 * The structure the server found, before anything is created: the person corrects a paragraph's
 * kind, a heading line or the title, puts back a line that was dropped as page furniture, and
 * creates exactly what they see. The recogniser's own doubts stay as it reported them; the
 * structural ones are worked out again from the draft as corrected.
 */
export function DraftPreview({ reading, source, busy, error, onCreate, onBack }: DraftPreviewProps) {
  const [draft, setDraft] = useState(reading.draft)
  const [dropped, setDropped] = useState(reading.dropped)
  // An object, so keeping two lines at the same place moves the focus both times.
  const [focusRow, setFocusRow] = useState<{ index: number } | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  // Lines found in the text are shown; the others wait behind "More heading lines", fixed at
  // first reading so a line does not jump away while it is being typed.
  const [foundFields] = useState(() => HEADING_FIELDS.filter((field) => reading.draft.heading[field]))

  useEffect(() => heading.current?.focus(), [])
  useEffect(() => {
    if (focusRow) document.getElementById(`preview-kind-${focusRow.index}`)?.focus()
  }, [focusRow])

  const structural = new Set(draftWarnings(reading.draft))
  const warnings = [...new Set([...reading.warnings.filter((w) => !structural.has(w)), ...draftWarnings(draft)])]
  const numbers = numberParagraphs(draft.paragraphs)
  const footnotes = draft.paragraphs.flatMap((p, i) => (p.footnotes ?? []).map((note) => ({ ...note, paragraph: i })))
  const update = (change: Partial<ResolutionDraft>) => setDraft((current) => ({ ...current, ...change }))
  const setHeading = (field: HeadingField, value: string) => update({ heading: { ...draft.heading, [field]: value } })
  const setKind = (index: number, value: KindValue) =>
    update({ paragraphs: draft.paragraphs.map((p, i) => (i === index ? withKind(p, value) : p)) })
  const keep = (index: number) => {
    const kept = keepDroppedLine(draft.paragraphs, dropped, index)
    update({ paragraphs: kept.paragraphs })
    setDropped(kept.dropped)
    setFocusRow({ index: kept.at })
  }
  const headingInput = (field: HeadingField) => (
    <div key={field} className={LONG_LINES.has(field) ? 'wide' : undefined}>
      <label htmlFor={`preview-${field}`}>{HEADING_LABELS[field]}</label>
      <input id={`preview-${field}`} value={draft.heading[field]} onChange={(event) => setHeading(field, event.target.value)} />
    </div>
  )
  const dir = textDirection(draft.language)
  const where = ({ after }: DroppedLine) =>
    after < 0 ? 'before the first paragraph' : `after ${numbers[after] ? paragraphLabel(numbers[after]) : 'the last paragraph'}`

  return (
    <section aria-labelledby="preview-title" className="draft-preview">
      <h2 id="preview-title" ref={heading} tabIndex={-1}>
        Preview: check the structure
      </h2>
      <p className="help">Nothing is created until you choose “Create resolution”. Correct what was misread here.</p>

      {warnings.length > 0 && (
        <section aria-labelledby="preview-warnings" className="preview-notices">
          <h3 id="preview-warnings">To check ({warnings.length})</h3>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}

      <h3>Heading</h3>
      <div className="preview-fields">
        <div className="wide">
          <label htmlFor="preview-title-input">Title</label>
          <input
            id="preview-title-input"
            dir={dir}
            value={draft.title}
            maxLength={MAX_TITLE}
            onChange={(event) => update({ title: event.target.value })}
          />
        </div>
        {foundFields.map(headingInput)}
        <div>
          <label htmlFor="preview-enacting">Enacting line</label>
          <input
            id="preview-enacting"
            dir={dir}
            value={draft.enacting}
            onChange={(event) => update({ enacting: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor="preview-language">Language of the text</label>
          <select
            id="preview-language"
            value={draft.language}
            onChange={(event) => update({ language: event.target.value as Language })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {foundFields.length < HEADING_FIELDS.length && (
        <details className="preview-more">
          <summary>More heading lines</summary>
          <div className="preview-fields">{HEADING_FIELDS.filter((field) => !foundFields.includes(field)).map(headingInput)}</div>
        </details>
      )}

      <h3 id="preview-paragraphs">Paragraphs ({draft.paragraphs.length})</h3>
      <ol className="preview-paragraphs" aria-labelledby="preview-paragraphs">
        {draft.paragraphs.map((p, i) => (
          <li key={i} className={`preview-row level-${p.kind === 'op' ? numbers[i].level : 0}`}>
            <span className="preview-number">{numbers[i].label || 'OP'}</span>
            <label className="visually-hidden" htmlFor={`preview-kind-${i}`}>
              Kind of paragraph {i + 1}
            </label>
            <select
              id={`preview-kind-${i}`}
              value={kindValue(p)}
              aria-describedby={`preview-words-${i}`}
              onChange={(event) => setKind(i, event.target.value as KindValue)}
            >
              {KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <span id={`preview-words-${i}`} className="preview-words" lang={draft.language} dir={dir}>
              {firstWords(p.text)}
            </span>
            {p.footnotes && p.footnotes.length > 0 && (
              <span className="preview-badge">{plural(p.footnotes.length, 'footnote')}</span>
            )}
          </li>
        ))}
      </ol>

      {footnotes.length > 0 && (
        <>
          <h3 id="preview-footnotes">Footnotes ({footnotes.length})</h3>
          <ol className="preview-footnotes" aria-labelledby="preview-footnotes">
            {footnotes.map((note, n) => (
              <li key={n} lang={draft.language} dir={dir}>
                <span className="muted">{paragraphLabel(numbers[note.paragraph])}: </span>
                {note.text}
              </li>
            ))}
          </ol>
        </>
      )}

      {dropped.length > 0 && (
        <>
          <h3 id="preview-dropped">Left out of the text ({plural(dropped.length, 'line')})</h3>
          <ul className="preview-dropped" aria-labelledby="preview-dropped">
            {dropped.map((line, i) => (
              <li key={`${i}-${line.text}`}>
                <span>
                  <code>{line.text}</code> <span className="muted">{DROP_REASONS[line.reason]}, {where(line)}</span>
                </span>
                <button type="button" aria-label={`Keep “${line.text}” as a paragraph`} onClick={() => keep(i)}>
                  Keep
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <FormError message={error} />
      <div className="preview-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onCreate(draft)}>
          {busy ? 'Creating…' : 'Create resolution'}
        </button>
        <button type="button" onClick={onBack} disabled={busy}>
          Back to the {source}
        </button>
      </div>
    </section>
  )
}
