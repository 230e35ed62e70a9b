/**
 * Who can hold a delegation invite. Each delegation link is bound to one State, which the server
 * validates against this list, so attribution ("proposed by Mexico") never rests on free text.
 */
export const UN_MEMBER_STATES: readonly string[] = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia',
  'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium',
  'Belize', 'Benin', 'Bhutan', 'Bolivia (Plurinational State of)', 'Bosnia and Herzegovina', 'Botswana', 'Brazil',
  'Brunei Darussalam', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cabo Verde', 'Cambodia', 'Cameroon', 'Canada',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo', 'Costa Rica',
  "Côte d'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czechia', "Democratic People's Republic of Korea",
  'Democratic Republic of the Congo', 'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt',
  'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France',
  'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau',
  'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran (Islamic Republic of)', 'Iraq',
  'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kuwait',
  'Kyrgyzstan', "Lao People's Democratic Republic", 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya',
  'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta',
  'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico', 'Micronesia (Federated States of)', 'Monaco', 'Mongolia',
  'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nauru', 'Nepal', 'Netherlands (Kingdom of the)',
  'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau',
  'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar',
  'Republic of Korea', 'Republic of Moldova', 'Romania', 'Russian Federation', 'Rwanda', 'Saint Kitts and Nevis',
  'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa', 'San Marino', 'Sao Tome and Principe',
  'Saudi Arabia', 'Senegal', 'Serbia', 'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia',
  'Solomon Islands', 'Somalia', 'South Africa', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden',
  'Switzerland', 'Syrian Arab Republic', 'Tajikistan', 'Thailand', 'Timor-Leste', 'Togo', 'Tonga',
  'Trinidad and Tobago', 'Tunisia', 'Türkiye', 'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine',
  'United Arab Emirates', 'United Kingdom of Great Britain and Northern Ireland', 'United Republic of Tanzania',
  'United States of America', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Venezuela (Bolivarian Republic of)', 'Viet Nam',
  'Yemen', 'Zambia', 'Zimbabwe',
]

/** The two non-member observer States, and the EU, which negotiates in its own name. */
export const OTHER_DELEGATIONS: readonly string[] = ['Holy See', 'State of Palestine', 'European Union']

/**
 * Everyone, alphabetically: the members in the UN's own order, the others put in their places.
 * A plain comparison places them right (their names and their neighbours' are plain letters; a
 * test checks the whole list against localeCompare), and it spares every process loading ICU's
 * collation data at start, which a sort with localeCompare here did.
 */
export const DELEGATIONS: readonly string[] = OTHER_DELEGATIONS.reduce<string[]>((list, name) => {
  const at = list.findIndex((other) => other > name)
  return at < 0 ? [...list, name] : [...list.slice(0, at), name, ...list.slice(at)]
}, [...UN_MEMBER_STATES])

const KNOWN = new Set(DELEGATIONS)

export function isDelegation(name: string): boolean {
  return KNOWN.has(name)
}

/** Names people type that are not how the UN lists the State. */
const ALIASES: Record<string, readonly string[]> = {
  usa: ['United States of America'],
  us: ['United States of America'],
  uk: ['United Kingdom of Great Britain and Northern Ireland'],
  britain: ['United Kingdom of Great Britain and Northern Ireland'],
  russia: ['Russian Federation'],
  iran: ['Iran (Islamic Republic of)'],
  syria: ['Syrian Arab Republic'],
  venezuela: ['Venezuela (Bolivarian Republic of)'],
  bolivia: ['Bolivia (Plurinational State of)'],
  tanzania: ['United Republic of Tanzania'],
  vietnam: ['Viet Nam'],
  turkey: ['Türkiye'],
  korea: ['Republic of Korea', "Democratic People's Republic of Korea"],
  moldova: ['Republic of Moldova'],
  laos: ["Lao People's Democratic Republic"],
  eu: ['European Union'],
  palestine: ['State of Palestine'],
  vatican: ['Holy See'],
  'czech republic': ['Czechia'],
  swaziland: ['Eswatini'],
  'cape verde': ['Cabo Verde'],
  'ivory coast': ["Côte d'Ivoire"],
  netherlands: ['Netherlands (Kingdom of the)'],
  micronesia: ['Micronesia (Federated States of)'],
}

/** Lower case without accents, so "turkiye" finds "Türkiye" and "cote" finds "Côte d'Ivoire". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()

const FOLDED = DELEGATIONS.map((name) => ({ name, folded: fold(name), words: fold(name).split(/[\s()'-]+/) }))

/**
 * Delegations matching what someone typed: aliases first, then names or words that start with the
 * query, then names that merely contain it.
 */
export function searchDelegations(query: string, limit = 12): string[] {
  const q = fold(query)
  if (!q) return DELEGATIONS.slice(0, limit)
  const aliased = ALIASES[q] ?? []
  const starts = FOLDED.filter(({ folded, words }) => folded.startsWith(q) || words.some((word) => word.startsWith(q)))
  const contains = FOLDED.filter(({ folded }) => folded.includes(q))
  const byRank = [...aliased, ...starts.filter((d) => d.folded.startsWith(q)).map((d) => d.name), ...starts.map((d) => d.name), ...contains.map((d) => d.name)]
  return [...new Set(byRank)].slice(0, limit)
}
