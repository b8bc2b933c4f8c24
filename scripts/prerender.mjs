// Puts the server-rendered welcome screen into dist/index.html, so the first screen paints with
// no JavaScript at all; the app then hydrates it. Runs after `vite build` and `vite build --ssr`.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
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
const html = readFileSync(page, 'utf8')
if (!html.includes('<!--welcome-->')) throw new Error('dist/index.html has no <!--welcome--> placeholder')
writeFileSync(page, html.replace('<!--welcome-->', renderWelcome()))
rmSync(resolve(root, 'build'), { recursive: true, force: true })
console.log('prerendered the welcome screen into dist/index.html')
