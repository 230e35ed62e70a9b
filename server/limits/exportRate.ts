import type { Granted } from '../access/resolveAccess'
import type { Store } from '../store/types'
import { limitsOf } from './limitsOf'
import { count, personKey, tooMany, waitWords } from './tooMany'

/**
 * Counts one Word or PDF export for this person, or refuses it with 429 past the limit
 * (`exportsPerMinute`). Those files are made on the export worker, which one person exporting in
 * a loop would otherwise keep to themselves. Akoma Ntoso and the printable pages are not counted.
 */
export function checkExportRate(store: Store, access: Granted): void {
  const { exports } = limitsOf(store)
  const answer = exports.take(personKey(access))
  if (!answer.ok) tooMany(`You have exported ${count(exports.limit)} files in the last minute; ${waitWords(answer)}.`)
}
