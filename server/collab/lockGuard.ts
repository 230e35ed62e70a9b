import * as Y from 'yjs'
import { YJS_FRAGMENT } from '../../shared/schema/resolutionSchema'
import { CONTAINERS, paragraphElements } from './paragraphElements'

const isContainer = (type: unknown): boolean =>
  type instanceof Y.XmlElement && (CONTAINERS as readonly string[]).includes(type.nodeName)

/** The PP or OP element a changed type belongs to (itself, its text, a footnote in it), if any. */
function paragraphOf(type: Y.AbstractType<any>): Y.XmlElement | undefined {
  for (let node: Y.AbstractType<any> | null = type; node; node = node.parent) {
    if (isContainer(node.parent)) return node instanceof Y.XmlElement ? node : undefined
  }
  return undefined
}

/** The elements a transaction created (they are never in `transaction.changed`, their list is). */
function createdElements(transaction: Y.Transaction): Y.XmlElement[] {
  const created: Y.XmlElement[] = []
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after === before) continue
    const structs = transaction.doc.store.clients.get(client)!
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]
      if (struct instanceof Y.Item && !struct.deleted && struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) {
        created.push(struct.content.type)
      }
    }
  }
  return created
}

/** The elements a transaction deleted, including those deleted with their container. */
function deletedElements(transaction: Y.Transaction): Y.XmlElement[] {
  const deleted: Y.XmlElement[] = []
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) {
      deleted.push(struct.content.type)
    }
  })
  return deleted
}

/**
 * Agreed language (paragraphs agreed or agreed ad ref) as the server enforces it: a client's
 * update that changes a locked paragraph (its text, marks, footnotes or attributes), deletes,
 * moves or replaces it, or gives another paragraph its id, is undone whole, by a forward change,
 * so the sender and everyone else converge on the agreed text.
 *
 * The check looks only at what the update touched, so a keystroke costs the same however many
 * paragraphs are agreed: the types the transaction changed, mapped up to their paragraph; and,
 * only when a paragraph list itself changed (Enter, Backspace across paragraphs, a move), the
 * elements the transaction deleted and created. Agreed content is compared as
 * `XmlElement.toString()`, which covers attributes, marks and footnotes, and never reads through
 * the schema (which could mutate the document, RECIPES §1 pitfall 3).
 *
 * The undoing is the room's one UndoManager, which captures a transaction only when the check
 * (its `captureTransaction`, run after the transaction and before deleted content is garbage
 * collected) finds it offending. An honest update therefore costs the UndoManager nothing: no
 * stack item, and no deleted content kept from garbage collection; an offending one is undone
 * exactly, which a re-check against a scratch copy of the document could only do at the price
 * of copying the document.
 */
export class LockGuard {
  /** Agreed content by paragraph id, as it was when the paragraph was locked. */
  private readonly agreedById = new Map<string, string>()
  /** The live elements of the locked paragraphs, with their agreed content. */
  private readonly agreed = new Map<Y.XmlElement, string>()
  /** The origin of the update being applied under the guard; other transactions are not checked. */
  private guarded: unknown
  private readonly undoManager: Y.UndoManager

  constructor(private readonly doc: Y.Doc) {
    this.undoManager = new Y.UndoManager(doc.getXmlFragment(YJS_FRAGMENT), {
      captureTimeout: 0,
      trackedOrigins: new Set(),
      captureTransaction: (transaction) => transaction.origin === this.guarded && this.breaks(transaction),
    })
  }

  get active(): boolean {
    return this.agreed.size > 0
  }

  /** Locks these paragraphs (only these), taking their current content as the agreed one. */
  lock(paragraphIds: Iterable<string>): void {
    this.agreedById.clear()
    const wanted = new Set(paragraphIds)
    for (const element of paragraphElements(this.doc)) {
      const id = element.getAttribute('id')
      if (id && wanted.has(id)) this.agreedById.set(id, element.toString())
    }
    this.findElements()
  }

  /**
   * Runs `apply`, which applies one client update with `origin`, and undoes the update whole if
   * it broke a lock. Answers whether it did.
   */
  apply(origin: unknown, apply: () => void): boolean {
    this.guarded = origin
    this.undoManager.addTrackedOrigin(origin)
    let undone = false
    try {
      apply()
    } finally {
      this.guarded = undefined
      this.undoManager.removeTrackedOrigin(origin)
      // Also when the update threw halfway (Yjs integrates its structs before it reads its
      // deletions): what it did change is undone all the same.
      undone = this.undoManager.canUndo()
      if (undone) {
        this.undoManager.undo()
        // Undoing a deletion brings the paragraph back as a new element.
        this.findElements()
      }
    }
    return undone
  }

  destroy(): void {
    this.undoManager.destroy()
  }

  private findElements(): void {
    this.agreed.clear()
    for (const element of paragraphElements(this.doc)) {
      const agreed = this.agreedById.get(element.getAttribute('id') ?? '')
      if (agreed !== undefined) this.agreed.set(element, agreed)
    }
  }

  private breaks(transaction: Y.Transaction): boolean {
    let listChanged = false
    for (const type of transaction.changed.keys()) {
      // A root type (the fragment: its containers) or a container (its paragraphs).
      if (type._item === null || isContainer(type)) listChanged = true
      else {
        const paragraph = paragraphOf(type)
        if (paragraph && this.altered(paragraph)) return true
      }
    }
    return (
      listChanged &&
      (deletedElements(transaction).some((element) => this.agreed.has(element)) ||
        createdElements(transaction).some((element) => this.agreedById.has(element.getAttribute('id') ?? '')))
    )
  }

  /** A locked paragraph that differs from its agreed content, or another one that took a locked id. */
  private altered(paragraph: Y.XmlElement): boolean {
    const agreed = this.agreed.get(paragraph)
    if (agreed !== undefined) return paragraph.toString() !== agreed
    return this.agreedById.has(paragraph.getAttribute('id') ?? '')
  }
}
