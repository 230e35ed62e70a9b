/**
 * The compilation text: the whole draft with, under each paragraph, every pending proposal,
 * attributed and redlined. It is the main working document of a negotiation, so the rule that
 * matters most is that nothing pending is ever silently dropped — not a deletion, not a proposal
 * drafted against an older text, not a proposal whose paragraph has since been removed.
 *
 * Pure data in, pure data out: the same compilation feeds the HTML/print export and the client.
 * When asked, it also carries each paragraph's open comment threads.
 */
import type { Comment, CommentAuthor } from '../comments/types'
import { wordDiff, type DiffSegment } from '../diff/wordDiff'
import { paragraphLabel } from '../paragraphs/paragraphLabel'
import type { Paragraph, ParagraphStatus } from '../paragraphs/types'
import { describeRole } from '../policy/policy'
import { rebaseProposal } from './rebase'
import type { Amendment, AmendmentKind } from './types'

export interface CompilationFilter {
  state?: string
  status?: ParagraphStatus
  contestedOnly?: boolean
}

export interface CompiledProposal {
  id: string
  kind: AmendmentKind
  state: string
  enteredBy: string | null
  supporters: string[]
  objectors: string[]
  note: string
  createdAt: string
  /** replace: current text → (rebased) proposal; delete: the whole current text as a deletion; insert-after: the whole new text as an insertion. Never drops a deletion. */
  redline: DiffSegment[]
  /** 'conflict' = drafted against an older text and could not be rebased: redline is then against the base text and originalBase holds it */
  drafting: 'current' | 'rebased' | 'older-text'
  originalBase: string | null
  /** insert-after only: "OP 4 bis (Brazil)", "OP 4 ter (Chile)", "PP2 bis (Mexico)"; sub-paragraph: "OP 4 (b) bis (Peru)" */
  label: string | null
  /** Made on a paragraph that was agreed or agreed ad ref. */
  reopensAgreed: boolean
}

/** One comment of a thread as the compilation shows it. */
export interface CompiledComment {
  id: string
  /** "Ana (Observer (ISHR))"; just "Delegation of Mexico" when the name is the role itself. */
  author: string
  body: string
  createdAt: string
  edited: boolean
}

/** An open thread on a paragraph: its first comment, then the replies still standing. */
export interface CompiledThread {
  id: string
  /** The commented words as they read when the comment was made; '' for the whole paragraph. */
  quote: string
  comments: CompiledComment[]
}

export interface CompiledParagraph {
  id: string
  kind: 'pp' | 'op' | 'sub'
  number: string
  text: string
  status: ParagraphStatus
  /** Two or more pending proposals, or any objection: where the facilitator must broker. */
  contested: boolean
  /** replace and delete proposals, in creation order. */
  proposals: CompiledProposal[]
  /** insert-after proposals, in creation order, to be shown after the paragraph. */
  insertions: CompiledProposal[]
  /** The paragraph is no longer in the text but pending proposals (or open comments) still name it. */
  orphaned: boolean
  /** Only when comments were asked for: the open threads, oldest first. */
  comments?: CompiledThread[]
}

export interface Compilation {
  paragraphs: CompiledParagraph[]
  /** Over what is shown, after filtering. `states` are the proposing States, sorted. */
  totals: { paragraphs: number; proposals: number; contested: number; states: string[]; comments?: number }
}

/** The paragraph a proposal is compiled against; orphans get a stand-in with no text. */
type Target = Pick<Paragraph, 'id' | 'kind' | 'number' | 'text' | 'status'> & { orphaned: boolean }

/**
 * `comments`, when given, are every comment of the resolution as the server presents them
 * (hidden and deleted ones without their bodies); only open threads are compiled, and a thread
 * whose paragraph has left the text is still shown, under that paragraph as an orphan.
 */
export function compileText(
  paragraphs: readonly Paragraph[],
  amendments: readonly Amendment[],
  filter: CompilationFilter = {},
  comments?: readonly Comment[],
): Compilation {
  const byParagraph = groupPending(amendments)
  const threads = comments && groupOpenThreads(comments)
  const known = new Set(paragraphs.map((p) => p.id))
  const named = new Set([...byParagraph.keys(), ...(threads?.keys() ?? [])])
  const targets: Target[] = [
    ...paragraphs.map((p) => ({ ...p, orphaned: false })),
    ...[...named].filter((id) => !known.has(id)).map(orphanTarget),
  ]
  const compiled = targets.map((target) => {
    const paragraph = compileParagraph(target, byParagraph.get(target.id) ?? [])
    return threads ? { ...paragraph, comments: threads.get(target.id) ?? [] } : paragraph
  })
  const shown = applyFilter(compiled, filter)
  return { paragraphs: shown, totals: totalsOf(shown, Boolean(threads)) }
}

