import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The room page, as the Vite manifest names it. */
const ROOM_PAGE = 'editor/DraftRoom.tsx'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

/**
 * The JavaScript files (relative to `dist`) a browser needs before a room can be shown: the page's
 * entry chunk, the room page's chunk and every chunk they import statically, from the Vite
 * manifest. Panels and dialogs that load when opened are not among them.
 */
export function roomChunks(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  if (!manifest[ROOM_PAGE]) throw new Error(`${ROOM_PAGE} is not a chunk of its own in the manifest`)
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const imported of manifest[key].imports ?? []) visit(imported)
  }
  for (const key of Object.keys(manifest)) if (manifest[key].isEntry) visit(key)
  visit(ROOM_PAGE)
  return [...seen].map((key) => manifest[key].file)
}
