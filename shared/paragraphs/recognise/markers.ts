/**
 * The number or letter typed in front of a paragraph: "12." or "12)" of an OP, "1 -" in Arabic
 * texts, "PP3" / "OP12" of a negotiation draft, "(b)" or "b)" (French, Spanish, Russian) of a
 * sub-paragraph, "(ii)" of a sub-sub-paragraph, in full-width brackets in Chinese.
 */
import type { Language } from '../types'
import { LANGUAGE_RULES } from './languages'

export type Marker =
  | { kind: 'number'; number: number; length: number }
  | { kind: 'label'; label: 'pp' | 'op'; length: number }
  | { kind: 'letter'; value: string; length: number }

const NUMBER = /^(\d{1,3})\s?[.)](?=\s|$)\s*/
const ARABIC_NUMBER = /^(\d{1,3}|[٠-٩]{1,3})\s*-\s+/
const LABEL = /^(PP|OP) ?\d{1,3}[.):]?(?=\s|$)\s*/
const ROMANS = 'i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx'.split(' ')

export function readMarker(text: string, language: Language): Marker | null {
  const number = NUMBER.exec(text) ?? (language === 'ar' ? ARABIC_NUMBER.exec(text) : null)
  if (number) return { kind: 'number', number: Number(toWesternDigits(number[1])), length: number[0].length }
  const label = LABEL.exec(text)
  if (label) return { kind: 'label', label: label[1] === 'PP' ? 'pp' : 'op', length: label[0].length }
  const letters = LANGUAGE_RULES[language].letters
  const letter = new RegExp(`^(?:[(（]([a-z]{1,5}|[${letters}]{1,2}|هـ)[)）]|([a-z]|[${letters}]|هـ|[ivx]{1,5})\\))(?=\\s|$)\\s*`, 'u').exec(text)
  if (!letter) return null
  const value = letter[1] ?? letter[2]
  // "(ab)" is no marker; "(aa)" after "(z)" and romans are.
  const valid = value.length === 1 || ROMANS.includes(value) || /^(.)\1$/u.test(value) || value === 'هـ'
  return valid ? { kind: 'letter', value, length: letter[0].length } : null
}

function toWesternDigits(digits: string): string {
  return digits.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
}

/** A marker with nothing after it: the paragraph's words follow on the next line. */
export function isBareMarker(text: string, language: Language): boolean {
  const marker = readMarker(text, language)
  return marker !== null && marker.length >= text.trimEnd().length
}

export function nextLetter(letter: string, language: Language): string {
  const letters = [...LANGUAGE_RULES[language].letters].map((l) => (l === 'ه' ? 'هـ' : l))
  const index = letters.indexOf(letter)
  if (index >= 0) return letters[index + 1] ?? ''
  return letter.length === 1 ? String.fromCharCode(letter.charCodeAt(0) + 1) : ''
}

export function nextRoman(roman: string): string {
  const index = ROMANS.indexOf(roman)
  return index >= 0 ? (ROMANS[index + 1] ?? '') : ''
}

export const isRoman = (value: string): boolean => ROMANS.includes(value)
