// What the first screen loads, read from a build: the one place check-size.mjs and bench.mjs get it.
// The page's own scripts (entry, modulepreloads) and the app the entry starts after the first paint
// (src/boot.tsx, a dynamic import) with every chunk it imports statically, from Vite's manifest.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Budgets for a cheap phone, gzip bytes: see docs/decisions/001-first-screen-budget.md. */
export const FIRST_SCREEN_BUDGET = { js: 95 * 1024, css: 10 * 1024 }

export function firstScreen(dist) {
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8')
  const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8'))
  const files = new Set([...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]))
  const boot = manifest['src/boot.tsx']
  if (!boot) throw new Error('the build has no src/boot.tsx chunk in .vite/manifest.json')
  const seen = new Set()
  const add = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    files.add(manifest[key].file)
    for (const next of manifest[key].imports ?? []) add(next)
  }
  add('src/boot.tsx')
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1])
  const inlineCss = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
  const gz = (file) => gzipSync(readFileSync(resolve(dist, file))).length
  return {
    html,
    manifest,
    js: [...files],
    jsGzip: [...files].reduce((sum, f) => sum + gz(f), 0),
    cssGzip: css.reduce((sum, f) => sum + gz(f), 0) + inlineCss.reduce((sum, text) => sum + gzipSync(text).length, 0),
  }
}
