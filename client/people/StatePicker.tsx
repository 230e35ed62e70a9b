import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { searchDelegations } from '../../shared/people/delegations'

interface Props {
  value: string
  onChange: (state: string) => void
  label: string
}

/**
 * A searchable picker of the 193 Member States, the two observer States and the EU (the ARIA
 * combobox pattern): type any part of a name or a common short form ("UK", "Türkiye" as
 * "turkiye"), move with the arrow keys, choose with Enter.
 */
export function StatePicker({ value, onChange, label }: Props) {
  const id = useId()
  const [query, setQuery] = useState(value)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const options = useMemo(() => searchDelegations(query, 8), [query])

  const choose = (state: string) => {
    onChange(state)
    setQuery(state)
    setOpen(false)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, options.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault()
      choose(options[active])
    } else if (event.key === 'Escape') {
      setOpen(false)
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-option-${active}` : undefined}
        value={query}
        autoComplete="off"
        placeholder="Type to search, e.g. Mexico"
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
          setOpen(true)
          onChange('')
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && options.length > 0 && (
        <ul id={`${id}-list`} role="listbox" aria-label={label}>
          {options.map((option, i) => (
            <li
              key={option}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => {
                event.preventDefault() // keep focus in the input
                choose(option)
              }}
            >
              {option}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
