import { rebaseProposal } from '../../shared/amendments/rebase'
import type { Amendment } from '../../shared/amendments/types'
import type { CreateAmendmentBody } from '../../shared/api/amendments'
import { newParagraphId } from '../../shared/paragraphs/newParagraphId'
import { readResolution } from '../../shared/paragraphs/readResolution'
import { isLocked, type Paragraph, type ParagraphStatus } from '../../shared/paragraphs/types'
import { DENIED } from '../../shared/policy/policy'
import { randomId } from '../../shared/randomId'
import { actorOf, refuse, requireAction } from '../access/enforce'
import type { Granted } from '../access/resolveAccess'
import { newParagraph, replaceText } from '../collab/forwardEdits'
import { containerOf, findParagraph } from '../collab/paragraphElements'
import type { Rooms } from '../collab/rooms'
import type { EventHub } from '../events/eventHub'
import type { Store } from '../store/types'
import { checkpoint } from '../versions/versionCommands'

export interface CommandDeps {
  store: Store
  rooms: Rooms
  hub: EventHub
}

/**
 * The negotiation's commands: propose, support, object, withdraw, accept, reject, set status.
 * Each asks the policy first, takes the acting State from the caller's access (never from the
 * request), writes the store, appends to the audit log and tells the room.
 */


/** The document's paragraphs as the server reads them now, with their statuses. */
export function currentParagraphs({ store, rooms }: CommandDeps, documentId: string): Paragraph[] {
  return readResolution(rooms.read(documentId), store.paragraphStatuses(documentId)).paragraphs
}

function paragraphOrRefuse(deps: CommandDeps, documentId: string, paragraphId: string): Paragraph {
  return currentParagraphs(deps, documentId).find((p) => p.id === paragraphId) ?? refuse(404, 'paragraphId: no paragraph with this id in the resolution')
}

function pendingOrRefuse(store: Store, documentId: string, amendmentId: string): Amendment {
  const amendment = store.getAmendment(amendmentId)
  if (!amendment || amendment.documentId !== documentId) return refuse(404, 'No proposal with this id')
  if (amendment.status !== 'pending') return refuse(409, `This proposal is already ${amendment.status}.`)
  return amendment
}

const label = (p: Paragraph) => (p.kind === 'pp' ? p.number : `OP ${p.number}`.trim())

function record(deps: CommandDeps, documentId: string, access: Granted, action: string, detail: Record<string, unknown>): void {
  deps.store.audit({ documentId, at: Date.now(), actor: actorOf(access), action, detail })
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
  const paragraph = paragraphOrRefuse(deps, documentId, body.paragraphId)
  const text = body.kind === 'delete' ? '' : (body.text ?? '').trim()
  if (body.kind === 'replace' && text === paragraph.text) refuse(400, 'text: the proposed wording is the same as the current text')
  const amendment = deps.store.createAmendment({
    id: randomId('a-', 10),
    documentId,
    paragraphId: paragraph.id,
    kind: body.kind,
    text,
    newParagraphKind: body.kind === 'insert-after' ? (body.newParagraphKind ?? (paragraph.kind === 'pp' ? 'pp' : 'op')) : null,
    baseText: paragraph.text,
    note: body.note?.trim() ?? '',
    state,
    enteredBy,
    createdAt: Date.now(),
  })
  record(deps, documentId, access, 'amendment.propose', { amendmentId: amendment.id, paragraph: label(paragraph), state })
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
  record(deps, documentId, access, `amendment.${position}`, { amendmentId, state })
  return deps.store.getAmendment(amendment.id)!
}

export function withdraw(deps: CommandDeps, documentId: string, access: Granted, amendmentId: string): Amendment {
  requireAction(access, 'amendment.withdraw')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  // A delegation withdraws its own State's proposals; facilitators only what they entered for a State.
  const own = access.role === 'delegation' ? access.state === amendment.state : amendment.enteredBy !== null
  if (!own) refuse(403, DENIED['amendment.withdraw'])
  deps.store.setAmendmentStatus(amendment.id, 'withdrawn', Date.now())
  record(deps, documentId, access, 'amendment.withdraw', { amendmentId })
  return deps.store.getAmendment(amendment.id)!
}

