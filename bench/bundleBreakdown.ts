/**
 * What the JavaScript that opens a room (bench/roomChunks.ts) is made of, as a Markdown table:
 * one row per npm package, and per folder of our own code (client/editor, shared/paragraphs…).
 *
 *   node --import tsx bench/bundleBreakdown.ts           builds the client with source maps into a temporary folder
 *   node --import tsx bench/bundleBreakdown.ts --files   one row per source file instead
 *   node --import tsx bench/bundleBreakdown.ts DIR       reads a build already made with `vite build --sourcemap`
 *
 * Each byte of the minified chunks goes to the source its source map points at (bytes it points
 * nowhere, the bundler's own glue, are a row of their own). Gzip compresses across those borders,
 * so each part's bytes are gzipped on their own and the results scaled to add up to the chunks'
 * real gzip size: a share, not a size each part would have alone.
 */
import { decode } from '@jridgewell/sourcemap-codec'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { roomChunks } from './roomChunks'

const UNMAPPED = '(bundler glue, no source)'
const byFile = process.argv.includes('--files')
const given = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const dist = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'penholder-breakdown-'))

/** The row a source file counts in: its package, or its folder under client/ or shared/. */
function partOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(source)
  if (inPackage) return byFile ? `${inPackage[1]}${inPackage[2] ?? ''}` : inPackage[1]
  const own = relative(process.cwd(), source)
  return byFile ? own : own.replace(/^((?:client|shared)\/[^/]+)\/.*$/, '$1')
}

try {
  if (!given) execFileSync('npx', ['vite', 'build', '--sourcemap', '--emptyOutDir', '--outDir', dist], { stdio: ['ignore', process.stderr, 'inherit'] })
  const parts = new Map<string, string[]>()
  const add = (part: string, text: string) => parts.set(part, [...(parts.get(part) ?? []), text])
  let total = 0
  for (const file of roomChunks(dist)) {
    const path = join(dist, file)
    const code = readFileSync(path, 'utf8')
    total += gzipSync(code).length
    // The bundler's runtime chunk comes without a map: all glue.
    const map = (existsSync(`${path}.map`) ? JSON.parse(readFileSync(`${path}.map`, 'utf8')) : { sources: [], mappings: '' }) as { sources: string[]; mappings: string }
    const sources = map.sources.map((source) => partOf(resolve(dirname(path), source)))
    const lines = code.split('\n')
    decode(map.mappings).forEach((segments, index) => {
      const line = `${lines[index] ?? ''}\n`
      // A segment maps the bytes from its column to the next segment's.
      let from = 0
      let part = UNMAPPED
      for (const segment of segments) {
        add(part, line.slice(from, segment[0]))
        from = segment[0]
        part = segment.length > 1 ? sources[segment[1]!] : UNMAPPED
      }
      add(part, line.slice(from))
    })
  }
  const rows = [...parts].map(([part, texts]) => {
    const text = texts.join('')
    return { part, minified: Buffer.byteLength(text), alone: gzipSync(text).length }
  })
  const alone = rows.reduce((sum, row) => sum + row.alone, 0)
  const kb = (bytes: number) => (bytes / 1024).toFixed(1)
  rows.sort((a, b) => b.alone - a.alone)
  console.log(
    [
      '| part | minified KB | gzip KB (share) |',
      '|---|---:|---:|',
      ...rows.map((row) => `| ${row.part} | ${kb(row.minified)} | ${kb((row.alone / alone) * total)} |`),
      `| **all ${roomChunks(dist).length} chunks** | ${kb(rows.reduce((sum, row) => sum + row.minified, 0))} | **${kb(total)}** |`,
    ].join('\n'),
  )
} finally {
  if (!given) rmSync(dist, { recursive: true, force: true })
}
