/**
 * The clean text as Akoma Ntoso 3.0 XML, modelled as the UN's AKN4UN guidelines model a General
 * Assembly resolution: a `<statement name="resolution">` with
 *
 *   - `<meta>`: FRBR identification (Work, Expression, Manifestation; the "country" of UN
 *     documents is `un`), the General Assembly and Penholder as TLC references, and a
 *     `<proprietary>` block naming the resolution, the version and each paragraph's id
 *     (`<penholder:paragraph href="#para_5" id="p-…"/>`, in document order);
 *   - `<preface>`: symbol (`docNumber`), session, agenda item, sponsors (`docProponent`), title;
 *   - `<preamble>`: the enacting formula, then one `<container>` per preambular paragraph;
 *   - `<mainBody>`: one `<paragraph>` per operative paragraph with its `<num>`; sub-paragraphs as a
 *     `<list>` of `<point>`s (sub-sub-paragraphs as a list inside the point).
 *
 * `eId`s follow the numbering (`preamble__container_3`, `para_5`, `para_5__point_b`,
 * `para_5__point_b__point_ii`), so they change when paragraphs are renumbered; the paragraph's own
 * id, which never changes, is its `GUID` (and is repeated in the proprietary map), so that an
 * import can line paragraphs up again. Every piece of text is escaped, and characters XML cannot
 * carry at all (control characters) are dropped.
 */
import type { ResolutionReading } from '../../shared/paragraphs/readResolution'
import type { Language, Paragraph } from '../../shared/paragraphs/types'
import { masthead } from './masthead'
import { isNote, paragraphPieces } from './textPieces'
import { xmlSafe } from './xmlText'

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
/** The namespace of Penholder's own metadata inside `<proprietary>`. */
export const PENHOLDER_AKN_NAMESPACE = 'urn:x-penholder:akn:1'
export interface AknMeta {
  documentId: string
  /** The version exported; absent for the live text. */
  versionId?: string
  /** ISO 8601 date-time, e.g. `new Date().toISOString()`. */
  generatedAt: string
}

/** ISO 639-2 codes, as FRBRlanguage and the expression's URI name languages. */
const ISO_639_2: Record<Language, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', zh: 'zho', ar: 'ara' }

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Safe in text and in quoted attribute values. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch)
}

/** An id attribute value (eId, GUID) may hold no whitespace. */
const idValue = (text: string): string => escapeXml(text.replace(/\s+/g, '_'))

interface Node {
  paragraph: Paragraph
  eId: string
  children: Node[]
}

/** Where each paragraph lands in the XML: its eId, derived from the numbering. */
export interface AknParagraphRef {
  id: string
  eId: string
}

export function renderAkn(reading: ResolutionReading, meta: AknMeta): string {
  const pps = reading.paragraphs.filter((p) => p.kind === 'pp')
  const tree = operativeTree(reading.paragraphs.filter((p) => p.kind !== 'pp'))
  const refs: AknParagraphRef[] = [
    ...pps.map((p, i) => ({ id: p.id, eId: ppEId(i) })),
    ...flatten(tree).map((node) => ({ id: node.paragraph.id, eId: node.eId })),
  ]
  const guids = uniqueGuids(refs)
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NAMESPACE}">
  <statement name="resolution">
${renderMeta(reading, meta, refs)}
${renderPreface(reading)}
    <preamble>
      <formula name="enactingFormula">
        <p>${escapeXml(masthead(reading).enacting)}</p>
      </formula>
${pps.map((p, i) => renderPp(p, i, guids)).join('\n')}
    </preamble>
    <mainBody>
${tree.length ? tree.map((node) => renderOp(node, guids, 6)).join('\n') : '      <p/>'}
    </mainBody>
  </statement>
