import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin, Rolldown, UserConfig } from 'vite'
import { defineConfig } from 'vitest/config'

const server = process.env.PENHOLDER_SERVER ?? 'http://127.0.0.1:8787'
// In development Vite serves the client and proxies the API and the collaboration socket.
const proxy = {
  // With the slash: /api.ts is the client's own module.
  '/api/': { target: server },
  '/collab': { target: server, ws: true },
}

/** Text files worth compressing; fonts and images in woff2 or png are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml)$/

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each built text file, once, at build time:
 * the server sends them as they are (server/app.ts), at the strongest settings, with no work per
 * request.
 */
function precompress(): Plugin {
  return {
    name: 'penholder:precompress',
    apply: 'build',
    writeBundle({ dir }) {
      const assets = join(dir!, 'assets')
      for (const name of readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue
        const file = join(assets, name)
        const content = readFileSync(file)
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }))
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }))
      }
    },
  }
}

/**
 * room.html: index.html with modulepreload links to the room page's code, which the server sends
 * for /d/… (server/app.ts). A browser opening a room then fetches that code at once, beside the
 * entry, rather than one round trip later, once the entry has run and asked for it.
 */
function roomPage(): Plugin {
  return {
    name: 'penholder:room-page',
    apply: 'build',
    // After Vite has put index.html in the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk')
      const room = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/client/editor/DraftRoom.tsx'))
      const index = bundle['index.html']
      if (!room || index?.type !== 'asset') return this.error('room.html needs index.html and the chunk of client/editor/DraftRoom.tsx')
      // index.html loads the entry already.
      const files = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName))
      const preloads: string[] = []
      const add = (fileName: string) => {
        if (files.has(fileName)) return
        files.add(fileName)
        preloads.push(`<link rel="modulepreload" crossorigin href="/${fileName}">`)
        for (const imported of (bundle[fileName] as Rolldown.OutputChunk).imports) add(imported)
      }
      add(room.fileName)
      const source = String(index.source).replace('</head>', `  ${preloads.join('\n    ')}\n  </head>`)
      this.emitFile({ type: 'asset', fileName: 'room.html', source })
    },
  }
}

/**
 * The server's worker threads. In TypeScript their spawners point at `./<name>.ts`; built, each is
 * `./<name>.js` beside the server's entry.
 */
const SERVER_WORKERS: Record<string, string> = {
  exportWorker: 'server/export/exportWorker.ts',
  docxWorker: 'server/import/docxWorker.ts',
}

function compiledWorkers(): Plugin {
  const pointedAt = new Set<string>()
  return {
    name: 'penholder:compiled-workers',
    // On the TypeScript as written, before it is compiled.
    enforce: 'pre',
    transform(code) {
      let out = code
      for (const name of Object.keys(SERVER_WORKERS)) {
        const source = `new URL('./${name}.ts', import.meta.url)`
        if (!out.includes(source)) continue
        pointedAt.add(name)
        out = out.replaceAll(source, `new URL('./${name}.js', import.meta.url)`)
      }
      return out === code ? null : out
    },
    buildEnd() {
      // A spawner written differently would otherwise start a worker from a file that is not there.
      const missed = Object.keys(SERVER_WORKERS).filter((name) => !pointedAt.has(name))
      if (missed.length) this.error(`no new URL('./<name>.ts', import.meta.url) found for the worker(s) ${missed.join(', ')}`)
    },
  }
}

/**
 * Reading and writing Word and PDF files happens on the workers only. These packages do nothing
 * when imported, so a server module that imports one for its worker's sake (next to something the
 * server itself uses) leaves it out of the server: an idle server never loads them.
 */
const WORKER_ONLY_PACKAGES = new Set(['mammoth', 'fflate', 'docx', 'pdfkit', 'wawoff2'])

/**
 * `vite build --ssr` (the server) and `vite build --ssr --mode workers` (its worker threads): plain
 * JavaScript in dist/server, so that `npm start` runs without a TypeScript loader. Two builds,
 * because modules both use would otherwise be shared as one chunk, which the server would load with
 * every package the workers need.
 *
 * The server's packages are bundled in, only the parts it uses: a few files instead of hundreds of
 * small modules (zod, lib0, hono) leave an idle server about 10 MB smaller. Left in node_modules:
 * better-sqlite3 and ws, which load native add-ons next to their own files, and the workers'
 * packages, which read font and data files next to theirs.
 */
