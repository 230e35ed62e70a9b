import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { Node as PmNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { resolutionSchema, YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { replaceText } from './forwardEdits'
import { CONTAINERS, containerOf } from './paragraphElements'

/**
 * Restoring a version onto the live document (RECIPES §2, "restoreById"): a forward change on the
 * room's one Y.Doc, never a replacement of it. Paragraphs are matched by their id, never by
 * position, so a paragraph's identity never moves to another Y element: a concurrent edit made in
 * a paragraph the version does not have is dropped with it, and never turns up in the paragraph
 * that took its place.
 *
 *   1. In each container, the live paragraphs whose id the version lacks, or which are out of the
 *      version's order, are deleted (the longest run already in order is kept), and an empty shell
 *      with the id is inserted for each paragraph the version has and the live text lacks.
 *   2. The surviving paragraphs get the version's text as several small diff-match-patch edits,
 *      so a concurrent edit elsewhere in the paragraph stays where it was typed.
 *   3. `updateYFragment` over the whole document, in the same transaction, fills the shells, sets
 *      marks and attributes (level) and the frame (heading, title, enacting line).
 *
 * Without concurrency the result equals the version exactly.
 */

/** The version's document as a ProseMirror node, read from its encoded Yjs state. */
export function versionNode(state: Uint8Array): PmNode {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YJS_FRAGMENT), resolutionSchema)
  } finally {
    doc.destroy()
  }
}

/** Makes `doc` hold `target`'s content, as one transaction with `origin`. */
export function restoreById(doc: Y.Doc, target: PmNode, origin: unknown = null): void {
  doc.transact(() => {
    const root = doc.getXmlFragment(YJS_FRAGMENT)
    for (const name of CONTAINERS) {
      const live = containerOf(doc, name)
      let wanted: PmNode | undefined
      target.forEach((child) => {
        if (!wanted && child.type.name === name) wanted = child
      })
      if (live && wanted) restoreContainer(live, wanted)
    }
    updateYFragment(doc, root, target, { mapping: new Map(), isOMark: new Map() })
  }, origin)
}

function restoreContainer(live: Y.XmlElement, wanted: PmNode): void {
  const targets: Array<{ id: string; node: PmNode }> = []
  wanted.forEach((node) => targets.push({ id: String(node.attrs.id ?? ''), node }))
  const indexById = new Map<string, number>()
  targets.forEach(({ id }, index) => {
    if (id && !indexById.has(id)) indexById.set(id, index)
  })

  // Each live child's place in the version (-1: absent, or not a paragraph of the same type).
  const children = live.toArray()
  const places = children.map((child) => {
    if (!(child instanceof Y.XmlElement)) return -1
    const index = indexById.get(child.getAttribute('id') ?? '')
    return index !== undefined && targets[index].node.type.name === child.nodeName ? index : -1
  })
  const kept = longestIncreasing(places)

  // 1. Delete what is absent or out of order (from the end, so indexes stay valid) …
  for (let i = children.length - 1; i >= 0; i--) if (!kept.has(i)) live.delete(i, 1)
  // … and insert shells for what is missing, at the version's positions.
  const survivors = new Map<number, Y.XmlElement>()
  for (const i of kept) survivors.set(places[i], children[i] as Y.XmlElement)
  targets.forEach(({ id, node }, index) => {
    if (survivors.has(index)) return
    const shell = new Y.XmlElement(node.type.name)
    if (id) shell.setAttribute('id', id)
    live.insert(index, [shell])
  })

  // 2. Text of the survivors, by small edits.
  for (const [index, element] of survivors) replaceText(element, targets[index].node.textContent)
}

/**
 * The positions of a longest strictly increasing subsequence of `values`, ignoring negative
 * values (patience sorting, O(n log n)).
 */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [] // tails[k]: position of the smallest tail of an increasing run of length k + 1
  const previous = new Array<number>(values.length).fill(-1)
  values.forEach((value, position) => {
    if (value < 0) return
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (values[tails[mid]] < value) low = mid + 1
      else high = mid
    }
    if (low > 0) previous[position] = tails[low - 1]
    tails[low] = position
  })
  const result = new Set<number>()
  for (let position = tails.length ? tails[tails.length - 1] : -1; position >= 0; position = previous[position]) {
    result.add(position)
  }
  return result
}
