import { afterEach, describe, expect, it, vi } from 'vitest'
import { laterWhenIdle } from './idle'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('laterWhenIdle', () => {
  it('waits the delay, then for the page to be idle', () => {
    vi.useFakeTimers()
    const idle: Array<{ work: () => void; timeout?: number }> = []
    vi.stubGlobal('requestIdleCallback', (work: () => void, options?: { timeout?: number }) => idle.push({ work, timeout: options?.timeout }))
    vi.stubGlobal('cancelIdleCallback', () => {})
    const work = vi.fn()
    laterWhenIdle(work, 100)
    vi.advanceTimersByTime(99)
    expect(idle).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(idle).toEqual([{ work, timeout: 100 }])
    expect(work).not.toHaveBeenCalled()
    idle[0]!.work()
    expect(work).toHaveBeenCalledOnce()
  })

  it('runs after the delay where there are no idle callbacks, and not at all once cancelled', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const work = vi.fn()
    laterWhenIdle(work, 100)
    const cancelled = vi.fn()
    laterWhenIdle(cancelled, 100)()
    vi.advanceTimersByTime(100)
    expect(work).toHaveBeenCalledOnce()
    expect(cancelled).not.toHaveBeenCalled()
  })
})
