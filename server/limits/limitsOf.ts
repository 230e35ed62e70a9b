import type { Store } from '../store/types'
import { type LimitSettings, limitSettingsFrom } from './limitSettings'
import { RateLimiter } from './rateLimiter'

/** The settings and the live counters of one server. */
export interface Limits {
  settings: LimitSettings
  exports: RateLimiter
  proposals: RateLimiter
  comments: RateLimiter
}

const MINUTE = 60_000

/**
 * Each server's counters live beside its store, the one object every route is handed: a test's
 * server starts with fresh counters, and nothing is made on import. The settings come from the
 * environment (limitSettings.ts) unless `configureLimits` was called first.
 */
const byStore = new WeakMap<Store, Limits>()

export function limitsOf(store: Store): Limits {
  let limits = byStore.get(store)
  if (!limits) {
    limits = build(limitSettingsFrom(process.env))
    byStore.set(store, limits)
  }
  return limits
}

/** Sets this server's limits (and forgets what was counted so far). */
export function configureLimits(store: Store, settings: Partial<LimitSettings>): void {
  byStore.set(store, build({ ...limitSettingsFrom(process.env), ...settings }))
}

function build(settings: LimitSettings): Limits {
  const { now } = settings
  return {
    settings,
    exports: new RateLimiter({ limit: settings.exportsPerMinute, windowMs: MINUTE, now }),
    proposals: new RateLimiter({ limit: settings.proposalsPerMinute, windowMs: MINUTE, now }),
    comments: new RateLimiter({ limit: settings.commentsPerMinute, windowMs: MINUTE, now }),
  }
}
