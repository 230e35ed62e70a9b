/**
 * What one person may do, and how fast (issue 13: "no participant can slow the room for
 * others"). Generous for a negotiation (a delegation tables a few dozen proposals on a long text;
 * a busy facilitator exports a handful of files an hour), far below what stalls a room.
 */
export interface LimitSettings {
  /** Word and PDF files one person may export per minute. */
  exportsPerMinute: number
  /** Proposals one person may table (or table again) per minute in one resolution. */
  proposalsPerMinute: number
  /** Pending proposals one State may have in one resolution. */
  pendingProposalsPerState: number
  /** Comments and replies one person may write per minute in one resolution. */
  commentsPerMinute: number
  /** Comments and replies one credential (invite link) may write in one resolution, ever. */
  commentsPerPerson: number
  /**
   * Most characters of compiled paragraphs (their JSON) on one page of the compilation's HTML
   * page; a longer compilation is split into pages (see compilationPages.ts).
   */
  compilationPageChars: number
  /** The clock (tests replace it). */
  now: () => number
}

export const DEFAULT_LIMITS: LimitSettings = {
  exportsPerMinute: 20,
  proposalsPerMinute: 60,
  pendingProposalsPerState: 500,
  commentsPerMinute: 60,
  commentsPerPerson: 2000,
  compilationPageChars: 1_000_000,
  now: Date.now,
}

/** The environment variable that overrides each default, when it holds a positive whole number. */
export const LIMIT_VARIABLES = {
  exportsPerMinute: 'EXPORTS_PER_MINUTE',
  proposalsPerMinute: 'PROPOSALS_PER_MINUTE',
  pendingProposalsPerState: 'PENDING_PROPOSALS_PER_STATE',
  commentsPerMinute: 'COMMENTS_PER_MINUTE',
  commentsPerPerson: 'COMMENTS_PER_PERSON',
  compilationPageChars: 'COMPILATION_PAGE_CHARS',
} as const satisfies Record<Exclude<keyof LimitSettings, 'now'>, string>

export function limitSettingsFrom(env: Record<string, string | undefined>): LimitSettings {
  const settings = { ...DEFAULT_LIMITS }
  for (const [field, variable] of Object.entries(LIMIT_VARIABLES) as Array<[keyof typeof LIMIT_VARIABLES, string]>) {
    const value = Number(env[variable])
    if (Number.isInteger(value) && value > 0) settings[field] = value
  }
  return settings
}
