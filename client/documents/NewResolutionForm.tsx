import { useEffect, useState, type FormEvent } from 'react'
import { MAX_IMPORT_BYTES, MAX_PASTED_TEXT } from '../../shared/api/documents'
import { api, errorMessage } from '../api'
import { navigate } from '../router'
import { FormError } from '../FormError'

type Mode = 'blank' | 'paste' | 'docx'

/** Creates a resolution, blank, from the pasted text of a draft or from its Word file, and opens its draft room. */
export function NewResolutionForm({ userName }: { userName: string }) {
  const [restricted, setRestricted] = useState(false)
  const [creationKey, setCreationKey] = useState('')
  const [mode, setMode] = useState<Mode>('blank')
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  useEffect(() => {
    void api.config
      .$get()
      .then((response) => response.json())
      .then((config) => setRestricted(config.createRestricted))
      .catch(() => {})
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError('')
    if (mode === 'blank' && !title.trim()) return setError('Give the resolution a title.')
    if (mode === 'paste' && !text.trim()) return setError('Paste the text of a draft resolution.')
    if (mode === 'docx' && !file) return setError('Choose the Word (.docx) file of the draft.')
    if (mode === 'docx' && file && file.size > MAX_IMPORT_BYTES) {
      return setError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most an imported Word file may be.`)
    }
    setBusy(true)
    try {
      const headers: Record<string, string> = restricted ? { authorization: `Bearer ${creationKey}` } : {}
      const optionalTitle = title.trim() ? { title } : {}
      const response =
        mode === 'docx' && file
          ? await api.documents.import.$post({ form: { file, name: userName, ...optionalTitle } }, { headers })
          : await api.documents.$post(
              { json: { name: userName, ...(mode === 'blank' ? { title } : { text, ...optionalTitle }) } },
              { headers },
            )
      if (response.status !== 201) throw new Error(await errorMessage(response))
      const { id, url } = (await response.json()) as { id: string; url: string }
      // The personal link exists only now (the server keeps a hash): hand it to the room to show once.
      navigate(`/d/${id}`, { state: { personalLink: url } })
    } catch (caught) {
      setError(`The resolution was not created: ${(caught as Error).message}`)
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="new-title" className="card">
      <h2 id="new-title">New resolution</h2>
      <form onSubmit={submit}>
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
        <label htmlFor="new-title-input">
          Title{mode === 'paste' && ' (optional: taken from the text)'}
          {mode === 'docx' && ' (optional: taken from the file)'}
        </label>
        <input id="new-title-input" value={title} maxLength={500} onChange={(event) => setTitle(event.target.value)} />
        {mode === 'paste' && (
          <>
            <label htmlFor="new-text">Text of the draft</label>
            <p id="new-text-help" className="help">
              Paste a whole resolution, heading included. Lines before “The General Assembly,” become the heading
              and title; preambular paragraphs, numbered operative paragraphs and (a), (b) sub-paragraphs are
              recognised.
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
              numbered by Word become operative paragraphs and sub-paragraphs; italics are kept, and footnotes are
              put in [square brackets] where they are referenced.
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
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create resolution'}
        </button>
      </form>
    </section>
  )
}
