/**
 * Reads a Word (.docx) zero draft into a ResolutionDraft.
 *
 * mammoth reads the file; its text then goes through the very recogniser used for pasted text
 * (parseResolutionText), so a .docx and the same words pasted give the same paragraphs. What Word
 * knows and plain text does not is put back around that:
 *
 * - Word's automatic numbering is not in the text (mammoth reports a list level instead), so a
 *   numbered paragraph after the enacting line gets the marker it shows in Word: "1." at the first
 *   level, "(a)" at the second, "(i)" at the third. The recogniser turns those into OPs and
 *   sub-paragraphs exactly as when they are typed.
 * - Italics: each recognised paragraph is found again in the text fed to the recogniser and takes
 *   the italics of those characters, except inside the opening words, which the editor sets in
 *   italics itself (openingWords.ts): only italics a reader could not infer are stored.
 * - Footnotes: Word's footnotes and endnotes become the paragraph's footnotes, each at the offset
 *   where its reference stands, their text kept out of the text the recogniser reads (square
 *   brackets in the text would mean, in UN practice, words not yet agreed).
 *
 * mammoth's document model is read through its `transformDocument` hook, which its README calls
 * unstable between versions: mammoth is pinned (1.13.0) and docxImport.test.ts covers every
 * element read here.
 */
import mammoth from 'mammoth'
import { MAX_PASTED_TEXT, MAX_PASTED_TEXT_SHOWN } from '../../shared/api/documents'
import { openingLength } from '../../shared/paragraphs/openingWords'
import { isEnactingLine, parseResolutionText } from '../../shared/paragraphs/parseResolutionText'
import type { DraftParagraph, Footnote, ItalicRange, ResolutionDraft } from '../../shared/paragraphs/types'
import { checkDocxArchive, DocxImportError, fileLabel } from './docxArchive'
import { toLetter, toRoman } from '../../shared/paragraphs/numbering'

export { DocxImportError } from './docxArchive'

/**
 * A line of text with, for each UTF-16 code unit, whether it is set in italics, and the notes
 * referenced in it (at the offset in `text` where each reference stands).
 */
export interface StyledLine {
  text: string
  italic: boolean[]
  notes: Footnote[]
}

const emptyLine = (): StyledLine => ({ text: '', italic: [], notes: [] })

/** One Word paragraph: its lines (split at manual line breaks) and its list level if Word numbers it. */
export interface DocxParagraph {
  lines: StyledLine[]
  /** 0, 1, 2 … for a paragraph in a numbered (not bulleted) list; null otherwise. */
  listLevel: number | null
}

/** The message for a file the reader fails on. */
export const unreadable = (fileName?: string) =>
  `${fileLabel(fileName)} could not be read as a Word document. Open it in Word, save it again as “Word Document (.docx)” and import the new copy, or paste its text instead.`

// ---- mammoth's document model (the subset read here) ----

interface MammothElement {
  type: string
  children?: MammothElement[]
  value?: string
  isItalic?: boolean
  styleName?: string | null
  numbering?: { level?: string | number; isOrdered?: boolean } | null
  body?: MammothElement[]
}

interface MammothNotes {
  resolve(reference: MammothElement): MammothElement | null
}

/**
 * The paragraphs of a .docx in reading order (table cells flattened), with italics, notes and
 * list levels. Checks the archive first (DocxImportError for a bad file).
 */
export async function readDocx(bytes: Uint8Array, { fileName }: { fileName?: string } = {}): Promise<DocxParagraph[]> {
  checkDocxArchive(bytes, fileName)
  let document: (MammothElement & { notes?: MammothNotes }) | undefined
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (read: MammothElement) => {
          document = read
          return { ...read, children: [] } // the HTML is not needed
        },
      },
    )
  } catch {
    document = undefined
  }
  if (!document || !Array.isArray(document.children)) throw new DocxImportError(unreadable(fileName))
  const notes = document.notes && typeof document.notes.resolve === 'function' ? document.notes : null
  const paragraphs: DocxParagraph[] = []
  collectParagraphs(document.children, notes, paragraphs)
  return paragraphs
}

function collectParagraphs(elements: MammothElement[], notes: MammothNotes | null, out: DocxParagraph[]): void {
  for (const element of elements) {
    if (element.type === 'paragraph') out.push(readParagraph(element, notes))
    else if (element.children) collectParagraphs(element.children, notes, out) // tables, rows, cells
  }
}

function readParagraph(paragraph: MammothElement, notes: MammothNotes | null): DocxParagraph {
  const builder = new LineBuilder()
  for (const child of paragraph.children ?? []) readInline(child, false, builder, notes)
  const numbering = paragraph.numbering
  const level = Number(numbering?.level ?? 0)
  return {
    lines: builder.finish().map(normaliseLine),
    listLevel: numbering && numbering.isOrdered !== false ? (Number.isFinite(level) && level >= 0 ? level : 0) : null,
  }
}

