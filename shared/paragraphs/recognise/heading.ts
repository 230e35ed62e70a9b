/**
 * The heading block of a pasted resolution: the lines before the enacting formula. Each line is a
 * field of the UN heading (symbol, distribution, date, original language, organ, session,
 * committee, agenda item, sponsors, adoption record), furniture, or words: the words right after
 * the agenda item are its title, the last run of words is the resolution's title.
 */
import { endsSponsorsList, stateShare } from '../../people/sponsors'
import { emptyHeading, type HeadingField, type HeadingFields, type Language } from '../types'
import { joinLine } from './body'
import { findSymbol, furnitureReason } from './furniture'
import { LANGUAGE_RULES } from './languages'

const DISTRIBUTION = /\bDistr\.?\s*:?\s*(General|Limited|Restricted|générale|limitée|restreinte|general|limitada|reservada|Общая|Ограниченная|عام|محدود)\b\.?/iu
const ORIGINAL = /\b(?:Original|Оригинал|原文|الأصل)\s*[:：]\s*(.+)$/u
const UNITED_NATIONS = /^(?:United Nations|Nations Unies|Naciones Unidas|Организация Объединенных Наций|联合国|الأمم المتحدة)\b\s*/u
const ADOPTED_BY = /^(?:Resolution adopted by|Decision adopted by|Résolution adoptée par|Resolución aprobada por|Резолюция, принятая|قرار اتخذ|\d{4}年\d{1,2}月\d{1,2}日.*(?:决议|决定)$)/u
const RESOLUTION_NUMBER = /^(\d{1,4}\/\d{1,4}(?:\s?[A-Z])?)\.\s*/
/** Session dates of a Council ("25 February–22 March 2019") and other lines nobody edits. */
const NOISE = [/^\d{1,2}\s+\p{L}+\s*[–—-]\s*\d{1,2}\s+\p{L}+\s+\d{4}$/u, /^\*\s/]
const ORGAN_FALLBACK = /^(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)\b\s*/

const ADOPTED_SYMBOL_PREFIXES: [organ: RegExp, prefix: string][] = [
  [/Human Rights Council|Conseil des droits de l|Consejo de Derechos Humanos|Совет по правам человека|人权理事会|مجلس حقوق الإنسان/u, 'A/HRC/RES/'],
  [/Economic and Social Council|Conseil économique et social|Consejo Económico y Social|Экономический и Социальный Совет|经济及社会理事会|المجلس الاقتصادي والاجتماعي/u, 'E/RES/'],
  [/General Assembly|Assemblée générale|Asamblea General|Генеральная Ассамблея|大会|الجمعية العامة/u, 'A/RES/'],
]

export interface HeadingReading {
  heading: HeadingFields
  title: string
}

type Claim = { field: HeadingField; value: string } | 'noise'

export function readHeading(lines: string[], language: Language, enacting: string): HeadingReading {
  const heading = emptyHeading()
  const runs: { lines: string[]; after: HeadingField | null }[] = []
  let lastField: HeadingField | null = null
  let openRun: string[] | null = null
  let report = ''

  for (const raw of joinSponsors(lines)) {
    if (raw === '' || furnitureReason(raw, { symbol: '', title: '' }) === 'page-furniture') {
      openRun = null
      continue
    }
    if (report) {
      // A report note wraps: "[on the report of the Third Committee" / "(A/79/457/Add.2)]".
      report = `${report} ${raw}`
      if (raw.includes(']')) finishReport()
      continue
    }
    if (raw.startsWith('[')) {
      report = raw
      if (raw.includes(']')) finishReport()
      continue
    }
    const claims = claimFields(raw, language)
    if (claims.length > 0 && !(openRun && wrapsOntoOrgan(claims, heading))) {
      for (const claim of claims) {
        if (claim === 'noise') continue
        // "Special Political and Decolonization Committee" / "(Fourth Committee)" wraps.
        if (claim.field === 'committee' && heading.committee && claim.value.startsWith('(')) heading.committee += ` ${claim.value}`
        else if (!heading[claim.field]) heading[claim.field] = claim.value
        lastField = claim.field
      }
      openRun = null
      continue
    }
    if (!openRun) {
      openRun = []
      runs.push({ lines: openRun, after: lastField })
    }
    openRun.push(raw)
  }

  function finishReport() {
    heading.report ||= report
    report = ''
    lastField = 'report'
    openRun = null
  }

  const titleRun = runs.pop()
  const agendaRun = runs.find((run) => run.after === 'agendaItem')
  if (agendaRun) heading.agendaTitle = agendaRun.lines.reduce(joinLine, '')
  let title = (titleRun?.lines ?? []).reduce(joinLine, '')
  // A heading with an agenda item title and no separate title: the run is the agenda title only
  // when something else (the sponsors, the adoption) came between it and the enacting line.
  const number = RESOLUTION_NUMBER.exec(title)
  if (number) {
    heading.resolutionNumber ||= number[1]
    title = title.slice(number[0].length)
  }
  // An adopted text names its committee only in the report line: "[on the report of the Third Committee …]".
  heading.committee ||= /\b((?:First|Second|Third|Fourth|Fifth|Sixth) Committee)\b/.exec(heading.report)?.[1] ?? ''
  const prefix = ADOPTED_SYMBOL_PREFIXES.find(([organ]) => organ.test(enacting) || organ.test(heading.organ))?.[1]
  if (!heading.symbol && heading.resolutionNumber && prefix) heading.symbol = `${prefix}${heading.resolutionNumber}`
  return { heading, title }
}

