/**
 * The decisions that change the text: accepting a proposal (as tabled, or as compromise language
 * merging several) and reopening a decision. Each is one forward change on the live document by
 * paragraph id (ARCHITECTURE §5), after a checkpoint, and records what it did so that it reads in
 * plain words and can be undone exactly.
 */
import { rebaseProposal } from '../../shared/amendments/rebase'
import type { Amendment, Decision } from '../../shared/amendments/types'
import { newParagraphId } from '../../shared/paragraphs/newParagraphId'
import { isLocked, type Paragraph } from '../../shared/paragraphs/types'
import { actorOf, ConflictRefusal, refuse, requireAction } from '../access/enforce'
import type { Granted } from '../access/resolveAccess'
import { newParagraph, replaceText } from '../collab/forwardEdits'
import { containerOf, findParagraph, paragraphText } from '../collab/paragraphElements'
import { checkpoint } from '../versions/versionCommands'
import { announce, audit, type CommandDeps, currentParagraphs, label, pendingOrRefuse } from './amendmentCommands'

const lockedMessage = (paragraph: Paragraph) =>
  `${label(paragraph)} is ${paragraph.status === 'agreed' ? 'agreed' : 'agreed ad ref'}: reopen it before changing its text.`

/**
 * Accepting puts the proposal into the shared text as one forward change: new wording (the
 * proposal, or the facilitator's compromise language), a deleted paragraph or a new one. The
 * proposals named in `merged` went into the compromise and are credited as merged; the other
 * pending proposals to replace or delete the paragraph were drafted on text that is now gone,
 * and are superseded by this acceptance.
 */
export function accept(
  deps: CommandDeps,
  documentId: string,
  access: Granted,
  amendmentId: string,
  options: { text?: string; merged?: readonly string[] } = {},
): Amendment {
  requireAction(access, 'amendment.decide')
  const amendment = pendingOrRefuse(deps.store, documentId, amendmentId)
  const paragraphs = currentParagraphs(deps, documentId)
  const paragraph = paragraphs.find((p) => p.id === amendment.paragraphId) ?? refuse(404, 'paragraphId: no paragraph with this id in the resolution')
  if (amendment.kind !== 'insert-after' && isLocked(paragraph.status)) refuse(409, lockedMessage(paragraph))
  const compromise = options.text?.trim()
  if (compromise !== undefined && amendment.kind === 'delete') {
    refuse(400, 'text: a deletion has no wording to change; accept it as it stands, or write new wording as a proposal')
  }
  const merged = mergedOrRefuse(deps, documentId, amendment, options.merged ?? [], compromise)
  const inPreamble = (p: Paragraph) => p.kind === 'pp'
  // The schema needs at least one PP and one OP.
  if (amendment.kind === 'delete' && paragraphs.filter((p) => inPreamble(p) === inPreamble(paragraph)).length === 1) {
    refuse(409, `${label(paragraph)} is the only one of its kind and cannot be deleted.`)
  }
  const wording = compromise || wordingToApply(amendment, paragraph)
  // Every refusal comes before this point: a refused decision leaves no trace in the history.
  checkpoint(deps, documentId, 'before-accept', actorOf(access), `Before accepting the proposal of ${amendment.state} on ${label(paragraph)}`)
  const now = Date.now()
  const by = actorOf(access)
  const at = new Date(now).toISOString()
  // The text edit, the decisions and the audit entry are stored in one transaction: a crash leaves
  // all or none of them, and accepting again after a crash finds the proposal decided.
  deps.rooms.editAndRecord(
    documentId,
    (doc): Partial<Decision> => {
      const located = findParagraph(doc, paragraph.id) ?? refuse(404, 'paragraphId: the paragraph no longer exists')
      if (amendment.kind === 'replace') {
        replaceText(located.element, wording)
        return { textBefore: paragraph.text, textAfter: paragraphText(located.element) }
      }
      if (amendment.kind === 'delete') {
        const before = located.index > 0 ? located.container.get(located.index - 1) : null
        const level = Number(located.element.getAttribute('level') ?? 0)
        located.container.delete(located.index, 1)
        return {
          removed: {
            kind: paragraph.kind === 'pp' ? 'pp' : 'op',
            level,
            text: paragraph.text,
            afterParagraphId: before && 'getAttribute' in before ? (before.getAttribute('id') ?? null) : null,
          },
        }
      }
      const kind = amendment.newParagraphKind ?? 'op'
      const level = paragraph.kind === 'sub' && kind === 'op' ? Number(located.element.getAttribute('level') ?? 0) : 0
      const id = newParagraphId()
      const element = newParagraph(kind, id, wording, level)
      const sameContainer = (kind === 'pp') === (paragraph.kind === 'pp')
      if (sameContainer) located.container.insert(located.index + 1, [element])
      else if (kind === 'op') containerOf(doc, 'operatives').insert(0, [element])
      else containerOf(doc, 'preamble').push([element])
      return { insertedParagraphId: id, textAfter: wording }
    },
    (change) => {
      deps.store.setAmendmentStatus(amendment.id, 'accepted', now, {
        by,
        at,
        acceptedId: amendment.id,
        ...(merged.length > 0 ? { mergedIds: merged.map((m) => m.id) } : {}),
        ...(compromise ? { compromise: true } : {}),
        ...change,
      })
      for (const m of merged) deps.store.setAmendmentStatus(m.id, 'merged', now, { by, at, acceptedId: amendment.id })
      const superseded =
        amendment.kind === 'insert-after'
          ? []
          : deps.store.supersedePending(documentId, paragraph.id, [amendment.id, ...merged.map((m) => m.id)], now, { by, at, acceptedId: amendment.id })
      audit(deps, documentId, access, 'amendment.accept', {
        amendmentId,
        paragraphId: paragraph.id,
        paragraph: label(paragraph),
        state: amendment.state,
        compromise: Boolean(compromise),
        merged: merged.map((m) => m.id),
        superseded,
      })
    },
  )
  announce(deps, documentId, 'amendment.accept')
  return deps.store.getAmendment(amendment.id)!
}