class LineBuilder {
  private lines: StyledLine[] = []
  private current = emptyLine()

  add(text: string, italic: boolean): void {
    this.current.text += text
    for (let i = 0; i < text.length; i += 1) this.current.italic.push(italic)
  }

  newLine(): void {
    this.lines.push(this.current)
    this.current = emptyLine()
  }

  addNote(text: string): void {
    this.current.notes.push({ offset: this.current.text.length, text })
  }

  finish(): StyledLine[] {
    this.newLine()
    return this.lines
  }
}

function readInline(element: MammothElement, italic: boolean, builder: LineBuilder, notes: MammothNotes | null): void {
  switch (element.type) {
    case 'text':
      builder.add(element.value ?? '', italic)
      return
    case 'tab':
      builder.add(' ', italic)
      return
    case 'break':
      builder.newLine()
      return
    case 'noteReference': {
      const note = notes?.resolve(element)
      const text = note ? noteText(note) : ''
      if (text) builder.addNote(text)
      return
    }
    case 'run': {
      const runItalic = Boolean(element.isItalic) || /^emphasis$/i.test(element.styleName ?? '')
      for (const child of element.children ?? []) readInline(child, runItalic, builder, notes)
      return
    }
    default:
      // hyperlinks and other wrappers; images, checkboxes and comment marks have no children
      for (const child of element.children ?? []) readInline(child, italic, builder, notes)
  }
}

/** A footnote's paragraphs as one line of plain text (notes inside notes are left out). */
function noteText(note: MammothElement): string {
  return (note.body ?? [])
    .flatMap((paragraph) => (paragraph.type === 'paragraph' ? readParagraph(paragraph, null).lines : []))
    .map((line) => line.text)
    .filter((text) => text !== '')
    .join(' ')
}

/**
 * The recogniser's own normalisation of a line (no zero-width characters, runs of white space as
 * one space, trimmed), applied here first so that its output can be found again in this text. A
 * note referenced after a space moves back to the word before it.
 */
function normaliseLine(line: StyledLine): StyledLine {
  const out = emptyLine()
  let space: boolean | null = null // the italic flag of a pending space
  let note = 0
  const placeNotes = (upTo: number) => {
    for (; note < line.notes.length && line.notes[note].offset <= upTo; note += 1) {
      out.notes.push({ ...line.notes[note], offset: out.text.length })
    }
  }
  for (let i = 0; i < line.text.length; i += 1) {
    placeNotes(i)
    const char = line.text[i]
    if (char === '\u200b' || char === '\ufeff') continue
    if (/\s/.test(char)) {
      space ??= line.italic[i]
      continue
    }
    if (space !== null && out.text !== '') {
      out.text += ' '
      out.italic.push(space)
    }
    space = null
    out.text += char
    out.italic.push(line.italic[i])
  }
  placeNotes(Infinity)
  return out
}

/** `line` with `prefix` (not italic) in front of it. */
function prefixed(prefix: string, line: StyledLine): StyledLine {
  return {
    text: prefix + line.text,
    italic: [...Array.from(prefix, () => false), ...line.italic],
    notes: line.notes.map((note) => ({ ...note, offset: note.offset + prefix.length })),
  }
}

function joinLines(lines: StyledLine[], separator: string): StyledLine {
  const joined = emptyLine()
  lines.forEach((line, i) => {
    const next = i > 0 ? prefixed(separator, line) : line
    for (const note of next.notes) joined.notes.push({ ...note, offset: note.offset + joined.text.length })
    joined.text += next.text
    for (const italic of next.italic) joined.italic.push(italic)
  })
  return joined
}

// ---- from Word paragraphs to a draft ----

/** The marker Word displays for the n-th item (0-based) at a list level, as UN drafts number them. */
function listMarker(level: number, index: number): string {
  if (level === 0) return `${index + 1}.`
  if (level === 1) return `(${toLetter(index + 1)})`
  return `(${toRoman(index + 1)})`
}

/** Adds the displayed marker to Word-numbered paragraphs; counters restart under each higher level. */
function withListMarkers(paragraphs: DocxParagraph[]): StyledLine[][] {
  const counters = [0, 0, 0]
  return paragraphs.map(({ lines, listLevel }) => {
    if (listLevel === null || lines.every((line) => line.text === '')) {
      counters[1] = 0
      counters[2] = 0
      return lines
    }
    const level = Math.min(listLevel, 2)
    const marker = listMarker(level, counters[level])
    counters[level] += 1
    for (let deeper = level + 1; deeper < counters.length; deeper += 1) counters[deeper] = 0
    const [first, ...rest] = lines
    return [prefixed(`${marker} `, first), ...rest]
  })
}