/**
 * "… to the eighty-first session of the" / "General Assembly": a title that wraps onto the name of
 * the organ, which the masthead already gave. Such a line goes on the run it follows.
 */
function wrapsOntoOrgan(claims: Claim[], heading: HeadingFields): boolean {
  return claims.every((claim) => claim !== 'noise' && claim.field === 'organ' && heading.organ !== '')
}

/** A sponsors list wraps over several lines; its last line ends with ": draft resolution". */
function joinSponsors(lines: string[]): string[] {
  const out = [...lines]
  for (let end = 0; end < out.length; end++) {
    // "…, and United States of America:" / "revised draft resolution" on the next line.
    if (/[:：]$/.test(out[end]) && end + 1 < out.length && endsSponsorsList(`x: ${out[end + 1]}`)) {
      out.splice(end, 2, `${out[end]} ${out[end + 1]}`)
    }
    if (!endsSponsorsList(out[end])) continue
    let start = end
    while (start > 0 && isSponsorsLine(out[start - 1])) start -= 1
    out.splice(start, end - start + 1, out.slice(start, end + 1).reduce(joinLine, ''))
    end = start
  }
  return out
}

function isSponsorsLine(line: string): boolean {
  if (line === '' || findSymbol(line)) return false
  const commas = line.split(/[,،，]/).length - 1
  return stateShare(line) >= 0.5 || (/(?:[,،，]|\band)$/u.test(line) && commas >= 2) || (commas >= 4 && !/[.;]$/.test(line))
}

/** The fields a heading line holds; a line flattened from a web page may hold several. */
function claimFields(line: string, language: Language): Claim[] {
  const rules = LANGUAGE_RULES[language]
  const claims: Claim[] = []
  let rest = line
  const take = (field: HeadingField, pattern: RegExp, group = 0) => {
    const match = pattern.exec(rest)
    if (!match) return
    claims.push({ field, value: match[group].trim() })
    rest = (rest.slice(0, match.index) + rest.slice(match.index + match[0].length)).trim()
  }
  if (endsSponsorsList(line)) return [{ field: 'sponsors', value: line }]
  const number = /^(\d{1,4}\/\d{1,4})\.$/.exec(line)
  if (number) return [{ field: 'resolutionNumber', value: number[1] }]
  if (ADOPTED_BY.test(line)) return [{ field: 'adoptedBy', value: line }]
  const symbol = findSymbol(rest)
  if (symbol) {
    claims.push({ field: 'symbol', value: symbol })
    rest = rest.replace(symbol, '').replace(/^\*|\s\*(?=\s|$)/, '').trim()
  }
  take('distribution', DISTRIBUTION, 1)
  take('originalLanguage', ORIGINAL, 1)
  // The masthead's "United Nations", alone or beside the symbol or the organ; not "United Nations
  // Relief and Works Agency …", an agenda title.
  const afterMasthead = rest.replace(UNITED_NATIONS, '')
  if (afterMasthead !== rest && (afterMasthead === '' || claims.length > 0 || rules.organ.test(afterMasthead) || ORGAN_FALLBACK.test(afterMasthead))) {
    rest = afterMasthead
    claims.push('noise')
  }
  const organ = rules.organ.exec(rest) ?? ORGAN_FALLBACK.exec(rest)
  if (organ && (organ[0].trim() === rest || claims.length > 0)) {
    claims.push({ field: 'organ', value: organ[0].trim() })
    rest = rest.slice(organ[0].length).trim()
  }
  if (rest === '') return claims
  // A web copy flattens "Eightieth session" and "Agenda item 89" onto one line.
  const agenda = /\s(?=Agenda items?\s)/.exec(rest)
  if (agenda && claims.length === 0) return [...claimFields(rest.slice(0, agenda.index), language), ...claimFields(rest.slice(agenda.index + 1), language)]
  const whole: [HeadingField, RegExp][] = [
    ['date', rules.date],
    ['date', LANGUAGE_RULES.en.date],
    ['session', rules.session],
    ['committee', rules.committee],
    ['agendaItem', rules.agendaItem],
  ]
  const field = whole.find(([, pattern]) => pattern.test(rest))
  if (field) return [...claims, { field: field[0], value: rest }]
  if (NOISE.some((noise) => noise.test(rest))) return [...claims, 'noise']
  return claims
}
