/**
 * A whole text run together on one line: what some web pages and Word files give when copied
 * (a document's text without its line breaks). The lines it should have had are guessed back so
 * that the usual reading applies: the enacting formula on its own line, and a break after each
 * clause that a capital or a paragraph number follows. The body reader joins again the clauses of
 * one paragraph, as it joins the wrapped lines of a PDF.
 */

/**
 * A line this long may hold more than one paragraph. It is only separated when the text has no
 * enacting formula on a line of its own, and the separation is kept only if it brings one out.
 */
const RUN_TOGETHER = 600

/** "The General Assembly," inside a line (English; the other languages' formulas are not looked for in a run-together text). */
const ENACTING_INSIDE = /(?:^|\s)(The (?:[A-Z][\w-]*|of|the|and|on|for)(?: (?:[A-Z][\w-]*|of|the|and|on|for)){0,9},)(?=\s)/

/** A clause's end before a capital, a paragraph number or a note's asterisk. */
const CLAUSE_END = /(?<=[,;:.]) (?=\p{Lu}|\d{1,3}\.\s|\*+\s)/u

export function isRunTogether(lines: readonly string[]): boolean {
  return lines.some((line) => line.length > RUN_TOGETHER)
}

/** The lines a run-together text should have had; other lines are kept as they are. */
export function separateRunTogether(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    if (line.length <= RUN_TOGETHER) return [line]
    const enacting = ENACTING_INSIDE.exec(line)
    if (!enacting) return line.split(CLAUSE_END)
    const start = enacting.index + enacting[0].length - enacting[1]!.length
    const before = line.slice(0, start).trim()
    const after = line.slice(start + enacting[1]!.length).trim()
    return [...(before ? [before] : []), enacting[1]!, ...after.split(CLAUSE_END)]
  })
}
