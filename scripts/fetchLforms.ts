// Fetches the prebuilt LHC-Forms web component (NLM's open-source FHIR form client) for the browser
// test that reads the app's FHIR export back (tests/e2e/fhir.spec.ts, which calls ensureLforms). It is a test fixture, not a
// dependency: the npm package pulls in a whole Angular toolchain to install, and the test needs only
// four prebuilt files. The tarball comes from the npm registry, pinned by version and checked
// against the registry's published integrity before anything is unpacked; the files are kept in
// build/lforms-<version> so later runs need no network.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const LFORMS_VERSION = '40.1.3'
const INTEGRITY = 'sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ=='
/** the files the test page loads, relative to the package's dist/lforms folder */
const LFORMS_FILES = ['webcomponent/assets/lib/zone.min.js', 'webcomponent/lhc-forms.js', 'webcomponent/styles.css', 'fhir/R4/lformsFHIR.min.js']
const lformsDir = resolve(import.meta.dirname, `../build/lforms-${LFORMS_VERSION}`)

export function ensureLforms(): string {
  if (LFORMS_FILES.every((f) => existsSync(join(lformsDir, f)))) return lformsDir
  const work = mkdtempSync(join(tmpdir(), 'lforms-'))
  try {
    execFileSync('npm', ['pack', `lforms@${LFORMS_VERSION}`, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] })
    const tarball = join(work, `lforms-${LFORMS_VERSION}.tgz`)
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
    if (actual !== INTEGRITY) throw new Error(`lforms ${LFORMS_VERSION}: the tarball's integrity ${actual} is not the pinned ${INTEGRITY}`)
    execFileSync('tar', ['xzf', tarball, '-C', work, ...LFORMS_FILES.map((f) => `package/dist/lforms/${f}`)])
    rmSync(lformsDir, { recursive: true, force: true })
    mkdirSync(resolve(lformsDir, '..'), { recursive: true })
    renameSync(join(work, 'package/dist/lforms'), lformsDir)
    return lformsDir
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
