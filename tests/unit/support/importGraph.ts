/**
 * The import rules of src/ (content ← domain ← session ← ui, with pwa beside ui), checked without any
 * dependency: a reader turns the source into a graph, and a pure function lists what breaks the rules,
 * so the rules can also be tried on a made-up graph (tests/unit/architecture.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { posix } from 'node:path'

export interface Import {
  target: string // a repository path for 'file', a package name for 'package', the specifier as written for 'missing'
  kind: 'file' | 'package' | 'missing'
  typeOnly: boolean // `import type` / `export type … from`: erased by TypeScript, never loaded
  dynamic: boolean // `import('…')`: loaded later, on demand
}
export interface SourceFile {
  imports: Import[]
  globals: string[] // the browser globals the code touches: storage (localStorage, caches, …), window, document
}
export type ImportGraph = Record<string, SourceFile>

type Layer = 'content' | 'domain' | 'session' | 'ui/components' | 'ui/print' | 'ui/screens' | 'ui root' | 'pwa' | 'main' | 'styles'

// The folder decides the layer; a file anywhere else is itself a violation, so a new folder is a conscious choice.
function layerOf(file: string): Layer | undefined {
  if (/^rules\/.+\.json$/.test(file)) return 'content' // the bundled rules, imported as JSON
  // the entry point, and the app it starts after the first paint
  if (file === 'src/main.tsx' || file === 'src/boot.tsx') return 'main'
  if (/^src\/[^/]+\.css$/.test(file)) return 'styles'
  if (/^src\/ui\/[^/]+$/.test(file)) return 'ui root'
  const folder = /^src\/(content|domain|session|pwa|ui\/components|ui\/print|ui\/screens)\//.exec(file)
  return folder?.[1] as Layer | undefined
}

// Screens do not import each other: what two screens share belongs in ui/components or domain.
// ui/print may import ui/print too, so the summary can be split into parts without breaking a rule.
const MAY_IMPORT: Record<Layer, Layer[]> = {
  content: ['content'],
  domain: ['domain', 'content'],
  session: ['session', 'domain', 'content'],
  'ui/components': ['ui/components', 'domain', 'content'],
  'ui/print': ['ui/print', 'ui/components', 'domain', 'content'],
  'ui/screens': ['ui/components', 'ui/print', 'domain', 'content'],
  'ui root': ['ui root', 'ui/components', 'ui/print', 'ui/screens', 'session', 'domain', 'content', 'pwa'],
  pwa: ['pwa', 'ui/components', 'content'],
  main: ['content', 'domain', 'session', 'ui/components', 'ui/print', 'ui/screens', 'ui root', 'pwa', 'styles'],
  styles: [],
}
const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(''))

// Domain is plain logic that runs (and is tested) anywhere: no React, no state library, no browser.
const NOT_IN_DOMAIN = ['react', 'react-dom', 'zustand', '@xstate/react']
const STORAGE = ['localStorage', 'sessionStorage', 'indexedDB', 'caches']

export function importViolations(graph: ImportGraph): string[] {
  const found: string[] = []
  for (const [file, { imports, globals }] of Object.entries(graph)) {
    const layer = layerOf(file)
    if (!layer) found.push(`${file} is outside the layout: it belongs in content, domain, session, ui or pwa`)
    for (const { target, kind } of imports) {
      if (kind === 'missing') found.push(`${file} imports '${target}', which is no file`)
      else if (kind === 'file' && file === 'src/main.tsx' && target === 'src/boot.tsx') continue // the entry starts the app
      else if (kind === 'file' && layerOf(target) === 'main') found.push(`${file} imports ${target}: nothing imports the entry point`)
      else if (kind === 'file' && layer && !MAY_IMPORT[layer].includes(layerOf(target)!)) {
        found.push(`${file} imports ${target}: ${layer} may import only ${listed(MAY_IMPORT[layer])}`)
      } else if (kind === 'package' && layer === 'domain' && NOT_IN_DOMAIN.includes(target)) {
        found.push(`${file} imports the package ${target}: domain uses no React and no state library`)
      } else if (kind === 'package' && layer === 'domain' && target === 'xstate' && !file.startsWith('src/domain/flow/')) {
        found.push(`${file} imports the package xstate: within domain only domain/flow uses it`)
      }
    }
    for (const name of globals) {
      if (STORAGE.includes(name) && layer !== 'session' && layer !== 'pwa') {
        found.push(`${file} uses ${name}: only session (and pwa, for the service worker) touches storage and caches`)
      } else if (!STORAGE.includes(name) && layer === 'domain') found.push(`${file} uses ${name}: domain does not touch the browser`)
    }
  }
  return [...found, ...importCycles(graph)].sort()
}

// Only static value imports can form a cycle that matters: `import type` is erased by TypeScript, and a dynamic
// import runs after every module has loaded. One cycle per back edge is reported, enough to show each tangle.
function importCycles(graph: ImportGraph): string[] {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const cycles = new Set<string>()
  const visit = (file: string) => {
    state.set(file, 'open')
    path.push(file)
    for (const { target, kind, typeOnly, dynamic } of graph[file]?.imports ?? []) {
      if (kind !== 'file' || typeOnly || dynamic) continue
      if (state.get(target) === 'open') {
        const loop = path.slice(path.indexOf(target))
        const first = loop.indexOf([...loop].sort()[0]!) // start at the same file whichever way it was reached
        const turned = [...loop.slice(first), ...loop.slice(0, first)]
        cycles.add(`import cycle: ${[...turned, turned[0]].join(' → ')}`)
      } else if (!state.has(target)) visit(target)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of Object.keys(graph).sort()) if (!state.has(file)) visit(file)
  return [...cycles]
}

/**
 * The source with comments blanked (`code`, where import specifiers survive), and also with the insides of
 * quoted strings blanked (`bare`, so 'localStorage' in a message is not taken for a use of it).
 * Template literals are kept whole: their `${…}` parts are code.
 */
