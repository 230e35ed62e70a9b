/**
 * The recogniser against real UN texts (shared/paragraphs/corpus): each text's structure was
 * written by hand, and the reading is compared with it field by field and paragraph by paragraph.
 *
 * Where the recogniser is known to read a text wrongly, the expected file lists the check under
 * `knownGaps` with the reason; such a check must still fail, so the list can only shrink.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSponsors } from '../people/sponsors'
import { readPastedText } from './parseResolutionText'
import type { HeadingFields, ResolutionDraft } from './types'

interface Expected {
  language: string
  heading: Partial<Record<keyof HeadingFields | 'documentKind', string>> & { sponsors?: string[] }
  title?: string
  enacting: string
  paragraphs: { kind: 'pp' | 'op'; level?: number; start: string; end: string }[]
  footnotes?: { paragraph: number; text: string }[]
  adoption?: string
  /** Check name → why the recogniser gets it wrong (or why the extraction makes it impossible). */
  knownGaps?: Record<string, string>
}

const CORPUS = join(import.meta.dirname, 'corpus')
const names = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => file.replace('.expected.json', ''))
const load = (name: string) => JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as Expected

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
/** "Agenda item 71 (b)" and "71 (b)" name the same item. */
const itemNumber = (text: string) => text.replace(/^\D+/, '').trim()

/** Every check of one text: name → [what was read, what was expected]. */
function checks(draft: ResolutionDraft, expected: Expected): Map<string, [unknown, unknown]> {
  const out = new Map<string, [unknown, unknown]>()
  out.set('language', [draft.language, expected.language])
  out.set('enacting', [draft.enacting, expected.enacting])
  const { sponsors, documentKind: _kind, agendaItem, ...fields } = expected.heading
  for (const [field, value] of Object.entries(fields)) out.set(`heading ${field}`, [squash(draft.heading[field as keyof HeadingFields]), value])
  if (agendaItem) out.set('heading agendaItem', [itemNumber(draft.heading.agendaItem), agendaItem])
  if (sponsors) out.set('heading sponsors', [readSponsors(draft.heading.sponsors).printed, sponsors.map((s) => s.replace(/\*$/, ''))])
  if (expected.title !== undefined) out.set('title', [squash(draft.title), expected.title])
  out.set('paragraph count', [draft.paragraphs.length, expected.paragraphs.length])
  expected.paragraphs.forEach((want, i) => {
    const got = draft.paragraphs[i]
    const text = squash(got?.text ?? '')
    const kind = (p: { kind: string; level?: number }) => (p.kind === 'op' ? `op${p.level ?? 0}` : 'pp')
    out.set(`paragraph ${i} kind`, [got && kind(got), kind(want)])
    out.set(`paragraph ${i} start`, [text.slice(0, squash(want.start).length), squash(want.start)])
    out.set(`paragraph ${i} end`, [text.slice(-squash(want.end).length), squash(want.end)])
  })
  const footnotes = draft.paragraphs.flatMap((p, i) => (p.footnotes ?? []).map((f) => ({ paragraph: i, text: squash(f.text) })))
  const wanted = (expected.footnotes ?? []).filter((f) => f.paragraph >= 0).map((f) => ({ paragraph: f.paragraph, text: squash(f.text) }))
  out.set('footnotes', [footnotes, wanted])
  out.set('adoption', [squash(draft.adoption), expected.adoption ?? ''])
  return out
}

describe('the recogniser on real UN texts', () => {
  it('has a corpus of at least 12 texts in at least three languages', () => {
    expect(names.length).toBeGreaterThanOrEqual(12)
    expect(new Set(names.map((name) => load(name).language)).size).toBeGreaterThanOrEqual(3)
  })

  it.each(names)('%s: heading, paragraphs, footnotes and adoption line as written by hand', (name) => {
    const expected = load(name)
    const { draft } = readPastedText(readFileSync(join(CORPUS, `${name}.txt`), 'utf8'))
    const gaps = expected.knownGaps ?? {}
    for (const [check, [got, want]] of checks(draft, expected)) {
      if (check in gaps) expect.soft(got, `${check} is listed as a known gap (${gaps[check]}) but now reads right: remove it from knownGaps`).not.toEqual(want)
      else expect.soft(got, check).toEqual(want)
    }
  })
})
