import { useMemo, useRef } from 'react'
import { type CompiledParagraph, compileText } from '../../shared/amendments/compile'
import type { Amendment } from '../../shared/amendments/types'
import type { Paragraph } from '../../shared/paragraphs/types'

interface Compiled {
  proposals: readonly Amendment[]
  compiled: CompiledParagraph
}

const NONE: readonly Amendment[] = []

/**
 * Every paragraph compiled with the proposals on it, by the compilation's own rule. A paragraph is
 * compiled again only when its reading or its proposals changed: while someone types, that is the
 * one paragraph under their cursor, not the five hundred redlines of the whole text.
 */
export function useCompiledParagraphs(paragraphs: readonly Paragraph[], amendments: readonly Amendment[]): CompiledParagraph[] {
  const byParagraph = useMemo(() => {
    const groups = new Map<string, Amendment[]>()
    for (const amendment of amendments) groups.set(amendment.paragraphId, [...(groups.get(amendment.paragraphId) ?? []), amendment])
    return groups
  }, [amendments])
  const cache = useRef(new WeakMap<Paragraph, Compiled>())
  return useMemo(
    () =>
      paragraphs.map((paragraph) => {
        const proposals = byParagraph.get(paragraph.id) ?? NONE
        const known = cache.current.get(paragraph)
        if (known?.proposals === proposals) return known.compiled
        const compiled = compileText([paragraph], proposals).paragraphs[0]!
        cache.current.set(paragraph, { proposals, compiled })
        return compiled
      }),
    [paragraphs, byParagraph],
  )
}