/** The text handed to the recogniser, and the body (after the enacting line) with its italics and notes. */
export function recogniserInput(paragraphs: DocxParagraph[]): { text: string; body: StyledLine } | null {
  const p = paragraphs.findIndex((paragraph) => paragraph.lines.some((line) => isEnactingLine(line.text)))
  if (p < 0) return null
  const l = paragraphs[p].lines.findIndex((line) => isEnactingLine(line.text))
  // The heading is given line by line, as a paste from Word gives it; every Word paragraph of the
  // body is a paragraph of its own, so the body's are separated by blank lines.
  const heading = [...paragraphs.slice(0, p).flatMap((paragraph) => paragraph.lines), ...paragraphs[p].lines.slice(0, l + 1)]
  const rest = paragraphs[p].lines.slice(l + 1)
  const body = [...(rest.length > 0 ? [rest] : []), ...withListMarkers(paragraphs.slice(p + 1))]
  const text = [heading.map((line) => line.text).join('\n'), ...body.map((lines) => lines.map((line) => line.text).join('\n'))].join('\n\n')
  return { text, body: joinLines(body.flat(), ' ') }
}

/** The italic ranges of text[from, to), trimmed of white space. */
function rangesIn(source: StyledLine, from: number, to: number): ItalicRange[] {
  const ranges: ItalicRange[] = []
  let start = -1
  for (let i = from; i <= to; i += 1) {
    const on = i < to && source.italic[i]
    if (on && start < 0) start = i
    if (!on && start >= 0) {
      let [a, b] = [start, i]
      while (a < b && /\s/.test(source.text[a])) a += 1
      while (b > a && /\s/.test(source.text[b - 1])) b -= 1
      if (a < b) ranges.push([a - from, b - from])
      start = -1
    }
  }
  return ranges
}

/** Italics minus the opening words of a PP or OP, which the editor italicises by itself. */
function beyondOpening(paragraph: DraftParagraph, ranges: ItalicRange[]): ItalicRange[] {
  if (paragraph.kind === 'op' && paragraph.level > 0) return ranges
  const opening = openingLength(paragraph.text, paragraph.kind)
  return ranges.flatMap(([from, to]): ItalicRange[] => {
    let start = Math.max(from, opening)
    while (start < to && /\s/.test(paragraph.text[start])) start += 1
    return start < to ? [[start, to]] : []
  })
}

/**
 * Gives each recognised paragraph the italics and notes of its words in the Word file. A note
 * referenced at the very end of a paragraph (after its last comma, as the UN prints them) is
 * that paragraph's: the next one starts after the separating space.
 */
function withWordFormatting(paragraphs: DraftParagraph[], body: StyledLine): DraftParagraph[] {
  let cursor = 0
  return paragraphs.map((paragraph) => {
    const at = paragraph.text ? body.text.indexOf(paragraph.text, cursor) : -1
    if (at < 0) return paragraph // not found verbatim (the recogniser dropped a line inside it): plain text
    cursor = at + paragraph.text.length
    const italics = beyondOpening(paragraph, rangesIn(body, at, cursor))
    const footnotes = body.notes
      .filter((note) => note.offset >= at && note.offset <= cursor)
      .map((note) => ({ ...note, offset: note.offset - at }))
    return {
      ...paragraph,
      ...(italics.length > 0 && { italics }),
      ...(footnotes.length > 0 && { footnotes }),
    }
  })
}

/**
 * Reads a .docx zero draft: heading, title, enacting line, PPs, OPs and sub-paragraphs, with
 * italics and footnotes. Throws DocxImportError (with a message saying what to do) for a file that
 * is not a .docx, is damaged or too large, or holds no recognisable resolution.
 */
export async function draftFromDocx(bytes: Uint8Array, { fileName }: { fileName?: string } = {}): Promise<ResolutionDraft> {
  const paragraphs = await readDocx(bytes, { fileName })
  const file = fileLabel(fileName)
  const inFile = fileLabel(fileName, { inSentence: true })
  const input = recogniserInput(paragraphs)
  if (!input) {
    const empty = paragraphs.every((paragraph) => paragraph.lines.every((line) => line.text === ''))
    throw new DocxImportError(
      empty
        ? `${file} has no text. Choose the Word file of the draft resolution.`
        : `No enacting line such as “The General Assembly,” was found in ${inFile}, so its paragraphs cannot be told apart from its heading. Put the enacting line on a line of its own after the title, save, and import the file again (or paste the text instead).`,
    )
  }
  if (input.text.length > MAX_PASTED_TEXT) {
    throw new DocxImportError(
      `${file} holds more text than a resolution may have (${MAX_PASTED_TEXT_SHOWN} characters).`,
      413,
    )
  }
  const draft = parseResolutionText(input.text)
  if (!draft.paragraphs.some((paragraph) => paragraph.text !== '')) {
    throw new DocxImportError(
      `No paragraphs were found after “${draft.enacting}” in ${inFile}. Put the preambular and operative paragraphs after that line, save, and import the file again.`,
    )
  }
  return { ...draft, paragraphs: withWordFormatting(draft.paragraphs, input.body) }
}
