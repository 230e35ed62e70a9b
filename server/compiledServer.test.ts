import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { zeroDraftDocx } from './test/docxFixtures'
import { connect, createDocument, synced, withToken } from './test/testServer'

/**
 * The server as `npm start` runs it: built by Vite into plain JavaScript (the server, then its
 * workers), started with no TypeScript loader. An idle server must not load the packages that
 * read and write Word and PDF files, and the workers that do must start from the built files.
 */
const WORKER_ONLY = ['mammoth', 'docx', 'pdfkit', 'fflate', 'wawoff2']

let outDir: string
let dataDir: string

beforeAll(async () => {
  // Inside the project, where the built files find node_modules as dist/server does.
  mkdirSync('node_modules/.cache', { recursive: true })
  outDir = mkdtempSync(resolve('node_modules/.cache/penholder-built-'))
  dataDir = mkdtempSync(join(tmpdir(), 'penholder-test-'))
  const configFile = resolve('vite.config.ts')
  await build({ configFile, logLevel: 'silent', build: { ssr: true, outDir, emptyOutDir: true } })
  await build({ configFile, logLevel: 'silent', mode: 'workers', build: { ssr: true, outDir, emptyOutDir: false } })
}, 60_000)
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

/** Every package a built file imports when it loads, following its own chunks' static imports. */
function packagesLoadedBy(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  for (const [, specifier] of readFileSync(join(outDir, file), 'utf8').matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["'];?$/gm)) {
    if (specifier.startsWith('./')) for (const name of packagesLoadedBy(specifier.slice(2), seen)) packages.add(name)
    else packages.add(specifier)
  }
  return packages
}

it('loads no Word or PDF package, nor a TypeScript loader, when it starts', () => {
  const loaded = [...packagesLoadedBy('main.js')]
  expect(loaded).toContain('better-sqlite3')
  expect(loaded.filter((name) => WORKER_ONLY.includes(name.split('/')[0]) || name.startsWith('tsx'))).toEqual([])
  expect(packagesLoadedBy('docxWorker.js')).toContain('mammoth')
  expect(packagesLoadedBy('exportWorker.js')).toContain('docx')
})

it('syncs a room, and makes and reads Word files on workers started from the built files', async () => {
  const child = spawn(process.execPath, [join(outDir, 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const url = await new Promise<string>((found, failed) => {
      let output = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /running at (http:\/\/\S+)/.exec(output)
        if (match) found(match[1])
      })
      child.once('exit', (code) => failed(new Error(`the built server exited (${code}): ${output}`)))
    })
    const { id, token } = await createDocument(url, { title: 'Built', text: 'The General Assembly,\nRecalling,\n1. Decides;' })
    const { doc, provider } = connect(`${url.replace('http', 'ws')}/collab`, id, token)
    try {
      await synced(provider)
      expect(doc.getXmlFragment('default').toString()).toContain('Decides;')
    } finally {
      provider.destroy()
    }

    const exported = await withToken(url, token)(`/api/documents/${id}/export?format=docx&view=clean`)
    expect(exported.status).toBe(200)
    // A .docx is a zip archive.
    expect(Buffer.from(await exported.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')

    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await zeroDraftDocx())]), 'zero-draft.docx')
    const preview = await fetch(`${url}/api/documents/import/preview`, { method: 'POST', body: form })
    expect(preview.status).toBe(200)
    expect((await preview.json()).draft.paragraphs.length).toBeGreaterThan(0)
  } finally {
    child.kill()
  }
}, 60_000)
