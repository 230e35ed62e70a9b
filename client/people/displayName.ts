import { useState } from 'react'

const STORAGE_KEY = 'penholder.displayName'

/** Colours with enough contrast for a white caret label on top. */
const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f']

export function colourFor(name: string): string {
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return COLOURS[hash % COLOURS.length]
}

/** The person's display name, asked once and remembered in this browser. */
export function useDisplayName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localStorage.getItem(STORAGE_KEY) ?? '')
  const save = (value: string) => {
    localStorage.setItem(STORAGE_KEY, value)
    setName(value)
  }
  return [name, save]
}
