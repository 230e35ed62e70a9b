import { rebaseProposal } from '../../shared/amendments/rebase'
import type { Amendment } from '../../shared/amendments/types'
import type { CreateAmendmentBody } from '../../shared/api/amendments'
import { readResolution } from '../../shared/paragraphs/readResolution'
import { isLocked, type Paragraph, type ParagraphStatus } from '../../shared/paragraphs/types'
import { can, DENIED } from '../../shared/policy/policy'
import { randomId } from '../../shared/randomId'
import { actorOf, ConflictRefusal, refuse, requireAction } from '../access/enforce'
import type { Granted } from '../access/resolveAccess'
import { textHash } from '../collab/paragraphTexts'
import type { Rooms } from '../collab/rooms'
import type { EventHub } from '../events/eventHub'
import { checkProposalQuota } from '../limits/proposalQuota'
import type { Store } from '../store/types'

export interface CommandDeps {
  store: Store
  rooms: Rooms
  hub: EventHub
}

/**
 * The negotiation's commands: propose, support, object, withdraw, reject, table again, set
 * status (accepting and reopening, which change the text, are in decide.ts).
 * Each asks the policy first, takes the acting State from the caller's access (never from the
 * request), writes the store, appends to the audit log and tells the room.
 */


/** The document's paragraphs as the server reads them now, with their statuses. */
export function currentParagraphs({ store, rooms }: CommandDeps, documentId: string): Paragraph[] {
  return readResolution(rooms.read(documentId), store.paragraphStatuses(documentId)).paragraphs
}

export function paragraphOrRefuse(deps: CommandDeps, documentId: string, paragraphId: string): Paragraph {
  return currentParagraphs(deps, documentId).find((p) => p.id === paragraphId) ?? refuse(404, 'paragraphId: no paragraph with this id in the resolution')
}

export function pendingOrRefuse(store: Store, documentId: string, amendmentId: string): Amendment {
  const amendment = store.getAmendment(amendmentId)
  if (!amendment || amendment.documentId !== documentId) return refuse(404, 'No proposal with this id')
  if (amendment.status !== 'pending') return refuse(409, `This proposal is already ${amendment.status}.`)
  return amendment
}

export const label = (p: Paragraph) => (p.kind === 'pp' ? p.number : `OP ${p.number}`.trim())

export function record(deps: CommandDeps, documentId: string, access: Granted, action: string, detail: Record<string, unknown>): void {
  audit(deps, documentId, access, action, detail)
  announce(deps, documentId, action)
}

/** The audit entry alone: for commands that write it in the same transaction as what it records. */
export function audit(deps: CommandDeps, documentId: string, access: Granted, action: string, detail: Record<string, unknown>): void {
  deps.store.audit({ documentId, at: Date.now(), actor: actorOf(access), action, detail })
}

/** Tells every browser in the room which list changed. */
export function announce(deps: CommandDeps, documentId: string, action: string): void {
  deps.hub.publish(documentId, { type: action.startsWith('status') ? 'statuses' : 'amendments' })
}

export function propose(deps: CommandDeps, documentId: string, access: Granted, body: CreateAmendmentBody): Amendment {
  let state: string
  let enteredBy: string | null = null
  if (body.onBehalfOf) {
    requireAction(access, 'amendment.enter-on-behalf')
    state = body.onBehalfOf
    enteredBy = access.name
  } else {
    requireAction(access, 'amendment.propose')
    state = access.state ?? refuse(403, DENIED['amendment.propose'])
  }
  checkProposalQuota(deps.store, documentId, access, state)
  const paragraph = paragraphOrRefuse(deps, documentId, body.paragraphId)
  const drafted = body.kind === 'delete' ? '' : (body.text ?? '').trim()
  const text = body.kind === 'replace' ? ontoCurrentText(deps, documentId, paragraph, body.baseText?.trim(), drafted) : drafted
  if (body.kind === 'replace' && text === paragraph.text) refuse(400, 'text: the proposed wording is the same as the current text')
  const amendment = table(deps, documentId, paragraph, {
    kind: body.kind,
    text,
    newParagraphKind: body.kind === 'insert-after' ? (body.newParagraphKind ?? (paragraph.kind === 'pp' ? 'pp' : 'op')) : null,
    note: body.note?.trim() ?? '',
    state,
    enteredBy,
  })
  record(deps, documentId, access, 'amendment.propose', { amendmentId: amendment.id, paragraphId: paragraph.id, paragraph: label(paragraph), state })
  return amendment
}

/** Stores a new pending proposal on the paragraph as it reads now. */
function table(
  deps: CommandDeps,
  documentId: string,
  paragraph: Paragraph,
  fields: Pick<Amendment, 'kind' | 'text' | 'newParagraphKind' | 'note' | 'state' | 'enteredBy'>,
): Amendment {
  return deps.store.createAmendment({
    ...fields,
    id: randomId('a-', 10),
    documentId,
    paragraphId: paragraph.id,
    baseText: paragraph.text,
    createdAt: Date.now(),
    reopensAgreed: fields.kind !== 'insert-after' && isLocked(paragraph.status),
  })
}

