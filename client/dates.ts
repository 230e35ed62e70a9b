/**
 * Dates and times as the reader's browser writes them. Each formatter is made once, on first use:
 * building one per call loads locale data each time, and a panel that lists a paragraph's story
 * renders while people type.
 */
function formatter(options: Intl.DateTimeFormatOptions): (iso: string) => string {
  let format: Intl.DateTimeFormat | undefined
  return (iso) => (format ??= new Intl.DateTimeFormat(undefined, options)).format(new Date(iso))
}

/** "29 Nov 2026, 21:40" */
export const dateTime = formatter({ dateStyle: 'medium', timeStyle: 'short' })

/** "29/11/2026, 21:40", for lists where space is short. */
export const shortDateTime = formatter({ dateStyle: 'short', timeStyle: 'short' })