/**
 * Open threads per paragraph id, oldest first. A thread is open while its first comment is
 * neither resolved, deleted nor hidden; a deleted or hidden reply has no words left to show.
 */
function groupOpenThreads(comments: readonly Comment[]): Map<string, CompiledThread[]> {
  const standing = comments
    .map((comment, index) => ({ comment, index }))
    .filter(({ comment }) => !comment.deleted && comment.hiddenBy === null)
    .sort((a, b) => compareStrings(a.comment.createdAt, b.comment.createdAt) || a.index - b.index)
    .map(({ comment }) => comment)
  const replies = new Map<string, Comment[]>()
  for (const comment of standing) {
    if (comment.parentId !== null) replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment])
  }
  const groups = new Map<string, CompiledThread[]>()
  for (const first of standing.filter((c) => c.parentId === null && !c.resolved)) {
    const thread: CompiledThread = {
      id: first.id,
      quote: first.quote,
      comments: [first, ...(replies.get(first.id) ?? [])].map(compileComment),
    }
    groups.set(first.paragraphId, [...(groups.get(first.paragraphId) ?? []), thread])
  }
  return groups
}

function compileComment(comment: Comment): CompiledComment {
  return {
    id: comment.id,
    author: authorLabel(comment.author),
    body: comment.body,
    createdAt: comment.createdAt,
    edited: comment.editedAt !== null,
  }
}

/** "Ana (Observer (ISHR))"; a script's token is named after its role, which is then said once. */
export function authorLabel(author: CommentAuthor): string {
  const role = describeRole(author.role, author.state, author.organisation)
  return author.name === role ? role : `${author.name} (${role})`
}

