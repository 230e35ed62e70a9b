import { useState } from 'react'

/** A read-only field with a Copy button, for links that must be passed on exactly. */
export function CopyField({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="copy-field">
      <input readOnly value={value} aria-label={label} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true))
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  )
}
