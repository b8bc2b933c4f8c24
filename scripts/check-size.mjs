// Budgets for a cheap phone: the JavaScript and CSS that the first screen loads, gzipped.
// Reads dist/index.html for what it loads up front (entry script, modulepreloads, stylesheets).
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET = { js: 95 * 1024, css: 10 * 1024 }
const dist = resolve(import.meta.dirname, '../dist')
const html = readFileSync(resolve(dist, 'index.html'), 'utf8')
const gz = (file) => gzipSync(readFileSync(resolve(dist, file.replace(/^\//, '')))).length
const kb = (n) => `${(n / 1024).toFixed(1)} KB`

const firstJs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1])
const firstCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1])
// The stylesheet is usually inlined by scripts/prerenderWelcome.ts: count <style> blocks too.
const inlineCss = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => gzipSync(m[1]).length)
const js = firstJs.reduce((sum, f) => sum + gz(f), 0)
const css = firstCss.reduce((sum, f) => sum + gz(f), 0) + inlineCss.reduce((a, b) => a + b, 0)

for (const f of readdirSync(resolve(dist, 'assets'))) console.log(`  ${f.padEnd(32)} ${kb(gz(`assets/${f}`))} gzip`)
console.log(`  index.html                       ${kb(gzipSync(html).length)} gzip (welcome screen and styles inline)`)
console.log(`first screen: JS ${kb(js)} of ${kb(BUDGET.js)}, CSS ${kb(css)} of ${kb(BUDGET.css)} (gzip)`)
if (js > BUDGET.js || css > BUDGET.css) {
  console.error('Over budget: see docs/decisions/001-first-screen-budget.md')
  process.exit(1)
}