/** The proposals credited in a compromise: pending, on the same paragraph, and only with compromise wording. */
function mergedOrRefuse(deps: CommandDeps, documentId: string, accepted: Amendment, ids: readonly string[], compromise: string | undefined): Amendment[] {
  if (ids.length === 0) return []
  if (!compromise) refuse(400, 'merged: proposals are merged into compromise language; send the compromise wording as text')
  return [...new Set(ids)].map((id) => {
    const other = pendingOrRefuse(deps.store, documentId, id)
    if (other.id === accepted.id) refuse(400, 'merged: the proposal being accepted is not merged into itself')
    if (other.paragraphId !== accepted.paragraphId || other.kind === 'insert-after') {
      refuse(400, `merged: ${other.state}’s proposal is about another paragraph, or adds a new one`)
    }
    return other
  })
}

function wordingToApply(amendment: Amendment, paragraph: Paragraph): string {
  if (amendment.kind !== 'replace') return amendment.text
  const rebased = rebaseProposal(amendment.baseText, amendment.text, paragraph.text)
  if (rebased.status === 'conflict') {
    refuse(409, 'This proposal was drafted against an older text and does not apply cleanly. Write the compromise language to accept it.')
  }
  return rebased.text
}

/**
 * Reopens a decision. A rejection simply becomes pending again. An acceptance is undone by a
 * forward change that reverses only what it did — its wording change merged three-way into the
 * paragraph as it is now, so later edits elsewhere in the paragraph survive (overlapping ones are
 * shown as a conflict, never guessed); the paragraph it added is removed; the one it deleted comes
 * back where it stood, with its id — and the proposals it merged or superseded are pending again.
 */
