import { createHash } from 'node:crypto'
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib'

/**
 * How the bytes of a row of the update log are compressed. Single updates are stored as they
 * came (`none`: a few dozen bytes each, nothing to gain). Compacted states were deflated by an
 * earlier build of this store (`deflate`, still read) and are now Brotli-compressed (`brotli`).
 */
export type Compression = 'none' | 'deflate' | 'brotli'

/**
 * Brotli with its largest window rather than deflate's 32 KB, because a compacted v1 state
 * repeats itself over long distances (client ids, clocks, the text). The 1.30 MB v1 state of
 * 50,000 typing updates (bench/storageSize.ts): deflate level 1 562 KB in ~30 ms; Brotli quality
 * 5 470 KB in ~40 ms of CPU, and it decompresses in ~5 ms rather than ~15 (the first client
 * after a restart waits for that). Quality 9 saves 2 % more in four times as long, quality 11
 * 17 % in sixty times as long: too slow for the room's thread, where compaction runs.
 */
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS },
}

export function compressState(state: Uint8Array): Buffer {
  return brotliCompressSync(state, { ...BROTLI, params: { ...BROTLI.params, [constants.BROTLI_PARAM_SIZE_HINT]: state.length } })
}

export function decompress(data: Buffer, compression: Compression): Buffer {
  switch (compression) {
    case 'none':
      return data
    case 'deflate':
      return inflateRawSync(data)
    case 'brotli':
      return brotliDecompressSync(data)
  }
}

/**
 * What identical encoded states are recognised by, so that a checkpoint of the state the log was
 * just compacted into (or the other way round) is stored once. SHA-256: about 1 ms for 1.3 MB.
 */
export const stateHash = (state: Uint8Array): Buffer => createHash('sha256').update(state).digest()