</akomaNtoso>
`
}

const ppEId = (index: number) => `preamble__container_${index + 1}`

/** "5 (b) (ii)" → "ii": the last part of the reference, as the eId uses it. */
function numberPart(p: Paragraph): string {
  const parts = p.number.match(/\(([^)]*)\)/g)
  if (p.kind === 'sub' && parts?.length) return parts[parts.length - 1].slice(1, -1)
  return p.number
}

/** Operative paragraphs with their sub-paragraphs under them, as the numbering nests them. */
function operativeTree(ops: readonly Paragraph[]): Node[] {
  const roots: Node[] = []
  let op: Node | undefined
  let sub: Node | undefined
  ops.forEach((paragraph) => {
    const depth = paragraph.kind === 'sub' ? Math.min((paragraph.number.match(/\(/g) ?? []).length, 2) : 0
    if (depth === 0 || !op) {
      op = { paragraph, eId: `para_${roots.length + 1}`, children: [] }
      roots.push(op)
      sub = undefined
    } else if (depth === 1 || !sub) {
      sub = { paragraph, eId: `${op.eId}__point_${idValue(numberPart(paragraph) || String(op.children.length + 1))}`, children: [] }
      op.children.push(sub)
    } else {
      sub.children.push({ paragraph, eId: `${sub.eId}__point_${idValue(numberPart(paragraph) || String(sub.children.length + 1))}`, children: [] })
    }
  })
  return roots
}

const flatten = (nodes: readonly Node[]): Node[] => nodes.flatMap((node) => [node, ...flatten(node.children)])

/** The schema wants GUIDs unique: a paragraph id is recorded on its first paragraph only. */
function uniqueGuids(refs: readonly AknParagraphRef[]): Map<string, string> {
  const byEId = new Map<string, string>()
  const seen = new Set<string>()
  for (const { id, eId } of refs) {
    if (!id.trim() || seen.has(id)) continue
    seen.add(id)
    byEId.set(eId, id)
  }
  return byEId
}

const guidAttr = (guids: ReadonlyMap<string, string>, eId: string) => {
  const id = guids.get(eId)
  return id ? ` GUID="${idValue(id)}"` : ''
}

/** "A/C.3/74/L.31/Rev.1" → "A-C.3-74-L.31-Rev.1": a component of an FRBR URI. */
function uriComponent(text: string): string {
  return text
    .trim()
    .replace(/[\s/\\]+/g, '-')
    .replace(/[^\p{L}\p{N}._~-]/gu, '')
    .replace(/^-+|-+$/g, '')
}

function renderMeta(reading: ResolutionReading, meta: AknMeta, refs: readonly AknParagraphRef[]): string {
  const day = meta.generatedAt.slice(0, 10)
  const number = uriComponent(reading.heading.symbol) || uriComponent(meta.documentId) || 'draft'
  const work = `/akn/un/statement/resolution/unga/${day}/${number}`
  const language = ISO_639_2[reading.language]
  const expression = `${work}/${language}@${day}`
  const versionNumber = meta.versionId ? `\n          <FRBRversionNumber value="${escapeXml(meta.versionId)}"/>` : ''
  const symbol = reading.heading.symbol.trim()
  const workNumber = symbol ? `\n          <FRBRnumber value="${escapeXml(symbol)}"/>` : ''
  const versionAttr = meta.versionId ? ` version="${escapeXml(meta.versionId)}"` : ''
  return `    <meta>
      <identification source="#penholder">
        <FRBRWork>
          <FRBRthis value="${escapeXml(`${work}/!main`)}"/>
          <FRBRuri value="${escapeXml(work)}"/>
          <FRBRdate date="${escapeXml(day)}" name="draft"/>
          <FRBRauthor href="#unga"/>
          <FRBRcountry value="un"/>
          <FRBRsubtype value="resolution"/>${workNumber}
          <FRBRname value="draft resolution"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="${escapeXml(`${expression}/!main`)}"/>
          <FRBRuri value="${escapeXml(expression)}"/>
          <FRBRdate date="${escapeXml(day)}" name="version"/>
          <FRBRauthor href="#unga"/>${versionNumber}
          <FRBRlanguage language="${language}"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="${escapeXml(`${expression}/!main.xml`)}"/>
          <FRBRuri value="${escapeXml(`${expression}.akn`)}"/>
          <FRBRdate date="${escapeXml(meta.generatedAt)}" name="generation"/>
          <FRBRauthor href="#penholder"/>
        </FRBRManifestation>
      </identification>
      <references source="#penholder">
        <TLCOrganization eId="unga" href="/akn/ontology/organizations/un/unga" showAs="General Assembly of the United Nations" shortForm="UNGA"/>
        <TLCOrganization eId="penholder" href="/akn/ontology/organizations/penholder" showAs="Penholder"/>
        <TLCRole eId="sponsor" href="/akn/ontology/roles/un/sponsor" showAs="Sponsor"/>
      </references>
      <proprietary source="#penholder">
        <penholder:resolution xmlns:penholder="${PENHOLDER_AKN_NAMESPACE}" document="${escapeXml(meta.documentId)}"${versionAttr} generatedAt="${escapeXml(meta.generatedAt)}">
