/**
 * Checks that an uploaded file is a Word (.docx) archive that is safe to hand to the reader:
 * a zip (PK\x03\x04) with a `word/document.xml`, complete, and small once expanded. Everything
 * here runs before mammoth sees a single byte, so a renamed picture, a truncated download or a
 * zip bomb is refused with a message instead of exhausting the server.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate'
import { MAX_IMPORT_BYTES, MAX_IMPORT_EXPANDED_BYTES, MAX_IMPORT_XML_BYTES } from '../../shared/api/documents'

/** A file the importer refuses, with the message shown to the user and the HTTP status to answer. */
export class DocxImportError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message)
    this.name = 'DocxImportError'
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
/** Word 97–2003 (.doc) and other OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** Compressed bytes fed to the inflater at a time: at most ~1,032 times this comes out per step. */
const INFLATE_STEP = 4096
const MB = 1024 * 1024

/** “minutes.docx” in messages, or “The file” (“the file” inside a sentence) when the upload has no name. */
export function fileLabel(fileName?: string, { inSentence = false } = {}): string {
  const name = fileName?.trim()
  if (name) return `“${name.slice(0, 120)}”`
  return inSentence ? 'the file' : 'The file'
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte)

/** Throws a DocxImportError unless `bytes` is a complete .docx within the size limits. */
export function checkDocxArchive(bytes: Uint8Array, fileName?: string): void {
  const file = fileLabel(fileName)
  if (bytes.length === 0) throw new DocxImportError(`${file} is empty. Choose the Word (.docx) file of the draft.`)
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new DocxImportError(
      `${file} is larger than ${MAX_IMPORT_BYTES / MB} MB, the most an imported Word file may be. Remove pictures from it, or paste its text instead.`,
      413,
    )
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new DocxImportError(
      `${file} is an old Word (.doc) file, not a Word (.docx) file. Open it in Word, save it as “Word Document (.docx)” and import that.`,
    )
  }
  const notWord = new DocxImportError(
    `${file} is not a Word (.docx) file. Save the draft from Word as “Word Document (.docx)”, or paste its text instead.`,
  )
  if (bytes.length < ZIP_MAGIC.length || !startsWith(bytes, ZIP_MAGIC)) throw notWord

  const entries = centralDirectory(bytes, file)
  if (!entries.some((entry) => entry.name === 'word/document.xml')) throw notWord
  checkSizes(sizeOf(entries), file)
  // The directory only says how large the parts are; a crafted archive can say less than it holds.
  // Inflate everything a little at a time, counting, and stop as soon as a limit is passed.
  checkSizes(inflatedSizes(bytes, file), file)
}

interface Sizes {
  /** All parts, expanded. */
  total: number
  /** The XML parts the reader parses (.xml, .rels), expanded. */
  xml: number
}

const isXmlPart = (name: string) => /\.(?:xml|rels)$/i.test(name)

function sizeOf(entries: UnzipFileInfo[]): Sizes {
  const sizes: Sizes = { total: 0, xml: 0 }
  for (const entry of entries) {
    sizes.total += entry.originalSize
    if (isXmlPart(entry.name)) sizes.xml += entry.originalSize
  }
  return sizes
}

const overLimit = ({ total, xml }: Sizes) => total > MAX_IMPORT_EXPANDED_BYTES || xml > MAX_IMPORT_XML_BYTES

function checkSizes(sizes: Sizes, file: string): void {
  if (!overLimit(sizes)) return
  const limit = sizes.total > MAX_IMPORT_EXPANDED_BYTES ? MAX_IMPORT_EXPANDED_BYTES : MAX_IMPORT_XML_BYTES
  const what = limit === MAX_IMPORT_XML_BYTES ? 'its text and formatting take up' : 'it expands to'
  throw new DocxImportError(
    `${file} was not read: ${what} more than ${limit / MB} MB, far more than a resolution needs. Save the draft again as a new Word file, or paste its text instead.`,
    413,
  )
}

const damaged = (file: string) =>
  new DocxImportError(
    `${file} is damaged: it looks like a Word file but could not be read (perhaps it was not completely downloaded). Save it again from Word and import the new copy.`,
  )

/** The names and declared sizes of the archive's parts, read from its central directory. */
function centralDirectory(bytes: Uint8Array, file: string): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = []
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry)
        return false // nothing is expanded here
      },
    })
  } catch {
    throw damaged(file)
  }
  return entries
}

/** The real expanded sizes of the parts, counted until a limit is passed. */
function inflatedSizes(bytes: Uint8Array, file: string): Sizes {
  const sizes: Sizes = { total: 0, xml: 0 }
  let failed = false
  const unzip = new Unzip((entry) => {
    const xml = isXmlPart(entry.name)
    entry.ondata = (error, chunk) => {
      if (error) {
        failed = true
        return
      }
      sizes.total += chunk.length
      if (xml) sizes.xml += chunk.length
    }
    try {
      entry.start()
    } catch {
      failed = true
    }
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !overLimit(sizes) && !failed; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, bytes.length)
      unzip.push(bytes.subarray(at, end), end === bytes.length)
    }
  } catch {
    failed = true
  }
  if (failed && !overLimit(sizes)) throw damaged(file)
  return sizes
}
