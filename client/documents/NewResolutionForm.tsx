import { Suspense, useEffect, useRef, useState, type FormEvent } from 'react'
import { MAX_IMPORT_BYTES, MAX_PASTED_TEXT } from '../../shared/api/documents'
import type { ResolutionDraft, TextReading } from '../../shared/paragraphs/types'
import { api, errorMessage } from '../api'
import { navigate } from '../router'
import { FormError } from '../FormError'
import { lazily, Loading } from '../lazily'

// The preview and its paragraph rules are needed only once a text has been read.
const loadPreview = () => import('./DraftPreview')
const DraftPreview = lazily(loadPreview, 'DraftPreview')

type Mode = 'blank' | 'paste' | 'docx'

/**
 * Creates a resolution and opens its draft room: a blank one at once; from the pasted text of a
 * draft or its Word file only after a preview of the structure found, which the person corrects
 * and then creates exactly as shown.
 */
export function NewResolutionForm({ userName }: { userName: string }) {
  const [restricted, setRestricted] = useState(false)
  const [creationKey, setCreationKey] = useState('')
  const [mode, setMode] = useState<Mode>('blank')
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [reading, setReading] = useState<TextReading | null>(null)
  const previewButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    void api.config
      .$get()
      .then((response) => response.json())
      .then((config) => setRestricted(config.createRestricted))
      .catch(() => {})
  }, [])

  const headers = (): Record<string, string> => (restricted ? { authorization: `Bearer ${creationKey}` } : {})

  const create = async (body: { title: string } | { draft: ResolutionDraft }) => {
    setError('')
    setBusy(true)
    try {
      const response = await api.documents.$post({ json: { name: userName, ...body } }, { headers: headers() })
      if (response.status !== 201) throw new Error(await errorMessage(response))
      const { id, url } = (await response.json()) as { id: string; url: string }
      // The personal link exists only now (the server keeps a hash): hand it to the room to show once.
      navigate(`/d/${id}`, { state: { personalLink: url } })
    } catch (caught) {
      setError(`The resolution was not created: ${(caught as Error).message}`)
      setBusy(false)
    }
  }

  const preview = async () => {
    setBusy(true)
    // Fetched while the server reads the text, so that the preview does not wait for its code after it.
    void loadPreview()
    try {
      const response =
        mode === 'docx' && file
          ? await api.documents.import.preview.$post({ form: { file } }, { headers: headers() })
          : await api.documents.preview.$post({ json: { text } }, { headers: headers() })
      if (response.status !== 200) throw new Error(await errorMessage(response))
      setReading((await response.json()) as TextReading)
    } catch (caught) {
      setError(`The ${mode === 'docx' ? 'file' : 'text'} could not be read: ${(caught as Error).message}`)
    }
    setBusy(false)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setError('')
    if (mode === 'blank') return title.trim() ? void create({ title }) : setError('Give the resolution a title.')
    if (mode === 'paste' && !text.trim()) return setError('Paste the text of a draft resolution.')
    if (mode === 'docx' && !file) return setError('Choose the Word (.docx) file of the draft.')
    if (mode === 'docx' && file && file.size > MAX_IMPORT_BYTES) {
      return setError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most an imported Word file may be.`)
    }
    void preview()
  }

  const createFromPreview = (draft: ResolutionDraft) => {
    if (!draft.title.trim()) return setError('Type the title of the resolution under “Heading”.')
    void create({ draft })
  }

  const backToSource = () => {
    setReading(null)
    setError('')
    // The form stayed in the page, hidden, so its text and chosen file are still there.
    requestAnimationFrame(() => previewButton.current?.focus())
  }

  const source = mode === 'docx' ? 'Word file' : 'text'

  return (
    <section aria-labelledby={reading ? 'preview-title' : 'new-title'} className="card">
      {reading && (
        <Suspense fallback={<Loading>Loading the preview…</Loading>}>
          <DraftPreview
            reading={reading}
            source={source}
            busy={busy}
            error={error}
            onCreate={createFromPreview}
            onBack={backToSource}
          />
        </Suspense>
      )}
      <h2 id="new-title" hidden={reading !== null}>
        New resolution
      </h2>
      <form onSubmit={submit} hidden={reading !== null}>
        <fieldset className="segmented">
          <legend>Start from</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'blank'} onChange={() => setMode('blank')} />A blank draft
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} />
            Pasted text
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'docx'} onChange={() => setMode('docx')} />
            Word file (.docx)
          </label>
        </fieldset>
        {mode === 'blank' && (
          <>
            <label htmlFor="new-title-input">Title</label>
            <input id="new-title-input" value={title} maxLength={500} onChange={(event) => setTitle(event.target.value)} />
          </>
        )}
        {mode === 'paste' && (
          <>
            <label htmlFor="new-text">Text of the draft</label>
            <p id="new-text-help" className="help">
              Paste a whole resolution, heading included. Lines before “The General Assembly,” become the heading
              and title; preambular paragraphs, numbered operative paragraphs and (a), (b) sub-paragraphs are
              recognised. You see what was found, and correct it, before anything is created.
            </p>
            <textarea
              id="new-text"
              rows={14}
              value={text}
              maxLength={MAX_PASTED_TEXT}
              aria-describedby="new-text-help"
              onChange={(event) => setText(event.target.value)}
            />
          </>
        )}
        {mode === 'docx' && (
          <>
            <label htmlFor="new-file">Word file of the draft</label>
            <p id="new-file-help" className="help">
              A .docx of at most {MAX_IMPORT_BYTES / 1024 / 1024} MB, heading included, as for pasted text. Paragraphs
              numbered by Word become operative paragraphs and sub-paragraphs; italics and footnotes are kept. You
              see what was found, and correct it, before anything is created.
            </p>
            <input
              id="new-file"
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby="new-file-help"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </>
        )}
        {restricted && (
          <>
            <label htmlFor="creation-key">Creation key</label>
            <p className="help" id="creation-key-help">
              This server lets only people with its creation key start resolutions. Ask whoever runs it.
            </p>
            <input
              id="creation-key"
              type="password"
              value={creationKey}
              aria-describedby="creation-key-help"
              onChange={(event) => setCreationKey(event.target.value)}
            />
          </>
        )}
        {!reading && <FormError message={error} />}
        <button type="submit" className="primary" disabled={busy} ref={previewButton}>
          {mode === 'blank' ? (busy ? 'Creating…' : 'Create resolution') : 'Preview'}
        </button>
        <p role="status" className="help">
          {busy && mode !== 'blank' && (mode === 'docx' ? 'Reading the Word file…' : 'Reading the text…')}
        </p>
      </form>
    </section>
  )
}
