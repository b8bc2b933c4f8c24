// Budgets for a cheap phone: the JavaScript and CSS that the first screen loads, gzipped.
// What the first screen loads comes from scripts/firstScreen.mjs (the page, and the app its entry starts).
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { FIRST_SCREEN_BUDGET, firstScreen } from './firstScreen.mjs'

const BUDGET = { ...FIRST_SCREEN_BUDGET, fhir: 3 * 1024 }
const dist = resolve(import.meta.dirname, '..', process.env.ACHILLES_OUT_DIR ?? 'dist')
const { html, js: firstJs, jsGzip: js, cssGzip: css } = firstScreen(dist)
const gz = (file) => gzipSync(readFileSync(resolve(dist, file.replace(/^\//, '')))).length
const kb = (n) => `${(n / 1024).toFixed(1)} KB`


for (const f of readdirSync(resolve(dist, 'assets'))) console.log(`  ${f.padEnd(32)} ${kb(gz(`assets/${f}`))} gzip`)
console.log(`  index.html                       ${kb(gzipSync(html).length)} gzip (welcome screen and styles inline)`)
console.log(`first screen: JS ${kb(js)} of ${kb(BUDGET.js)}, CSS ${kb(css)} of ${kb(BUDGET.css)} (gzip)`)
// The FHIR converter (src/domain/fhir/export.ts) loads only when the person saves a record for their
// clinic: its own chunk, the one that builds a QuestionnaireResponse, never on the first screen.
const fhirChunks = readdirSync(resolve(dist, 'assets')).filter((f) => f.endsWith('.js') && readFileSync(resolve(dist, 'assets', f), 'utf8').includes('QuestionnaireResponse'))
const fhir = fhirChunks.reduce((sum, f) => sum + gz(`assets/${f}`), 0)
const fhirOnFirstScreen = firstJs.some((f) => readFileSync(resolve(dist, f), 'utf8').includes('QuestionnaireResponse'))
console.log(`FHIR converter: ${fhirChunks.join(', ')} ${kb(fhir)} of ${kb(BUDGET.fhir)} (gzip), loaded only by its button`)
if (fhirChunks.length !== 1 || fhir > BUDGET.fhir || fhirOnFirstScreen) {
  console.error('The FHIR converter must be one lazy chunk under its budget: see docs/decisions/015-fhir-export.md')
  process.exit(1)
}
if (js > BUDGET.js || css > BUDGET.css) {
  console.error('Over budget: see docs/decisions/001-first-screen-budget.md')
  process.exit(1)
}
