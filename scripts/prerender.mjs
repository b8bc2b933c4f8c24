// Puts the server-rendered welcome screen into dist/index.html, so the first screen paints with
// no JavaScript at all; the app then hydrates it. Runs after `vite build` and `vite build --ssr`.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const page = resolve(root, 'dist/index.html')
const ssr = resolve(root, 'build/ssr/entry.js')

// The store reads localStorage when it is created; on the server there is none, so give it an empty one.
const memory = new Map()
globalThis.localStorage = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => memory.set(k, String(v)),
  removeItem: (k) => memory.delete(k),
  clear: () => memory.clear(),
  key: () => null,
  length: 0,
}

const { renderWelcome } = await import(pathToFileURL(ssr).href)
let html = readFileSync(page, 'utf8')
if (!html.includes('<!--welcome-->')) throw new Error('dist/index.html has no <!--welcome--> placeholder')
html = html.replace('<!--welcome-->', renderWelcome())

// The stylesheet goes inline, so the first paint waits for no second request. The policy allows
// exactly that stylesheet by its hash: still no 'unsafe-inline'.
const link = html.match(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)">/)
if (!link) throw new Error('dist/index.html links no stylesheet')
const css = readFileSync(resolve(root, 'dist', link[1]), 'utf8').trim()
const hash = createHash('sha256').update(css).digest('base64')
html = html.replace(link[0], `<style>${css}</style>`).replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`)

// Let the browser fetch the wizard's chunk while idle; it runs when the person starts (src/app/App.tsx).
const wizard = readdirSync(resolve(root, 'dist/assets')).find((f) => /^Wizard-.*\.js$/.test(f))
if (!wizard) throw new Error('no Wizard chunk in dist/assets')
html = html.replace('</head>', `  <link rel="prefetch" href="/assets/${wizard}" as="script" crossorigin>\n  </head>`)
writeFileSync(page, html)
rmSync(resolve(root, 'build'), { recursive: true, force: true })
console.log('prerendered the welcome screen into dist/index.html')
