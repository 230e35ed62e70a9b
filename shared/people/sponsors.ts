import { DELEGATIONS } from './delegations'

/**
 * Reads the sponsors line of a draft ("Albania, Andorra, … and Zambia: revised draft resolution")
 * into the names as printed and the States they are, matched against the UN's list with the
 * spellings real texts use ("Brasil", "Cote d'Ivoire", "Timor Leste", "the former Yugoslav Republic
 * of Macedonia").
 */

export interface SponsorsReading {
  /** Each sponsor as printed, in order. */
  printed: string[]
  /** The delegation each printed name is, where it is one we know (same order, no gaps). */
  states: string[]
  /** Printed names that match no delegation (another language's spelling, a typo). */
  unmatched: string[]
  /** What follows the colon: "draft resolution", "revised draft resolution", "projet de résolution" … */
  documentKind: string
}

/** Old names and spellings seen in real sponsor lists, folded (see `fold`). */
const FORMER_NAMES: Record<string, string> = {
  brasil: 'Brazil',
  'cote divoire': "Côte d'Ivoire",
  'ivory coast': "Côte d'Ivoire",
  'timor leste': 'Timor-Leste',
  'east timor': 'Timor-Leste',
  'former yugoslav republic of macedonia': 'North Macedonia',
  macedonia: 'North Macedonia',
  'republic of north macedonia': 'North Macedonia',
  turkey: 'Türkiye',
  turkiye: 'Türkiye',
  swaziland: 'Eswatini',
  'czech republic': 'Czechia',
  'cape verde': 'Cabo Verde',
  netherlands: 'Netherlands (Kingdom of the)',
  'kingdom of the netherlands': 'Netherlands (Kingdom of the)',
  'federated states of micronesia': 'Micronesia (Federated States of)',
  micronesia: 'Micronesia (Federated States of)',
  palestine: 'State of Palestine',
  'united states': 'United States of America',
  'united kingdom': 'United Kingdom of Great Britain and Northern Ireland',
  'republic of moldova': 'Republic of Moldova',
  moldova: 'Republic of Moldova',
  bolivia: 'Bolivia (Plurinational State of)',
  venezuela: 'Venezuela (Bolivarian Republic of)',
  iran: 'Iran (Islamic Republic of)',
  'viet nam': 'Viet Nam',
  vietnam: 'Viet Nam',
  'lao pdr': "Lao People's Democratic Republic",
  'syria': 'Syrian Arab Republic',
  'tanzania': 'United Republic of Tanzania',
  'russia': 'Russian Federation',
  'european union': 'European Union',
  'holy see': 'Holy See',
}

/** Lower case, no accents, no punctuation, one space: "Côte d’Ivoire" → "cote divoire". */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim()
}

const BY_FOLDED = new Map<string, string>([
  ...DELEGATIONS.map((name): [string, string] => [fold(name), name]),
  ...Object.entries(FORMER_NAMES),
])

/** The delegation a printed name is, or null. */
export function matchState(printed: string): string | null {
  return BY_FOLDED.get(fold(printed)) ?? null
}

/**
 * The kind of document named after the sponsors' colon, in the six languages. Asterisks on either
 * side call footnotes ("Tajikistan:* draft decision**"): not part of the kind.
 */
const DOCUMENT_KIND = /[:：]\*?\s*((?:revised |пересмотренный )?(?:draft resolution|draft decision|projet de (?:résolution|décision)(?: révisé)?|proyecto de (?:resolución|decisión)(?: revisado)?|проект (?:резолюции|решения)|(?:订正)?决议草案|مشروع (?:قرار|مقرر)(?: منقح)?))\**\s*$/iu

/** Is this line (or the end of a wrapped sponsors block) where the sponsors list ends? */
export function endsSponsorsList(line: string): boolean {
  return DOCUMENT_KIND.test(line)
}

export function readSponsors(line: string): SponsorsReading {
  const kind = DOCUMENT_KIND.exec(line)
  const list = kind ? line.slice(0, kind.index) : line
  const printed = splitNames(list)
  const states: string[] = []
  const unmatched: string[] = []
  for (const name of printed) {
    const state = matchState(name)
    if (state) states.push(state)
    else unmatched.push(name)
  }
  return { printed, states, unmatched, documentKind: kind?.[1] ?? '' }
}

/**
 * Names are separated by commas and a last " and "; but "Antigua and Barbuda" has an "and" of its
 * own, so a part is cut at " and " only when it is not a name as a whole and both halves are.
 * In the other languages we know no names, so the last part is cut at its last conjunction.
 */
function splitNames(list: string): string[] {
  const parts = list
    .split(/[,،、，]/u)
    // "Egypt,*": the asterisk calls a footnote ("On behalf of …"), not part of the name.
    .map((part) => part.replace(/\s+/g, ' ').replace(/\*+/g, '').trim())
    .filter(Boolean)
  return parts.flatMap((part, index) => {
    const bare = part.replace(/^and\s+/i, '')
    if (matchState(bare)) return [bare]
    if (/ and /i.test(bare)) return cutAtAnd(bare)
    const conjunction = index === parts.length - 1 ? / (?:et|y|e|и) (?!.* (?:et|y|e|и) )/u.exec(bare) : null
    return conjunction ? [bare.slice(0, conjunction.index), bare.slice(conjunction.index + conjunction[0].length)] : [bare]
  })
}

function cutAtAnd(part: string): string[] {
  const cut = part.split(/ and /i)
  for (let at = 1; at < cut.length; at++) {
    const left = cut.slice(0, at).join(' and ')
    const right = cut.slice(at).join(' and ')
    if (matchState(left) && matchState(right)) return [left, right]
  }
  // "Albania and Andorra" with an unknown spelling: the printed list still has two names.
  return cut.length === 2 && !matchState(part) ? cut : [part]
}

/** How much of a line reads as names of States: used to tell a wrapped sponsors line from a title. */
export function stateShare(line: string): number {
  const parts = line.split(/[,،、，]/).map((part) => part.replace(/^\s*and\s+|\s+and\s*$/gi, '').trim()).filter(Boolean)
  if (parts.length === 0) return 0
  return parts.filter((part) => matchState(part)).length / parts.length
}