export function reopen(deps: CommandDeps, documentId: string, access: Granted, amendmentId: string, reason: string): Amendment {
  requireAction(access, 'amendment.decide')
  const amendment = deps.store.getAmendment(amendmentId)
  if (!amendment || amendment.documentId !== documentId) return refuse(404, 'No proposal with this id')
  if (amendment.status !== 'accepted' && amendment.status !== 'rejected') {
    refuse(409, `Only an accepted or rejected proposal can be reopened; this one is ${amendment.status}.`)
  }
  const consequences =
    amendment.status === 'accepted'
      ? deps.store.listAmendments(documentId).filter((a) => a.decision?.acceptedId === amendment.id && a.id !== amendment.id)
      : []
  const records = () => {
    deps.store.reopenAmendment(amendment.id)
    for (const other of consequences) deps.store.reopenAmendment(other.id)
    audit(deps, documentId, access, 'amendment.reopen', {
      amendmentId,
      paragraphId: amendment.paragraphId,
      state: amendment.state,
      was: amendment.status,
      reason,
      reopened: consequences.map((a) => a.id),
    })
  }
  // As for accepting: the text and the records, all or nothing.
  if (amendment.status === 'accepted') undoAcceptance(deps, documentId, access, amendment, records)
  else deps.store.transaction(records)
  announce(deps, documentId, 'amendment.reopen')
  return deps.store.getAmendment(amendment.id)!
}

function undoAcceptance(deps: CommandDeps, documentId: string, access: Granted, amendment: Amendment, records: () => void): void {
  const decision = amendment.decision ?? refuse(409, 'This acceptance was recorded before decisions could be reopened; restore the checkpoint taken before it instead.')
  const paragraphs = currentParagraphs(deps, documentId)
  const paragraph = paragraphs.find((p) => p.id === amendment.paragraphId)
  if (paragraph && amendment.kind !== 'insert-after' && isLocked(paragraph.status)) refuse(409, lockedMessage(paragraph))
  const revert = amendment.kind === 'replace' ? revertedText(decision, paragraph) : null
  checkpoint(deps, documentId, 'before-restore', actorOf(access), `Before reopening the acceptance of ${amendment.state}’s proposal`)
  deps.rooms.editAndRecord(documentId, (doc) => {
    if (amendment.kind === 'replace') {
      const located = findParagraph(doc, amendment.paragraphId) ?? refuse(409, 'The paragraph has been deleted since; restore it first.')
      return replaceText(located.element, revert!)
    }
    if (amendment.kind === 'insert-after') {
      const inserted = decision.insertedParagraphId && findParagraph(doc, decision.insertedParagraphId)
      if (!inserted) return
      // The schema needs at least one PP and one OP: the last of its kind stays.
      if (inserted.container.length > 1) inserted.container.delete(inserted.index, 1)
      return
    }
    const removed = decision.removed ?? refuse(409, 'This deletion was recorded without the paragraph it removed.')
    if (findParagraph(doc, amendment.paragraphId)) return
    const container = containerOf(doc, removed.kind === 'pp' ? 'preamble' : 'operatives')
    const after = removed.afterParagraphId ? findParagraph(doc, removed.afterParagraphId) : undefined
    const index = after && after.container === container ? after.index + 1 : 0
    container.insert(index, [newParagraph(removed.kind, amendment.paragraphId, removed.text, removed.level)])
  }, records)
}

/** The paragraph with the accepted change taken back out, three-way, so later edits elsewhere stay. */
function revertedText(decision: Decision, paragraph: Paragraph | undefined): string {
  if (!paragraph) return refuse(409, 'The paragraph has been deleted since; restore it first.')
  if (decision.textBefore === undefined || decision.textAfter === undefined) {
    return refuse(409, 'This acceptance was recorded without the text it replaced; restore the checkpoint taken before it instead.')
  }
  const reverted = rebaseProposal(decision.textAfter, decision.textBefore, paragraph.text)
  if (reverted.status === 'conflict') {
    throw new ConflictRefusal(
      `${label(paragraph)} was edited since this proposal was accepted, in the same words: undo the acceptance by hand, or reopen the edits first.`,
      { baseText: decision.textAfter, changedText: decision.textBefore, currentText: paragraph.text },
    )
  }
  return reverted.text
}
