import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib'
import * as Y from 'yjs'
import type { Paragraph } from '../../shared/paragraphs/types'

/**
 * How a version row holds its content. `v1-json` (the first schema): the v1 state in `state`, the
 * paragraphs as JSON text in `paragraphs`. `v2-bundle`: `state` holds one Brotli stream of the
 * v2 state followed by the paragraphs' JSON, and `paragraphs` is empty. `log`: the state is the
 * document's compacted update log row `log_seq` (the same state, stored once: see the store's
 * compaction), and `state` holds the paragraphs' JSON alone, Brotli-compressed; when the log moves
 * on, the version is packed into a `v2-bundle` of its own.
 *
 * One stream rather than two because the paragraphs repeat the text the state holds: a text of
 * 60,000 characters is seen twice, about 90 KB apart, further than deflate's 32 KB window reaches
 * but well inside Brotli's. A 300-paragraph version (bench/storageSize.ts): 196 KB as v1 + JSON,
 * 41 KB as two deflated parts, 25 KB as one bundle.
 */
export type VersionFormat = 'v1-json' | 'v2-bundle' | 'log'

/**
 * A checkpoint is taken on the request that accepts a proposal: quality 5 packs a 300-paragraph
 * version in tens of milliseconds; quality 9 saves another 8 % in six times as long.
 */
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS },
}

/** Width of the state's length, written before the state. */
const LENGTH_BYTES = 4

export function packVersion(stateV1: Uint8Array, paragraphs: readonly Paragraph[]): Buffer {
  const state = Y.convertUpdateFormatV1ToV2(stateV1)
  const length = Buffer.alloc(LENGTH_BYTES)
  length.writeUInt32BE(state.length)
  return brotliCompressSync(Buffer.concat([length, state, Buffer.from(JSON.stringify(paragraphs))]), BROTLI)
}

/** The content of a `log` version: its paragraphs only. */
export const packParagraphs = (paragraphs: readonly Paragraph[]): Buffer => brotliCompressSync(JSON.stringify(paragraphs), BROTLI)

export interface UnpackedVersion {
  paragraphs: Paragraph[]
  /** The v1 state, decoded on demand: a paragraph's history reads many versions' paragraphs and no state. */
  state: () => Uint8Array
}

/** `logState` reads the v1 state of a `log` version from the update log. */
export function unpackVersion(format: VersionFormat, state: Buffer, paragraphs: string, logState: () => Uint8Array): UnpackedVersion {
  if (format === 'v1-json') return { paragraphs: JSON.parse(paragraphs) as Paragraph[], state: () => new Uint8Array(state) }
  if (format === 'log') return { paragraphs: JSON.parse(brotliDecompressSync(state).toString('utf8')) as Paragraph[], state: logState }
  const bundle = brotliDecompressSync(state)
  const stateEnd = LENGTH_BYTES + bundle.readUInt32BE(0)
  return {
    paragraphs: JSON.parse(bundle.subarray(stateEnd).toString('utf8')) as Paragraph[],
    state: () => Y.convertUpdateFormatV2ToV1(bundle.subarray(LENGTH_BYTES, stateEnd)),
  }
}