export function stripComments(source: string): { code: string; bare: string } {
  let code = ''
  let bare = ''
  for (let i = 0; i < source.length; ) {
    const two = source.slice(i, i + 2)
    const quote = source[i]!
    let end = i + 1
    if (two === '//' || two === '/*') {
      end = two === '//' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 2
      if (end < i) end = source.length // an unclosed comment runs to the end
      const blank = source.slice(i, end).replace(/[^\n]/g, ' ')
      code += blank
      bare += blank
    } else if (quote === "'" || quote === '"' || quote === '`') {
      // A quote or apostrophe stray from a regex or JSX text ends at the line's end, so it hides little.
      while (end < source.length && source[end] !== quote && (quote === '`' || source[end] !== '\n')) end += source[end] === '\\' ? 2 : 1
      end = Math.min(end + 1, source.length)
      const literal = source.slice(i, end)
      code += literal
      bare += quote === '`' ? literal : literal.replace(/[^\n]/g, (c, at: number) => (at === 0 || at === literal.length - 1 ? c : ' '))
    } else {
      code += quote
      bare += quote
    }
    i = end
  }
  return { code, bare }
}

// `import x from`, `import { type A } from` (kept at run time under verbatimModuleSyntax, so not type-only),
// `import type`, `import '…'`, `export * from`, `export { … } from`, `export type { … } from`, and `import('…')`.
const STATIC = /(?<![\w$.])(import|export)\s+(type\s+)?(?:(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)?\s*from\s*)?(['"])([^'"\n]+)\3/g
const DYNAMIC = /(?<![\w$.])import\s*\(\s*([^)]*?)\s*\)/g
const GLOBALS = /\b(localStorage|sessionStorage|indexedDB)\b|\b(caches|window|document)(?=\??\.[\w$])/g

/** One file's imports, resolved against the repository (isFile decides which candidate paths exist). */
export function parseSource(file: string, source: string, isFile: (path: string) => boolean): SourceFile {
  const { code, bare } = stripComments(source)
  const resolve = (specifier: string, typeOnly: boolean, dynamic: boolean): Import => {
    if (!/^[./]/.test(specifier)) {
      const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
      return { target: name, kind: 'package', typeOnly, dynamic }
    }
    const base = specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(file), specifier)
    const path = base.replace(/\?.*$/, '') // Vite's ?url, ?raw
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((end) => path + end).find(isFile)
    return found ? { target: found, kind: 'file', typeOnly, dynamic } : { target: specifier, kind: 'missing', typeOnly, dynamic }
  }
  const imports = [...code.matchAll(STATIC)].map((m) => resolve(m[4]!, Boolean(m[2]), false))
  for (const [, argument] of code.matchAll(DYNAMIC)) {
    const literal = /^(['"`])([^'"`$]+)\1$/.exec(argument!)
    // A computed import('…') cannot be checked, so it is reported as a target that is no file.
    imports.push(literal ? resolve(literal[2]!, false, true) : { target: argument!, kind: 'missing', typeOnly: false, dynamic: true })
  }
  const globals = new Set([...bare.matchAll(GLOBALS)].map((m) => (m[1] ?? m[2])!))
  return { imports, globals: [...globals].sort() }
}

const ROOT = posix.resolve(import.meta.dirname, '../../..') + '/' // the repository, as scripts/readContent.ts finds it
const onDisk = (path: string) => existsSync(ROOT + path) && statSync(ROOT + path).isFile()

/** Every .ts/.tsx file under dir (relative to the repository root), keyed by its repository path. */
export function readGraph(dir: string): ImportGraph {
  const files = readdirSync(ROOT + dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))
  return Object.fromEntries(
    files.map((f) => posix.join(dir, f.split('\\').join('/'))).sort().map((file) => [file, parseSource(file, readFileSync(ROOT + file, 'utf8'), onDisk)]),
  )
}