function serverBuild(workers: boolean): UserConfig {
  return {
    root: '.',
    publicDir: false,
    plugins: workers ? [] : [compiledWorkers()],
    ssr: workers ? {} : { noExternal: true, external: ['better-sqlite3', 'ws', ...WORKER_ONLY_PACKAGES] },
    build: {
      ssr: true,
      target: 'node20',
      outDir: 'dist/server',
      // The server's build comes first and clears what an older build left.
      emptyOutDir: !workers,
      rolldownOptions: {
        input: workers ? SERVER_WORKERS : { main: 'server/main.ts' },
        treeshake: { moduleSideEffects: (id, external) => !(external && WORKER_ONLY_PACKAGES.has(id)) },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  }
}

/**
 * The client runs on Preact's React compatibility layer instead of React DOM: the same components
 * and hooks (Tiptap's React bindings included) for about 10 KB of JavaScript instead of 60 KB
 * (gzip), the largest single part of what a browser must fetch before a room opens. Tiptap's
 * bindings take `useSyncExternalStore` from the renderer itself rather than from the CommonJS
 * use-sync-external-store package, and their comparison of selections from shared/deepEqual.ts.
 */
const sourceFile = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const REACT_ON_PREACT = [
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^use-sync-external-store\/shim(?:\/index\.js)?$/, replacement: 'preact/compat' },
  { find: /^use-sync-external-store\/shim\/with-selector(?:\.js)?$/, replacement: sourceFile('client/useSyncExternalStoreWithSelector.ts') },
  { find: /^fast-equals$/, replacement: sourceFile('shared/deepEqual.ts') },
]

/**
 * `react` itself is the compatibility layer too; in the client's tests, with the `act` that React
 * exports and Preact keeps in its test utilities, so that components are tested on the renderer
 * they ship with.
 */
function reactOnPreact(test: boolean): Plugin {
  const forTests = '\0penholder:react-for-tests'
  return {
    name: 'penholder:react-on-preact',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'react') return null
      return test ? forTests : this.resolve('preact/compat', importer, { skipSelf: true })
    },
    load(id) {
      if (id !== forTests) return null
      return ["export * from 'preact/compat'", "export { default } from 'preact/compat'", "export { act } from 'preact/test-utils'"].join('\n')
    },
  }
}

/**
 * lib0/dom.js builds a few type checks when it loads (`$.$custom(…)`); nothing of ours or of
 * Yjs's uses them, but a call might have effects, so the bundler keeps them and, with them, all of
 * lib0/schema.js (2 KB gzip in the room's first download). Marked pure, they go when unused.
 */
function lib0DomChecksArePure(): Plugin {
  return {
    name: 'penholder:lib0-dom-checks-are-pure',
    transform(code, id) {
      if (!id.endsWith('/node_modules/lib0/dom.js')) return null
      return code.replaceAll('= $.$custom(', '= /* @__PURE__ */ $.$custom(')
    },
  }
}

export default defineConfig(({ isSsrBuild, mode }) =>
  isSsrBuild
    ? serverBuild(mode === 'workers')
    : {
        root: 'client',
        plugins: [react(), reactOnPreact(mode === 'test'), lib0DomChecksArePure(), roomPage(), precompress()],
        resolve: { alias: REACT_ON_PREACT },
        // The manifest tells bench/bundleSize.ts which chunks a page loads first.
        // Every browser the editor supports preloads modules itself: no polyfill in the entry.
        build: { outDir: '../dist', emptyOutDir: true, manifest: true, modulePreload: { polyfill: false } },
        server: { proxy },
        test: {
          root: '.',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          testTimeout: 20_000,
          // Bundled like our own code, so that Tiptap's React bindings get the same renderer as the components.
          server: { deps: { inline: ['@tiptap/react'] } },
        },
      },
)
