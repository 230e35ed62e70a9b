import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { paragraphElements, paragraphText } from '../collab/paragraphElements'
import { replaceText } from '../collab/forwardEdits'

/**
 * A resolution of `paragraphs` paragraphs (two fifths preambular) for measuring storage: its words
 * follow the word pairs of real texts (the `.txt` files of `seedsDir`), so it compresses like
 * negotiated prose and not like a text that repeats itself. The same seed gives the same text.
 */
export function sampleResolutionText(paragraphs: number, seedsDir: string, seed = 7): string {
  const words = readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(join(seedsDir, file), 'utf8'))
    .join(' ')
    .split(/\s+/)
    .filter((word) => word && !/[.;,:]$/.test(word))
  const random = seededRandom(seed)
  const followers = new Map<string, string[]>()
  words.forEach((word, i) => {
    if (i + 1 < words.length) followers.set(word, [...(followers.get(word) ?? []), words[i + 1]])
  })
  const phrase = (): string => {
    let word = words[Math.floor(random() * words.length)]
    const out = [word]
    for (let n = 20 + Math.floor(random() * 25); out.length < n; ) {
      const next = followers.get(word) ?? words
      word = next[Math.floor(random() * next.length)]
      out.push(word)
    }
    return out.join(' ').toLowerCase()
  }
  const preambular = Math.round(paragraphs * 0.4)
  const lines = ['Sample resolution', '', 'The General Assembly,']
  for (let i = 0; i < preambular; i++) lines.push(`${PP_OPENERS[i % PP_OPENERS.length]} that ${phrase()},`)
  for (let i = 0; i < paragraphs - preambular; i++) lines.push(`${i + 1}. ${OP_OPENERS[i % OP_OPENERS.length]} ${phrase()};`)
  return lines.join('\n')
}

/** Rewords every third paragraph `rounds` times, as forward edits: a text with a history. */
export function reword(doc: Y.Doc, rounds: number): void {
  const elements = [...paragraphElements(doc)]
  for (let round = 0; round < rounds; round++) {
    for (let i = round; i < elements.length; i += 3) {
      const text = paragraphText(elements[i])
      doc.transact(() => replaceText(elements[i], `${text.slice(0, 20)} as amended in round ${round + 1}${text.slice(20)}`))
    }
  }
}

const PP_OPENERS = ['Recalling', 'Reaffirming', 'Noting with concern', 'Recognizing', 'Welcoming', 'Stressing']
const OP_OPENERS = ['Calls upon', 'Requests', 'Urges', 'Decides', 'Encourages', 'Invites']

/** A small deterministic generator (a linear congruential one), so a measured text never changes. */
export function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}