/** Pending amendments per paragraph id, each list in creation order; Map keeps first-seen order for orphans. */
function groupPending(amendments: readonly Amendment[]): Map<string, Amendment[]> {
  const pending = amendments
    .map((amendment, index) => ({ amendment, index }))
    .filter(({ amendment }) => amendment.status === 'pending')
    // Sort by creation time; the input index breaks ties so equal timestamps keep a stable order.
    .sort((a, b) => compareStrings(a.amendment.createdAt, b.amendment.createdAt) || a.index - b.index)
  const groups = new Map<string, Amendment[]>()
  for (const { amendment } of pending) {
    const group = groups.get(amendment.paragraphId)
    if (group) group.push(amendment)
    else groups.set(amendment.paragraphId, [amendment])
  }
  return groups
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function orphanTarget(id: string): Target {
  return { id, kind: 'op', number: '', text: '', status: 'draft', orphaned: true }
}

function compileParagraph(target: Target, pending: readonly Amendment[]): CompiledParagraph {
  const changes = pending.filter((a) => a.kind !== 'insert-after')
  const inserts = pending.filter((a) => a.kind === 'insert-after')
  return {
    id: target.id,
    kind: target.kind,
    number: target.number,
    text: target.text,
    status: target.status,
    // Computed over every pending proposal, before any filter: a paragraph does not stop being
    // contested because one State is looking only at its own proposals.
    contested: pending.length >= 2 || pending.some((a) => a.objectors.length > 0),
    proposals: changes.map((a) => compileProposal(a, target, null)),
    // Ordinals are assigned before filtering too, so "OP 4 ter" means the same thing in every view.
    insertions: inserts.map((a, i) => compileProposal(a, target, insertionLabel(target, i, a.state))),
    orphaned: target.orphaned,
  }
}

function compileProposal(amendment: Amendment, target: Target, label: string | null): CompiledProposal {
  return {
    id: amendment.id,
    kind: amendment.kind,
    state: amendment.state,
    enteredBy: amendment.enteredBy,
    supporters: [...amendment.supporters],
    objectors: [...amendment.objectors],
    note: amendment.note,
    createdAt: amendment.createdAt,
    label,
    reopensAgreed: amendment.reopensAgreed,
    ...redlineOf(amendment, target),
  }
}

type Redline = Pick<CompiledProposal, 'redline' | 'drafting' | 'originalBase'>

function redlineOf(amendment: Amendment, target: Target): Redline {
  if (amendment.kind === 'insert-after') {
    // A new paragraph does not depend on the wording of the one it follows.
    return { redline: [{ op: 'insert', text: amendment.text }], drafting: 'current', originalBase: null }
  }
  if (target.orphaned) return orphanRedline(amendment)
  if (amendment.kind === 'delete') return deleteRedline(amendment, target.text)
  return replaceRedline(amendment, target.text)
}

/** The paragraph is gone, so the only honest redline is against the text the State saw. */
function orphanRedline(amendment: Amendment): Redline {
  const redline: DiffSegment[] =
    amendment.kind === 'delete'
      ? [{ op: 'delete', text: amendment.baseText }]
      : wordDiff(amendment.baseText, amendment.text)
  return { redline, drafting: 'older-text', originalBase: amendment.baseText }
}

/** A deletion removes whatever the paragraph says now, so it is always shown against the current text. */
function deleteRedline(amendment: Amendment, current: string): Redline {
  // An empty current text would make the deletion invisible; show what the State meant to delete.
  const deleted = current === '' ? amendment.baseText : current
  return {
    redline: [{ op: 'delete', text: deleted }],
    drafting: amendment.baseText === current ? 'current' : 'rebased',
    originalBase: null,
  }
}

function replaceRedline(amendment: Amendment, current: string): Redline {
  if (amendment.baseText === current) {
    return { redline: wordDiff(current, amendment.text), drafting: 'current', originalBase: null }
  }
  const rebased = rebaseProposal(amendment.baseText, amendment.text, current)
  if (rebased.status === 'conflict') {
    return {
      redline: wordDiff(amendment.baseText, amendment.text),
      drafting: 'older-text',
      originalBase: amendment.baseText,
    }
  }
  return { redline: wordDiff(current, rebased.text), drafting: 'rebased', originalBase: null }
}

/** How a compilation names what a proposal asks for. */
export const PROPOSAL_KIND_LABELS: Record<AmendmentKind, string> = {
  replace: 'Amend to read',
  delete: 'Delete the paragraph',
  'insert-after': 'Insert a new paragraph',
}

/** What stands in place of the text of a paragraph that is gone but still has pending business. */
export function orphanNotice(p: CompiledParagraph): string {
  const proposals = p.proposals.length + p.insertions.length > 0
  const comments = (p.comments?.length ?? 0) > 0
  if (comments && !proposals) return 'This paragraph is no longer in the text; comments made on it are still open.'
  if (comments) return 'This paragraph is no longer in the text; proposals and comments made on it are still pending.'
  return 'This paragraph is no longer in the text; proposals made on it are still pending.'
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The line under a compilation's title: "31 paragraphs · 40 pending proposals · 6 contested · from 8 States". */
export function describeTotals(totals: Compilation['totals']): string {
  return [
    plural(totals.paragraphs, 'paragraph'),
    plural(totals.proposals, 'pending proposal'),
    `${totals.contested} contested`,
    `from ${plural(totals.states.length, 'State')}`,
    ...(totals.comments === undefined ? [] : [plural(totals.comments, 'open comment thread')]),
  ].join(' · ')
}

/** bis = 2nd, ter = 3rd …: the paragraph itself is the first of its number. */
const LATIN_ORDINALS = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies']

/** The Latin ordinal for the index-th insertion after a paragraph; English ordinals past decies. */
export function insertionOrdinal(index: number): string {
  return LATIN_ORDINALS[index] ?? englishOrdinal(index + 2)
}

function englishOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${suffix}`
}

/** "PP3 bis (Brazil)", "OP 4 ter (Chile)", "OP 4 (b) bis (Peru)", "OP bis (Chile)" for a lone OP. */
function insertionLabel(target: Target, index: number, state: string): string {
  return `${paragraphLabel(target)} ${insertionOrdinal(index)} (${state})`
}

function applyFilter(paragraphs: readonly CompiledParagraph[], filter: CompilationFilter): CompiledParagraph[] {
  const { status, contestedOnly } = filter
  // An empty state is what an "All States" choice in a form sends: it means no State filter.
  const state = filter.state || undefined
  return paragraphs
    .filter((p) => status === undefined || p.status === status)
    .filter((p) => !contestedOnly || p.contested)
    .map((p) => (state === undefined ? p : keepState(p, state)))
    .filter((p) => state === undefined || p.proposals.length + p.insertions.length > 0)
}

/** A State's view: the proposals it made or joined. */
function keepState(paragraph: CompiledParagraph, state: string): CompiledParagraph {
  const involves = (p: CompiledProposal): boolean => p.state === state || p.supporters.includes(state)
  return {
    ...paragraph,
    proposals: paragraph.proposals.filter(involves),
    insertions: paragraph.insertions.filter(involves),
  }
}

function totalsOf(paragraphs: readonly CompiledParagraph[], withComments: boolean): Compilation['totals'] {
  const proposals = paragraphs.flatMap((p) => [...p.proposals, ...p.insertions])
  return {
    paragraphs: paragraphs.length,
    proposals: proposals.length,
    contested: paragraphs.filter((p) => p.contested).length,
    states: [...new Set(proposals.map((p) => p.state))].sort(),
    ...(withComments ? { comments: paragraphs.reduce((n, p) => n + (p.comments?.length ?? 0), 0) } : {}),
  }
}
