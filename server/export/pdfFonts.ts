/**
 * The fonts the PDF embeds, all from npm packages so a fresh `npm install` has them:
 *
 *   - Tinos (@fontsource/tinos): metric-compatible with Times New Roman, the UN's face, for Latin,
 *     Cyrillic and Greek, in regular, italic, bold and bold italic;
 *   - Amiri (@fontsource/amiri): a Naskh face with full Arabic shaping (fontkit applies its GSUB);
 *   - Noto Serif SC (noto-serif-sc): Chinese, split into about 100 files by Unicode range.
 *
 * Each package describes its files with CSS `@font-face` rules (file, weight, style,
 * unicode-range); those rules are read as a browser reads them, so a character is set in the first
 * face whose range holds it. Only the files a document needs are read, once per process; the
 * WOFF2 files are unpacked to TrueType first, because fontkit's subsetter cannot embed WOFF2 glyphs.
 * pdfkit then embeds only the glyphs used, so a page of Chinese costs kilobytes, not megabytes.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { decompress } from 'wawoff2'

export interface FontStyle {
  bold: boolean
  italic: boolean
}

export interface FontFace {
  /** The file's path: also the name the font is registered under in a document. */
  file: string
  ranges: readonly (readonly [number, number])[]
}

type StyleKey = 'regular' | 'italic' | 'bold' | 'boldItalic'
const styleKey = ({ bold, italic }: FontStyle): StyleKey => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular')

const packageDir = (name: string): string => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`))

/** The CSS files that describe each style, per package, in fallback order. Chinese has no italic. */
const SOURCES: Record<StyleKey, readonly [string, string][]> = {
  regular: [['@fontsource/tinos', '400.css'], ['@fontsource/amiri', '400.css'], ['noto-serif-sc', 'noto_serif_sc_regular/css.css']],
  italic: [['@fontsource/tinos', '400-italic.css'], ['@fontsource/amiri', '400.css'], ['noto-serif-sc', 'noto_serif_sc_regular/css.css']],
  bold: [['@fontsource/tinos', '700.css'], ['@fontsource/amiri', '700.css'], ['noto-serif-sc', 'noto_serif_sc_bold/css.css']],
  boldItalic: [['@fontsource/tinos', '700-italic.css'], ['@fontsource/amiri', '700.css'], ['noto-serif-sc', 'noto_serif_sc_bold/css.css']],
}

/** The `@font-face` rules of a CSS file: each rule's file (WOFF2 preferred, see fontData) and ranges. */
function readFontFaces(css: string, dir: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, rule]) => {
    const urls = [...rule.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1])
    const range = /unicode-range:\s*([^;]+)/.exec(rule)?.[1]
    const url = urls.find((u) => u.endsWith('.woff2')) ?? urls[0]
    if (!url || !range) return []
    return [{ file: join(dir, url), ranges: parseRanges(range) }]
  })
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]] */
function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(from, 16), parseInt(to ?? from, 16)]
  })
}

let faces: Record<StyleKey, FontFace[]> | undefined

function facesOf(style: FontStyle): FontFace[] {
  faces ??= Object.fromEntries(
    Object.entries(SOURCES).map(([key, sources]) => [
      key,
      sources.flatMap(([pkg, css]) => {
        const file = join(packageDir(pkg), css)
        return readFontFaces(readFileSync(file, 'utf8'), dirname(file))
      }),
    ]),
  ) as Record<StyleKey, FontFace[]>
  return faces[styleKey(style)]
}

const covers = (face: FontFace, codePoint: number): boolean => face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)

/**
 * The face a character is set in. A space or a punctuation mark that the previous character's face
 * also has stays in it, so an Arabic phrase stays one run and is shaped as one.
 */
export function faceFor(codePoint: number, style: FontStyle, previous?: FontFace): FontFace {
  const all = facesOf(style)
  if (previous && all.includes(previous) && covers(previous, codePoint) && !/[\p{L}\p{N}]/u.test(String.fromCodePoint(codePoint))) return previous
  return all.find((face) => covers(face, codePoint)) ?? all[0]
}

const loaded = new Map<string, Promise<Buffer>>()
/** wawoff2's decoder shares one buffer between calls: one file at a time, copied out before the next. */
let decoding: Promise<unknown> = Promise.resolve()

function toTrueType(bytes: Buffer): Promise<Buffer> {
  const result = decoding.then(async () => Buffer.from(await decompress(bytes)))
  decoding = result.catch(() => {})
  return result
}

/**
 * The font file as TrueType, ready for pdfkit; read and unpacked once per process. WOFF2 is used
 * rather than WOFF because fontkit inflates a WOFF's tables in JavaScript for every document
 * (seconds for an Arabic page), while an unpacked TrueType file is read as it is.
 */
export function fontData(face: FontFace): Promise<Buffer> {
  let data = loaded.get(face.file)
  if (!data) {
    data = readFile(face.file).then((bytes) => (face.file.endsWith('.woff2') ? toTrueType(bytes) : bytes))
    loaded.set(face.file, data)
  }
  return data
}
