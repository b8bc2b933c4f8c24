import { describe, expect, test } from 'vitest'
import { importViolations, parseSource, readGraph, type Import, type ImportGraph } from './support/importGraph'

// A file in a made-up graph: its plain imports, then how it differs from that.
const file = (targets: string[], more: Partial<Import> = {}, globals: string[] = []) => ({
  imports: targets.map((target): Import => ({ target, kind: 'file', typeOnly: false, dynamic: false, ...more })),
  globals,
})

describe('the import rules of src/', () => {
  test('every import in src/ points the way the layout allows, and no imports go round in a cycle', () => {
    const graph = readGraph('src')
    // An empty or misread graph would pass without checking anything.
    expect(Object.keys(graph)).toEqual(expect.arrayContaining(['src/main.tsx', 'src/ui/App.tsx', 'src/content/questionnaire.ts']))
    const violations = importViolations(graph)
    expect(violations, `import rules broken:\n${violations.join('\n')}\n`).toEqual([])
  })

  test('a domain file that imports session, which imports it back, is reported twice: direction and cycle', () => {
    const graph: ImportGraph = { 'src/domain/a.ts': file(['src/session/b.ts']), 'src/session/b.ts': file(['src/domain/a.ts']) }
    expect(importViolations(graph)).toEqual([
      'import cycle: src/domain/a.ts → src/session/b.ts → src/domain/a.ts',
      'src/domain/a.ts imports src/session/b.ts: domain may import only domain and content',
    ])
  })

  test('a cycle made only of type imports or dynamic imports is no cycle, because neither runs at load time', () => {
    for (const kind of [{ typeOnly: true }, { dynamic: true }]) {
      const graph = { 'src/domain/a.ts': file(['src/domain/b.ts'], kind), 'src/domain/b.ts': file(['src/domain/a.ts']) }
      expect(importViolations(graph)).toEqual([])
    }
  })

  test('React, storage and the browser in domain, storage in ui, and files outside the layout are reported', () => {
    const graph: ImportGraph = {
      'src/domain/a.ts': { imports: [{ target: 'react', kind: 'package', typeOnly: true, dynamic: false }], globals: ['localStorage', 'window'] },
      'src/ui/screens/A.tsx': file(['src/ui/screens/B.tsx', 'src/main.tsx'], {}, ['caches']),
      'src/helpers/b.ts': file([]),
    }
    expect(importViolations(graph)).toEqual([
      'src/domain/a.ts imports the package react: domain uses no React and no state library',
      'src/domain/a.ts uses localStorage: only session (and pwa, for the service worker) touches storage and caches',
      'src/domain/a.ts uses window: domain does not touch the browser',
      'src/helpers/b.ts is outside the layout: it belongs in content, domain, session, ui or pwa',
      'src/ui/screens/A.tsx imports src/main.tsx: nothing imports the entry point',
      'src/ui/screens/A.tsx imports src/ui/screens/B.tsx: ui/screens may import only ui/components, ui/print, domain and content',
      'src/ui/screens/A.tsx uses caches: only session (and pwa, for the service worker) touches storage and caches',
    ])
  })

  test('the reader finds every form of import, skips comments and strings, and resolves paths to files', () => {
    const source = `
      import { a, type B } from './value'
      import type {
        C,
      } from "../content/schema"
      import rules from '../../rules/questionnaire.json'
      import './side'
      export * from './flow'
      export type { E } from './types.ts'
      import { persist } from 'zustand/middleware'
      import { gone } from './nowhere'
      // import { old } from './commented'
      const load = () => import('./later').then((m) => m.run(window.location))
      const text = 'mentions localStorage and caches.keys() in words' /* localStorage */`
    const files = ['src/domain/value.ts', 'src/content/schema.ts', 'rules/questionnaire.json', 'src/domain/side.tsx']
    files.push('src/domain/flow/index.ts', 'src/domain/types.ts', 'src/domain/later.ts')
    const { imports, globals } = parseSource('src/domain/x.ts', source, (path) => files.includes(path))
    const flags = ({ target, kind, typeOnly, dynamic }: Import) => [target, kind, typeOnly && 'type-only', dynamic && 'dynamic']
    expect(imports.map((i) => flags(i).filter(Boolean).join(' '))).toEqual([
      'src/domain/value.ts file',
      'src/content/schema.ts file type-only',
      'rules/questionnaire.json file',
      'src/domain/side.tsx file',
      'src/domain/flow/index.ts file',
      'src/domain/types.ts file type-only',
      'zustand package',
      './nowhere missing',
      'src/domain/later.ts file dynamic',
    ])
    expect(globals).toEqual(['window'])
  })
})
