/**
 * Runs `work` at least `delayMs` from now, in a moment when the page is idle: after a frame has
 * been painted and before the next keystroke is due, so that follow-up work (panels catching up
 * with the text, the caret's publication) never stands between a key and its paint. If the page
 * is never idle, it runs `delayMs` later still. Where the browser has no idle callbacks, it runs
 * after `delayMs`. Returns a function that cancels it.
 */
export function laterWhenIdle(work: () => void, delayMs: number): () => void {
  let idle: number | undefined
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(work, { timeout: delayMs })
    else work()
  }, delayMs)
  return () => {
    clearTimeout(timer)
    if (idle !== undefined) cancelIdleCallback(idle)
  }
}