export function reject(deps: CommandDeps, documentId: string, access: Granted, amendmentId: string): Amendment {
  requireAction(access, 'amendment.decide')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  deps.store.setAmendmentStatus(amendment.id, 'rejected', Date.now())
  record(deps, documentId, access, 'amendment.reject', { amendmentId })
  return deps.store.getAmendment(amendment.id)!
}

/**
 * Accepting puts the proposal into the shared text as one forward change: new wording (the
 * proposal rebased onto the current text, or the facilitator's compromise language), a deleted
 * paragraph or a new one. Other proposals to replace or delete that paragraph were drafted
 * against text that is now gone, so they become superseded.
 */
export function accept(
  deps: CommandDeps,
  documentId: string,
  access: Granted,
  amendmentId: string,
  compromise?: string,
): Amendment {
  requireAction(access, 'amendment.decide')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  const paragraphs = currentParagraphs(deps, documentId)
  const paragraph = paragraphs.find((p) => p.id === amendment.paragraphId) ?? refuse(404, 'paragraphId: no paragraph with this id in the resolution')
  if (amendment.kind !== 'insert-after' && isLocked(paragraph.status)) {
    refuse(409, `${label(paragraph)} is ${paragraph.status === 'agreed' ? 'agreed' : 'agreed ad ref'}: reopen it before changing its text.`)
  }
  if (compromise !== undefined && amendment.kind === 'delete') {
    refuse(400, 'text: a deletion has no wording to change; accept it as it stands, or write new wording as a proposal')
  }
  const inPreamble = (p: Paragraph) => p.kind === 'pp'
  // The schema needs at least one PP and one OP.
  if (amendment.kind === 'delete' && paragraphs.filter((p) => inPreamble(p) === inPreamble(paragraph)).length === 1) {
    refuse(409, `${label(paragraph)} is the only one of its kind and cannot be deleted.`)
  }
  const wording = compromise?.trim() || wordingToApply(amendment, paragraph)
  // Every refusal comes before this point: a refused decision leaves no trace in the history.
  // The text as it was before this decision can always be found again, and restored.
  checkpoint(deps, documentId, 'before-accept', actorOf(access), `Before accepting the proposal of ${amendment.state} on ${label(paragraph)}`)
  deps.rooms.edit(documentId, (doc) => {
    const located = findParagraph(doc, paragraph.id) ?? refuse(404, 'paragraphId: the paragraph no longer exists')
    if (amendment.kind === 'replace') return replaceText(located.element, wording)
    if (amendment.kind === 'delete') return located.container.delete(located.index, 1)
    const kind = amendment.newParagraphKind ?? 'op'
    const level = paragraph.kind === 'sub' && kind === 'op' ? Number(located.element.getAttribute('level') ?? 0) : 0
    const element = newParagraph(kind, newParagraphId(), wording, level)
    const sameContainer = (kind === 'pp') === (paragraph.kind === 'pp')
    if (sameContainer) located.container.insert(located.index + 1, [element])
    else if (kind === 'op') containerOf(doc, 'operatives').insert(0, [element])
    else containerOf(doc, 'preamble').push([element])
  })
  const now = Date.now()
  const superseded = deps.store.transaction(() => {
    deps.store.setAmendmentStatus(amendment.id, 'accepted', now)
    return amendment.kind === 'insert-after' ? [] : deps.store.supersedePending(documentId, paragraph.id, amendment.id, now)
  })
  record(deps, documentId, access, 'amendment.accept', {
    amendmentId,
    paragraph: label(paragraph),
    state: amendment.state,
    compromise: Boolean(compromise?.trim()),
    superseded,
  })
  return deps.store.getAmendment(amendment.id)!
}

function wordingToApply(amendment: Amendment, paragraph: Paragraph): string {
  if (amendment.kind !== 'replace') return amendment.text
  const rebased = rebaseProposal(amendment.baseText, amendment.text, paragraph.text)
  if (rebased.status === 'conflict') {
    refuse(409, 'This proposal was drafted against an older text and does not apply cleanly. Write the compromise language to accept it.')
  }
  return rebased.text
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
  record(deps, documentId, access, 'status.set', { paragraph: label(paragraph), from: paragraph.status, to: status })
  return { ...paragraph, status }
}
