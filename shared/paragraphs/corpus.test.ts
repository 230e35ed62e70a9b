/**
 * The recogniser against real UN texts (shared/paragraphs/corpus): each text's structure was
 * written by hand, and the reading is compared with it field by field and paragraph by paragraph.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSponsors } from '../people/sponsors'
import { readPastedText } from './parseResolutionText'
import type { HeadingFields } from './types'

interface Expected {
  language: string
  heading: Partial<Record<keyof HeadingFields | 'documentKind', string>> & { sponsors?: string[] }
  title?: string
  enacting: string
  paragraphs: { kind: 'pp' | 'op'; level?: number; start: string; end: string }[]
  footnotes?: { paragraph: number; text: string }[]
  adoption?: string
  /** Checks the extraction itself makes impossible, each with its reason. */
  knownDamage?: string[]
}

const CORPUS = join(import.meta.dirname, 'corpus')
const names = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => file.replace('.expected.json', ''))

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
/** "Agenda item 71 (b)" and "71 (b)" name the same item. */
const itemNumber = (text: string) => text.replace(/^\D+/, '').trim()

describe('the recogniser on real UN texts', () => {
  it('has a corpus of at least 12 texts in at least three languages', () => {
    const languages = new Set(names.map((name) => (JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as Expected).language))
    expect(names.length).toBeGreaterThanOrEqual(12)
    expect(languages.size).toBeGreaterThanOrEqual(3)
  })

  describe.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as Expected
    const { draft } = readPastedText(readFileSync(join(CORPUS, `${name}.txt`), 'utf8'))
    const damaged = new Set(expected.knownDamage ?? [])

    it('reads the language and the enacting formula', () => {
      expect(draft.language).toBe(expected.language)
      expect(draft.enacting).toBe(expected.enacting)
    })

    it('reads the heading and the title', () => {
      const { sponsors, documentKind, agendaItem, ...fields } = expected.heading
      for (const [field, value] of Object.entries(fields)) {
        expect.soft(squash(draft.heading[field as keyof HeadingFields]), field).toBe(value)
      }
      if (agendaItem) expect.soft(itemNumber(draft.heading.agendaItem), 'agendaItem').toBe(agendaItem)
      if (sponsors) expect.soft(readSponsors(draft.heading.sponsors).printed, 'sponsors').toEqual(sponsors.map((s) => s.replace(/\*$/, '')))
      if (expected.title !== undefined) expect.soft(squash(draft.title), 'title').toBe(expected.title)
    })

    it('reads every paragraph with its kind, level, first and last words', () => {
      const read = draft.paragraphs.map((p, i) => `${i} ${p.kind}${p.kind === 'op' ? p.level : ''} ${squash(p.text)}`)
      expect.soft(draft.paragraphs.length, read.join('\n')).toBe(expected.paragraphs.length)
      expected.paragraphs.forEach((want, i) => {
        const got = draft.paragraphs[i]
        const label = `paragraph ${i}`
        if (!got) return
        const kind = want.kind === 'op' ? `op${want.level ?? 0}` : 'pp'
        expect.soft(got.kind === 'op' ? `op${got.level}` : 'pp', `${label} kind`).toBe(kind)
        expect.soft(squash(got.text).startsWith(squash(want.start)), `${label} starts “${want.start}”: ${squash(got.text).slice(0, 80)}`).toBe(true)
        if (!damaged.has(`paragraph ${i} end`)) {
          expect.soft(squash(got.text).endsWith(squash(want.end)), `${label} ends “${want.end}”: …${squash(got.text).slice(-80)}`).toBe(true)
        }
      })
    })

    it('reads the footnotes and the paragraphs that carry them', () => {
      const got = draft.paragraphs.flatMap((p, i) => (p.footnotes ?? []).map((f) => ({ paragraph: i, text: squash(f.text) })))
      const want = (expected.footnotes ?? []).filter((f) => f.paragraph >= 0).map((f, i) => (damaged.has(`footnote ${i + 1}`) ? { ...f, text: expect.any(String) } : { ...f, text: squash(f.text) }))
      expect(got).toEqual(want)
    })

    it('keeps the adoption line', () => {
      expect(squash(draft.adoption)).toBe(expected.adoption ?? '')
    })
  })
})