${refs.map((ref) => `          <penholder:paragraph href="#${escapeXml(ref.eId)}" id="${escapeXml(ref.id)}"/>`).join('\n')}
        </penholder:resolution>
      </proprietary>
    </meta>`
}

/** "Norway, Ireland and Mexico: draft resolution": the States are the proponents. */
function renderSponsors(line: string): string {
  const match = /^(.*?)(\s*:\s*(?:revised\s+)?draft\s+resolution.*)$/is.exec(line)
  if (!match || !match[1].trim()) return `<docProponent as="#sponsor">${escapeXml(line)}</docProponent>`
  return `<docProponent as="#sponsor">${escapeXml(match[1])}</docProponent>${escapeXml(match[2])}`
}

/**
 * The heading as masthead.ts prints it: the symbol, the distribution block, then session,
 * committee, agenda item and title, sponsors, the adoption record, and the title.
 */
function renderPreface(reading: ResolutionReading): string {
  const head = masthead(reading)
  const line = (name: string, inner: string) => `<p class="${name}">${inner}</p>`
  const lines = [
    head.symbol ? line('symbol', `<docNumber>${escapeXml(head.symbol)}</docNumber>`) : '',
    head.organ ? line('organ', `<docAuthority>${escapeXml(head.organ)}</docAuthority>`) : '',
    ...head.distribution.map((text) => line('distribution', escapeXml(text))),
    ...head.lines.map((heading) => {
      if (heading.field === 'session') return line('session', `<session>${escapeXml(heading.text)}</session>`)
      if (heading.field === 'sponsors') return line('sponsors', renderSponsors(heading.text))
      return line(heading.field, `<inline name="${heading.field}">${escapeXml(heading.text)}</inline>`)
    }),
    line('title', `<docTitle>${escapeXml(head.title)}</docTitle>`),
  ].filter(Boolean)
  return `    <preface>
${lines.map((text) => `      ${text}`).join('\n')}
    </preface>`
}

/**
 * The opening words in italics, as the UN prints them ("*Recalling* its resolution …"), and each
 * footnote as an `<authorialNote>` where its marker stands.
 */
function renderText(p: Paragraph): string {
  return paragraphPieces(p)
    .map((piece) => {
      if (isNote(piece)) {
        const { number, text } = piece.note
        return `<authorialNote marker="${number}" placement="bottom" eId="fnt_${number}"><p>${escapeXml(text)}</p></authorialNote>`
      }
      return piece.italics ? `<i>${escapeXml(piece.text)}</i>` : escapeXml(piece.text)
    })
    .join('')
}

function renderPp(p: Paragraph, index: number, guids: ReadonlyMap<string, string>): string {
  const eId = ppEId(index)
  return `      <container name="preambularParagraph" eId="${eId}"${guidAttr(guids, eId)}>
        <p>${renderText(p)}</p>
      </container>`
}

const num = (node: Node): string => {
  const { paragraph } = node
  if (paragraph.kind === 'op') return paragraph.number ? `${paragraph.number}.` : ''
  return paragraph.number.match(/\([^)]*\)$/)?.[0] ?? paragraph.number
}

/**
 * An operative paragraph (or a point) with its text as `<content>`; when it has sub-paragraphs,
 * its text is the `<intro>` of a `<list>` that holds them as points.
 */
function renderOp(node: Node, guids: ReadonlyMap<string, string>, indent: number): string {
  const pad = ' '.repeat(indent)
  const element = node.paragraph.kind === 'op' ? 'paragraph' : 'point'
  const number = num(node)
  const head = `${pad}<${element} eId="${node.eId}"${guidAttr(guids, node.eId)}>${number ? `\n${pad}  <num>${escapeXml(number)}</num>` : ''}`
  if (node.children.length === 0) {
    return `${head}
${pad}  <content>
${pad}    <p>${renderText(node.paragraph)}</p>
${pad}  </content>
${pad}</${element}>`
  }
  const listEId = `${node.eId}__list_1`
  return `${head}
${pad}  <list eId="${listEId}">
${pad}    <intro>
${pad}      <p>${renderText(node.paragraph)}</p>
${pad}    </intro>
${node.children.map((child) => renderOp(child, guids, indent + 4)).join('\n')}
${pad}  </list>
${pad}</${element}>`
}
