import type { Language } from '../types'

/**
 * What the recogniser needs to know of each official language: how its texts open the operative
 * part, date themselves, name sessions and committees, letter sub-paragraphs and close an adopted
 * resolution. Only patterns of the UN's own editorial style: no list of particular documents.
 */
export interface LanguageRules {
  /** The enacting formula: "The General Assembly,", "L'Assemblée générale,", "إن الجمعية العامة،". */
  enacting: RegExp
  /** The printed name of an organ, alone on its heading line. */
  organ: RegExp
  session: RegExp
  committee: RegExp
  agendaItem: RegExp
  /** The closing meeting line: "50th plenary meeting", "50e séance plénière". */
  meeting: RegExp
  /** A date as the UN prints it: "17 December 2024", "17 décembre 2024", "2024年12月17日". */
  date: RegExp
  /** Letters of (a), (b) … in order; roman numerals (i), (ii) … are Latin in every language. */
  letters: string
}

const ORGAN_EN = '(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council|Conference of the Parties|Commission on [A-Z][\\w ]+|Executive Board)'
const MONTHS = {
  en: 'January|February|March|April|May|June|July|August|September|October|November|December',
  fr: 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
  es: 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  ru: 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря',
  ar: 'كانون الثاني/يناير|شباط/فبراير|آذار/مارس|نيسان/أبريل|أيار/مايو|حزيران/يونيه|تموز/يوليه|آب/أغسطس|أيلول/سبتمبر|تشرين الأول/أكتوبر|تشرين الثاني/نوفمبر|كانون الأول/ديسمبر',
}
const ORDINAL_EN = '(?:[A-Z][a-z]+(?:-[a-z]+)?|\\d+(?:st|nd|rd|th))'
const NUMBERED_COMMITTEE_EN = '(?:First|Second|Third|Fourth|Fifth|Sixth)'

