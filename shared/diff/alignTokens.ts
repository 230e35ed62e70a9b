/**
 * The alignment behind the word diff: which tokens of the old text stay in the new one.
 *
 * A plain longest common subsequence (what diff-match-patch computes) counts every token alike, so
 * to keep one more space or "and" it will strike a word and re-insert it elsewhere:
 * "cybercrime, terrorism and online radicalization" → "cybercrime and terrorism" keeps " and " and
 * strikes "terrorism". Here a kept token is worth its weight — a word more than a punctuation mark,
 * a long word more than a short one, whitespace almost nothing — and every separate change costs a
 * little, so the alignment keeps the words a reader recognises and never splits a change just to
 * keep a space.
 *
 * Dynamic programming over two states per cell (the last step kept a token, or was part of a
 * change), after the common start and end are set aside: O(n·m) time and n·m bytes of traceback.
 */
export type TokenOp = 'equal' | 'delete' | 'insert'
export interface TokenRun {
  op: TokenOp
  tokens: string[]
}

/** About 2000 × 2000 tokens of differing middle; beyond that the caller falls back to a cheaper diff. */
const MAX_CELLS = 4_000_000
/** More than a kept space or a lone punctuation mark is worth, less than a kept word. */
const CHANGE_COST = 4
const UNREACHABLE = -(2 ** 29)

const WORD = /^[\p{L}\p{M}\p{N}]/u
const SPACE = /^\s/u

function tokenWeight(token: string): number {
  if (SPACE.test(token)) return 1
  if (WORD.test(token)) return 2 + Math.min(token.length, 8)
  return 2
}

/** The runs of kept, deleted and inserted tokens, or null when the texts are too long to align here. */
export function alignTokens(a: readonly string[], b: readonly string[]): TokenRun[] | null {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const middleA = a.slice(start, a.length - end)
  const middleB = b.slice(start, b.length - end)
  if ((middleA.length + 1) * (middleB.length + 1) > MAX_CELLS) return null
  return joinRuns([
    { op: 'equal', tokens: a.slice(0, start) },
    ...alignMiddle(middleA, middleB),
    { op: 'equal', tokens: a.slice(a.length - end) },
  ])
}

// Traceback codes: bit 0 says whether a kept token followed a change; bits 1–2 where a change step
// came from (deleting from a kept or a changed state, inserting from a kept or a changed state).
const KEPT_AFTER_CHANGE = 1
const DELETE_AFTER_KEPT = 0 << 1
const DELETE_IN_CHANGE = 1 << 1
const INSERT_AFTER_KEPT = 2 << 1
const INSERT_IN_CHANGE = 3 << 1

function alignMiddle(a: readonly string[], b: readonly string[]): TokenRun[] {
  const width = b.length + 1
  const from = new Uint8Array((a.length + 1) * width)
  let keptAbove = new Int32Array(width)
  let changedAbove = new Int32Array(width)
  let kept = new Int32Array(width)
  let changed = new Int32Array(width)
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      let code = 0
      let keep = i === 0 && j === 0 ? 0 : UNREACHABLE
      if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) {
        const weight = tokenWeight(a[i - 1]!)
        // On a tie, continue a kept run rather than end a change: fewer, longer changes.
        if (keptAbove[j - 1]! >= changedAbove[j - 1]!) {
          keep = keptAbove[j - 1]! + weight
        } else {
          keep = changedAbove[j - 1]! + weight
          code = KEPT_AFTER_CHANGE
        }
      }
      // Staying inside a change is tried before opening one, so a tie never opens an extra change.
      let change = UNREACHABLE
      let changeCode = 0
      if (i > 0 && changedAbove[j]! > change) {
        change = changedAbove[j]!
        changeCode = DELETE_IN_CHANGE
      }
      if (j > 0 && changed[j - 1]! > change) {
        change = changed[j - 1]!
        changeCode = INSERT_IN_CHANGE
      }
      if (i > 0 && keptAbove[j]! - CHANGE_COST > change) {
        change = keptAbove[j]! - CHANGE_COST
        changeCode = DELETE_AFTER_KEPT
      }
      if (j > 0 && kept[j - 1]! - CHANGE_COST > change) {
        change = kept[j - 1]! - CHANGE_COST
        changeCode = INSERT_AFTER_KEPT
      }
      kept[j] = keep
      changed[j] = change
      from[i * width + j] = code | changeCode
    }
    ;[keptAbove, kept] = [kept, keptAbove]
    ;[changedAbove, changed] = [changed, changedAbove]
  }
  return traceBack(a, b, from, keptAbove[b.length]! >= changedAbove[b.length]!)
}

function traceBack(a: readonly string[], b: readonly string[], from: Uint8Array, endsKept: boolean): TokenRun[] {
  const width = b.length + 1
  const steps: TokenRun[] = []
  let [i, j, inKept] = [a.length, b.length, endsKept]
  while (i > 0 || j > 0) {
    const code = from[i * width + j]!
    if (inKept) {
      steps.push({ op: 'equal', tokens: [a[--i]!] })
      j--
      inKept = (code & KEPT_AFTER_CHANGE) === 0
      continue
    }
    const step = code & ~KEPT_AFTER_CHANGE
    if (step === DELETE_IN_CHANGE || step === DELETE_AFTER_KEPT) steps.push({ op: 'delete', tokens: [a[--i]!] })
    else steps.push({ op: 'insert', tokens: [b[--j]!] })
    inKept = step === DELETE_AFTER_KEPT || step === INSERT_AFTER_KEPT
  }
  return joinRuns(steps.reverse())
}

/** Adjacent runs of one kind as one run, empty runs dropped. */
function joinRuns(runs: readonly TokenRun[]): TokenRun[] {
  const joined: TokenRun[] = []
  for (const { op, tokens } of runs) {
    if (tokens.length === 0) continue
    const last = joined[joined.length - 1]
    if (last && last.op === op) for (const token of tokens) last.tokens.push(token)
    else joined.push({ op, tokens: [...tokens] })
  }
  return joined
}
