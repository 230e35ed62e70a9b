import type * as Y from 'yjs'
import { docParagraphs } from './docText'

/**
 * Measures how long one client's typing takes to reach another: `type()` inserts a unique token
 * ("e17;") at the start of the first paragraph of `from`; `to` notices it in the change events of
 * its copy. Gives the latencies and the tokens that never arrived.
 */
export class EchoMeter {
  readonly latencies: number[] = []
  private readonly sentAt = new Map<number, number>()
  private readonly pattern: RegExp
  sent = 0

  constructor(
    private readonly from: Y.Doc,
    to: Y.Doc,
    private readonly prefix: string,
    private readonly paragraphIndex = 0,
    private readonly padding = '',
  ) {
    this.pattern = new RegExp(`${prefix}(\\d+);`, 'g')
    to.on('update', () => this.notice(to))
  }

  type(): void {
    const paragraph = docParagraphs(this.from)[this.paragraphIndex]
    if (!paragraph?.text) return
    const n = this.sent++
    this.sentAt.set(n, performance.now())
    paragraph.text.insert(0, `${this.prefix}${n};${this.padding}`)
  }

  private pending = false
  private notice(to: Y.Doc): void {
    if (this.sentAt.size === 0 || this.pending) return
    // Read once per task: many updates can arrive together.
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      const now = performance.now()
      const text = docParagraphs(to)[this.paragraphIndex]?.plain ?? ''
      for (const match of text.matchAll(this.pattern)) {
        const n = Number(match[1])
        const at = this.sentAt.get(n)
        if (at === undefined) continue
        this.latencies.push(now - at)
        this.sentAt.delete(n)
      }
    })
  }

  /** Tokens typed that never arrived. */
  missing(): number {
    return this.sentAt.size
  }
}
