/**
 * The proposal form keeps the paragraph's text it was drafted on (its base). While the delegation
 * drafts, the paragraph can change under it (a facilitator types, another proposal is accepted):
 * the draft then follows the live text by the word-level three-way merge, so that what is sent is
 * only the State's own change, on the text as it is now. When both changes touch the same words
 * nobody may guess: the draft stays as it was and the conflict is shown for the delegation to
 * resolve. Nothing here knows React; the form only renders what these functions answer.
 */
import { rebaseProposal } from '../../shared/amendments/rebase'
import type { ConflictAnswer } from '../../shared/api/amendments'

export interface Draft {
  /** The paragraph's text the wording is drafted on. */
  base: string
  /** The wording in the form. */
  text: string
}

export type DraftConflict = ConflictAnswer['conflict']

export type DraftFollow =
  /** The paragraph still reads as the draft's base: nothing to do. */
  | { status: 'same'; draft: Draft }
  /** The delegation had not changed anything yet: the form simply shows the new text. */
  | { status: 'followed'; draft: Draft }
  /** The delegation's changes, moved onto the new text; `previous` is the text they were drafted on. */
  | { status: 'rebased'; draft: Draft; previous: string }
  /** The changes overlap: the draft is kept as it was, never sent as it stands. */
  | { status: 'conflict'; draft: Draft; conflict: DraftConflict }

/** A fresh draft on the paragraph's text. */
export const draftOn = (text: string): Draft => ({ base: text, text })

/** Moves a draft onto the paragraph's live text. */
export function followLiveText(draft: Draft, current: string): DraftFollow {
  if (draft.base === current) return { status: 'same', draft }
  if (draft.text === draft.base) return { status: 'followed', draft: draftOn(current) }
  const rebased = rebaseProposal(draft.base, draft.text, current)
  if (rebased.status === 'conflict') {
    return { status: 'conflict', draft, conflict: { baseText: draft.base, changedText: draft.text, currentText: current } }
  }
  return { status: 'rebased', draft: { base: current, text: rebased.text }, previous: draft.base }
}

/**
 * The server refused the proposal (409). With a conflict, it is shown as the server saw it; without
 * one, the server could not account for the text the draft was made on, so the changes are moved
 * onto the live text here and the delegation checks them before sending again.
 */
export function afterRefusal(draft: Draft, current: string, conflict: DraftConflict | undefined): DraftFollow {
  if (conflict) return { status: 'conflict', draft, conflict }
  return followLiveText(draft, current)
}
