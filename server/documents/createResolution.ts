import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { blankDraft, draftToDocJson } from '../../shared/paragraphs/draftToDocJson'
import { parseResolutionText } from '../../shared/paragraphs/parseResolutionText'
import { readResolution, summarise } from '../../shared/paragraphs/readResolution'
import type { ResolutionDraft } from '../../shared/paragraphs/types'
import { randomId } from '../../shared/randomId'
import { resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { newInvite } from '../access/invites'
import { newToken } from '../access/tokens'
import type { InviteRecord, Store } from '../store/types'

export class MissingTitleError extends Error {}

export interface CreatedResolution {
  id: string
  /** The creator's facilitator invite and its token: shown once, stored only hashed. */
  creator: InviteRecord
  token: string
}

/** What a resolution is created from: a title alone (blank), pasted text, or a draft reviewed in the preview. */
export interface ResolutionSource {
  title?: string
  text?: string
  draft?: ResolutionDraft
}

/**
 * Creates a resolution, blank, from pasted text or from a reviewed draft, and makes its creator a
 * facilitator. The server writes the initial content as the document's first Yjs update: clients
 * never seed content, so two first visitors cannot both do it.
 */
export function createResolution(store: Store, source: ResolutionSource, now = Date.now()): CreatedResolution {
  const draft = draftFor(source)
  if (!draft.title) throw new MissingTitleError(`title: required (the ${source.draft ? 'draft' : 'pasted text'} has no title either)`)
  return createResolutionFromDraft(store, draft, now)
}

/** Creates a resolution from an already recognised draft; it must have a title. */
export function createResolutionFromDraft(store: Store, draft: ResolutionDraft, now = Date.now()): CreatedResolution {
  if (!draft.title) throw new MissingTitleError('title: required')
  const json = draftToDocJson(draft)
  resolutionSchema.nodeFromJSON(json).check()
  const id = randomId('r-', 10)
  // A guid of our own: Yjs would draw a random one, 31 calls to the crypto source per resolution.
  const doc = new Y.Doc({ guid: id })
  try {
    prosemirrorJSONToYXmlFragment(resolutionSchema, json, doc.getXmlFragment(YJS_FRAGMENT))
    const token = newToken()
    const creator = newInvite(id, { role: 'facilitator' }, token, now)
    store.createDocument(
      { id, ...summarise(readResolution(json)), createdAt: now, updatedAt: now },
      Y.encodeStateAsUpdate(doc),
      creator,
    )
    return { id, creator, token }
  } finally {
    doc.destroy()
  }
}

function draftFor({ title, text, draft: reviewed }: ResolutionSource): ResolutionDraft {
  const draft = reviewed ?? (text?.trim() ? parseResolutionText(text) : blankDraft(''))
  return title ? { ...draft, title } : draft
}