export const LANGUAGE_RULES: Record<Language, LanguageRules> = {
  en: {
    enacting: /^The (?:[A-Z][\w-]*|of|the|and|on|for)(?: (?:[A-Z][\w-]*|of|the|and|on|for)){0,9},$/,
    organ: new RegExp(`^${ORGAN_EN}$`),
    session: new RegExp(`^${ORDINAL_EN}(?: (?:emergency special|special|resumed|regular|organizational))? session\\b`, 'i'),
    committee: new RegExp(`^(?:${NUMBERED_COMMITTEE_EN} Committee|Special Political and Decolonization Committee(?: \\(Fourth Committee\\))?|\\(Fourth Committee\\))$`),
    agendaItem: /^Agenda items?\s/i,
    // "50th (resumed) plenary meeting": a session taken up again after a break.
    meeting: /^\d+(?:st|nd|rd|th) (?:\(resumed\) )?(?:plenary )?meeting$/i,
    date: new RegExp(`^\\d{1,2} (?:${MONTHS.en}) \\d{4}$`, 'i'),
    letters: 'abcdefghijklmnopqrstuvwxyz',
  },
  fr: {
    enacting: /^(?:L['’]|Le |La |Les )[\p{L}'’ -]{3,80},$/u,
    organ: /^(?:Assemblée générale|Conseil de sécurité|Conseil économique et social|Conseil des droits de l['’]homme)$/,
    session: /^[\p{L}-]+ (?:session|session extraordinaire)\b/iu,
    committee: /^(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième) Commission$/,
    agendaItem: /^Points? \d+/,
    meeting: /^\d+e séance(?: plénière)?(?: \(reprise\))?$/,
    date: new RegExp(`^\\d{1,2}(?:er)? (?:${MONTHS.fr}) \\d{4}$`, 'i'),
    letters: 'abcdefghijklmnopqrstuvwxyz',
  },
  es: {
    enacting: /^(?:La |El )[\p{L} -]{3,80},$/u,
    organ: /^(?:Asamblea General|Consejo de Seguridad|Consejo Económico y Social|Consejo de Derechos Humanos)$/,
    session: /^[\p{L} -]+ (?:período de sesiones|periodo de sesiones)\b/iu,
    committee: /^(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta) Comisión$/,
    agendaItem: /^Temas? \d+/,
    meeting: /^\d+ª sesión(?: plenaria)?(?: \(continuación\))?$/,
    date: new RegExp(`^\\d{1,2} de (?:${MONTHS.es}) de \\d{4}$`, 'i'),
    letters: 'abcdefghijklmnñopqrstuvwxyz',
  },
  ru: {
    enacting: /^[А-ЯЁ][\p{L} -]{3,80},$/u,
    organ: /^(?:Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет|Совет по правам человека)$/,
    session: /^[\p{L}-]+(?: [\p{L}-]+)? сессия\b/iu,
    committee: /^(?:Первый|Второй|Третий|Четвертый|Четвёртый|Пятый|Шестой) комитет$/,
    agendaItem: /^Пункты? \d+/,
    meeting: /^\d+-е (?:пленарное )?заседание$/,
    date: new RegExp(`^\\d{1,2} (?:${MONTHS.ru}) \\d{4} года$`, 'i'),
    letters: 'абвгдежзиклмнопрстуфхцчшщэюя',
  },
  zh: {
    enacting: /^[\p{Script=Han}]{2,20}[，,]$/u,
    organ: /^(?:大会|安全理事会|经济及社会理事会|人权理事会)$/,
    session: /^第[\p{Script=Han}\d]+届(?:会议|特别会议)/u,
    committee: /^第[一二三四五六]委员会$/,
    agendaItem: /^议程项目\s*\d+/,
    meeting: /^第\s*\d+\s*次(?:全体)?会议$/,
    date: /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/,
    letters: 'abcdefghijklmnopqrstuvwxyz',
  },
  ar: {
    enacting: /^إن [\p{Script=Arabic} ]{3,80}[،,:]$/u,
    organ: /^(?:الجمعية العامة|مجلس الأمن|المجلس الاقتصادي والاجتماعي|مجلس حقوق الإنسان)$/,
    session: /^الدورة [\p{Script=Arabic} ]+/u,
    committee: /^اللجنة (?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة)$/,
    agendaItem: /^البنود? \d+/,
    meeting: /^الجلسة (?:العامة )?\d+$/,
    date: new RegExp(`^\\d{1,2} (?:${MONTHS.ar}) \\d{4}$`),
    letters: 'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ',
  },
}

/** Words that name an organ in an enacting formula, so a short comma-ended line is not taken for one. */
const ORGAN_WORDS: Record<Language, RegExp> = {
  en: /\b(?:Assembly|Council|Commission|Conference|Board|Committee|Parties)\b/,
  fr: /\b(?:Assemblée|Conseil|Commission|Conférence)\b/u,
  es: /\b(?:Asamblea|Consejo|Comisión|Conferencia)\b/u,
  ru: /(?:Ассамблея|Совет|Комиссия|Конференция)/u,
  zh: /(?:大会|理事会|委员会|会议)/u,
  ar: /(?:الجمعية|مجلس|المجلس|اللجنة|مؤتمر)/u,
}

/** Languages tried for the enacting formula; English last, since its pattern is the loosest on Latin text. */
const ENACTING_ORDER: Language[] = ['ar', 'zh', 'ru', 'fr', 'es', 'en']

/** The language whose enacting formula this line is, or null. */
export function enactingLanguage(line: string): Language | null {
  if (line.split(' ').length > 12) return null
  return ENACTING_ORDER.find((language) => LANGUAGE_RULES[language].enacting.test(line) && ORGAN_WORDS[language].test(line)) ?? null
}

/** A guess from the script and a few common words, for a text with no enacting formula. */
export function guessLanguage(text: string): Language {
  const sample = text.slice(0, 4000)
  const count = (pattern: RegExp) => sample.match(pattern)?.length ?? 0
  if (count(/\p{Script=Arabic}/gu) > 50) return 'ar'
  if (count(/\p{Script=Han}/gu) > 50) return 'zh'
  if (count(/\p{Script=Cyrillic}/gu) > 50) return 'ru'
  const fr = count(/\b(?:les|des|du|et|la)\b/g)
  const es = count(/\b(?:los|las|del|y|el)\b/g)
  const en = count(/\b(?:the|and|of|to)\b/g)
  if (fr > en && fr > es) return 'fr'
  if (es > en && es > fr) return 'es'
  return 'en'
}

/** Adverbs that may stand before the head word: "Profondément préoccupée", "Вновь подтверждая". */
const LEADING_ADVERB: Partial<Record<Language, RegExp>> = {
  fr: /^(?:Profondément|Vivement|Gravement|Également|Réaffirmant|Sérieusement|Fermement|Résolument)\s+/u,
  es: /^(?:Profundamente|Gravemente|Seriamente|Firmemente|Asimismo)\s+/u,
  ru: /^(?:вновь|глубоко|серьезно|решительно|настоятельно|особо|также)\s+/iu,
}

/** The head word of a preambular paragraph: a participle or one of the usual adjectives. */
const PP_HEAD: Partial<Record<Language, RegExp>> = {
  fr: /^(?:\p{Lu}\p{Ll}+ant|Ayant|Conscient\p{Ll}*|Convaincu\p{Ll}*|Préoccupé\p{Ll}*|Alarmé\p{Ll}*|Résolu\p{Ll}*|Soucieu\p{Ll}+|Guidé\p{Ll}*|Déterminé\p{Ll}*|Inquiet\p{Ll}*|Encouragé\p{Ll}*)\b/u,
  es: /^(?:\p{Lu}\p{Ll}+(?:ando|endo)|Consciente\p{Ll}*|Convencid\p{Ll}+|Preocupad\p{Ll}+|Alarmad\p{Ll}+|Decidid\p{Ll}+|Guiad\p{Ll}+|Resuelt\p{Ll}+|Alentad\p{Ll}+)\b/u,
  // "включая" (including) is a gerund too, but it continues a sentence.
  ru: /^(?!(?:[Вв]ключая|[Нн]ачиная|[Ии]сходя)(?=\s|,|$))(?:\p{L}\p{Ll}+(?:я|вшись|в)|[Бб]удучи)(?=\s|,|$)/u,
  ar: /^(?:و?إذ)\s/u,
}
/** The head word of an operative paragraph: a verb in the third person. */
const OP_HEAD: Partial<Record<Language, RegExp>> = {
  fr: /^(?:Se |S['’])?\p{Lu}\p{Ll}+(?:e|t|ent)\b/u,
  es: /^\p{Lu}\p{Ll}+(?:a|e)\b/u,
  ru: /^\p{L}\p{Ll}+(?:ет|ит|ят|ют|ает)(?=\s|,|$)/u,
}

/**
 * Whether a paragraph opens like a PP or an OP in its language. English has its own reading of
 * opening phrases (openingWords.ts); Chinese marks neither, so it gives null.
 */
export function openingKindIn(text: string, language: Language, english: (text: string) => 'pp' | 'op' | null): 'pp' | 'op' | null {
  if (language === 'en') return english(text)
  const afterAdverb = text.replace(LEADING_ADVERB[language] ?? /^$/, '')
  // "Profondément préoccupée": the head word after an adverb is not capitalised.
  const head = afterAdverb.charAt(0).toUpperCase() + afterAdverb.slice(1)
  if (PP_HEAD[language]?.test(head)) return 'pp'
  if (language === 'ar') return /^\p{Script=Arabic}/u.test(text) ? 'op' : null
  return OP_HEAD[language]?.test(head) ? 'op' : null
}

/** Russian UN texts begin their paragraphs in lower case ("ссылаясь на …", "1. призывает …"). */
export const LOWER_CASE_OPENINGS: ReadonlySet<Language> = new Set(['ru'])

/** Punctuation that ends a PP (a comma in every script) and an OP (semicolon or full stop). */
export const ENDS_PP = /[,،，]$/u
export const ENDS_OP = /[;.؛；。:：]$/u
export const ENDS_CLAUSE = /[,;.:،؛，；。：]$/u