/**
 * A proposal is exactly what its State changed: wording drafted on an earlier text of the
 * paragraph carries only its own changes, moved onto the text as it is now (the word-level
 * three-way merge). A base the server cannot account for, or changes that touch words changed
 * since, are refused and shown, never guessed, so a stale form can never revert others' changes.
 */
export function ontoCurrentText(
  deps: CommandDeps,
  documentId: string,
  paragraph: Paragraph,
  baseText: string | undefined,
  drafted: string,
): string {
  if (baseText === undefined || baseText === paragraph.text) return drafted
  if (!deps.store.knowsParagraphText(documentId, paragraph.id, textHash(baseText))) {
    refuse(409, `${label(paragraph)} changed while this proposal was drafted, and the text it was drafted on is not one ${label(paragraph)} has had. Draft it again on the current text.`)
  }
  const rebased = rebaseProposal(baseText, drafted, paragraph.text)
  if (rebased.status === 'conflict') {
    throw new ConflictRefusal(
      `${label(paragraph)} changed while this proposal was drafted, and the changes touch the same words. Resolve them on the current text and send it again.`,
      { baseText, changedText: drafted, currentText: paragraph.text },
    )
  }
  return rebased.text
}

/**
 * A proposal superseded by another's acceptance, tabled again by its State on the new text: its
 * own changes, moved onto the current text, as a new pending proposal.
 */
export function retable(deps: CommandDeps, documentId: string, access: Granted, amendmentId: string): Amendment {
  const old = deps.store.getAmendment(amendmentId)
  if (!old || old.documentId !== documentId) return refuse(404, 'No proposal with this id')
  if (old.status !== 'superseded') refuse(409, `Only a superseded proposal can be tabled again; this one is ${old.status}.`)
  const own = access.role === 'delegation' ? access.state === old.state : can(access.role, 'amendment.enter-on-behalf') && old.enteredBy !== null
  if (!own) refuse(403, 'Only the State that made this proposal (or the facilitators, for one they entered) can table it again.')
  checkProposalQuota(deps.store, documentId, access, old.state)
  const paragraph = paragraphOrRefuse(deps, documentId, old.paragraphId)
  const text = old.kind === 'replace' ? ontoCurrentText(deps, documentId, paragraph, old.baseText, old.text) : old.text
  if (old.kind === 'replace' && text === paragraph.text) refuse(409, 'The current text already says what this proposal asked for.')
  const amendment = table(deps, documentId, paragraph, {
    kind: old.kind,
    text,
    newParagraphKind: old.newParagraphKind,
    note: old.note,
    state: old.state,
    enteredBy: old.enteredBy === null ? null : access.name,
  })
  record(deps, documentId, access, 'amendment.retable', { amendmentId: amendment.id, from: old.id, paragraphId: paragraph.id, state: old.state })
  return amendment
}

export function takePosition(
  deps: CommandDeps,
  documentId: string,
  access: Granted,
  amendmentId: string,
  position: 'support' | 'object',
): Amendment {
  requireAction(access, 'amendment.position')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  const state = access.state ?? refuse(403, DENIED['amendment.position'])
  if (state === amendment.state) refuse(400, 'A State cannot support or object to its own proposal.')
  deps.store.setPosition(amendment.id, state, position, Date.now())
  record(deps, documentId, access, `amendment.${position}`, { amendmentId, paragraphId: amendment.paragraphId, state })
  return deps.store.getAmendment(amendment.id)!
}

export function withdraw(deps: CommandDeps, documentId: string, access: Granted, amendmentId: string): Amendment {
  requireAction(access, 'amendment.withdraw')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  // A delegation withdraws its own State's proposals; facilitators only what they entered for a State.
  const own = access.role === 'delegation' ? access.state === amendment.state : amendment.enteredBy !== null
  if (!own) refuse(403, DENIED['amendment.withdraw'])
  const now = Date.now()
  deps.store.setAmendmentStatus(amendment.id, 'withdrawn', now, { by: actorOf(access), at: new Date(now).toISOString() })
  record(deps, documentId, access, 'amendment.withdraw', { amendmentId, paragraphId: amendment.paragraphId })
  return deps.store.getAmendment(amendment.id)!
}

export function reject(deps: CommandDeps, documentId: string, access: Granted, amendmentId: string): Amendment {
  requireAction(access, 'amendment.decide')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  const now = Date.now()
  deps.store.setAmendmentStatus(amendment.id, 'rejected', now, { by: actorOf(access), at: new Date(now).toISOString() })
  record(deps, documentId, access, 'amendment.reject', { amendmentId, paragraphId: amendment.paragraphId })
  return deps.store.getAmendment(amendment.id)!
}

export function setStatus(
  deps: CommandDeps,
  documentId: string,
  access: Granted,
  paragraphId: string,
  status: ParagraphStatus,
): Paragraph {
  requireAction(access, 'status.set')
  const paragraph = paragraphOrRefuse(deps, documentId, paragraphId)
  deps.store.setParagraphStatus(documentId, paragraph.id, status, Date.now())
  deps.rooms.refreshLocks(documentId)
  record(deps, documentId, access, 'status.set', { paragraphId: paragraph.id, paragraph: label(paragraph), from: paragraph.status, to: status })
  return { ...paragraph, status }
}
