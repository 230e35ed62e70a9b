import { useState, type FormEvent } from 'react'

/** Asks for the name others will see next to this person's caret and in the room. */
export function NameDialog({ onSave }: { onSave: (name: string) => void }) {
  const [value, setValue] = useState('')
  const [error, setError] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const name = value.trim()
    if (!name) return setError('Please enter the name others should see, for example "Ana (Norway)".')
    if (name.length > 60) return setError('Please use at most 60 characters.')
    onSave(name)
  }
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="name-dialog-title" onSubmit={submit}>
        <h2 id="name-dialog-title">Welcome to Penholder</h2>
        <p>Your name is shown to everyone in the room, next to your cursor.</p>
        <label htmlFor="display-name">Your name</label>
        <input
          id="display-name"
          autoFocus
          value={value}
          maxLength={80}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'display-name-error' : undefined}
        />
        {error && (
          <p id="display-name-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Continue
        </button>
      </form>
    </div>
  )
}
