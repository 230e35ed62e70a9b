/**
 * Validates Akoma Ntoso XML against the OASIS schema with xmllint (Debian `libxml2-utils`), for
 * the tests. The schema lives outside the repository, in `../shared/schemas/akn` beside it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const AKN_SCHEMA = resolve(REPO_ROOT, '../shared/schemas/akn/akomantoso30.xsd')

const hasXmllint = (): boolean => spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0

/** Why the schema validation cannot run here, or null when it can. */
export const aknValidationUnavailable: string | null = !existsSync(AKN_SCHEMA)
  ? `the Akoma Ntoso schema is not at ${AKN_SCHEMA}`
  : !hasXmllint()
    ? 'xmllint is not installed (Debian: apt-get install libxml2-utils)'
    : null

/** `{ valid, output }` where output is xmllint's report (the reasons when invalid). */
export function validateAkn(xml: string): { valid: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-akn-'))
  try {
    const file = join(dir, 'export.xml')
    writeFileSync(file, xml)
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', AKN_SCHEMA, file], { encoding: 'utf8', timeout: 60_000 })
    return { valid: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
