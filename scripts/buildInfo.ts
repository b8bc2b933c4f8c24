/**
 * What the built app knows about itself, fixed at build (and test) time: the app's version from
 * package.json, an optional build label, and a fingerprint of everything in rules/, so a printed
 * summary or an exported file says exactly which questions and rules produced it.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { rulesDir } from './rulesDir.ts'

const root = resolve(import.meta.dirname, '..')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((path) => path.endsWith('.json'))
    .sort()
}

/** The first 8 hex digits of a SHA-256 over every rules file's path and bytes. Test cases count too: they are part of what was checked. */
export function rulesFingerprint(): string {
  const hash = createHash('sha256')
  for (const path of files(rulesDir)) hash.update(join('rules', relative(rulesDir, path))).update('\0').update(readFileSync(path)).update('\0')
  return hash.digest('hex').slice(0, 8)
}

export function buildDefines(): Record<string, string> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  // ACHILLES_BUILD_ID marks a build apart (the update test builds two); empty for a normal build, so builds are reproducible.
  const build = process.env.ACHILLES_BUILD_ID ?? ''
  return {
    __APP_VERSION__: JSON.stringify(build ? `${version}+${build}` : version),
    __RULES_FINGERPRINT__: JSON.stringify(rulesFingerprint()),
  }
}
