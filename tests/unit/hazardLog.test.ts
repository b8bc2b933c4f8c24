/**
 * The clinical safety file (docs/safety/hazard-log.md) names, for each hazard, the tests that prove
 * its controls. A control whose test was renamed or removed proves nothing: this fails when the log
 * names a test file that does not exist, or a test title that no test in that file has.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const log = readFileSync(resolve(root, 'docs/safety/hazard-log.md'), 'utf8')

/** Each proof is a line "- `tests/…` › “a test's title, or the start of it”". */
const proofPattern = /^- `(tests\/[^`]+)` › “([^”]+)”/gm
const proofs = [...log.matchAll(proofPattern)].map((m) => ({ file: m[1]!, title: m[2]! }))

/** the titles of every test and describe block in a file, as written (a template's placeholders left as they are) */
function titlesIn(source: string): string[] {
  const titles: string[] = []
  for (const m of source.matchAll(/\b(?:test|it|describe)(?:\.each\s*(?:<[^>]*>)?\([\s\S]*?\)\s*)?\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*)\1/g))
    titles.push(m[2]!.replace(/\\(['"`])/g, '$1'))
  return titles
}

const hazards = [...log.matchAll(/^## (H\d+): (.+)$/gm)].map((m) => m[1]!)
const required = [
  'a missed red flag',
  'the wrong urgency or destination',
  'advice read as a diagnosis',
  'advice that seems to overrule a prescribed treatment',
  'an out-of-scope person given self-care advice',
  'a hidden answer counted or printed',
  'answers lost',
  'rules changed under a person mid-way',
  'the wrong rules version printed',
  'another person reading the answers on a shared device',
  'the app framed by another page',
]

describe('the hazard log', () => {
  test('covers every hazard the project must control, each with a cause, an effect, a control and a proof', () => {
    const headings = [...log.matchAll(/^## H\d+: (.+)$/gm)].map((m) => m[1]!.toLowerCase())
    for (const hazard of required) expect(headings.some((h) => h.includes(hazard)), hazard).toBe(true)
    for (const block of log.split(/^## /m).slice(1)) {
      const name = block.split('\n')[0]
      for (const field of ['**Cause**', '**Effect**', '**Control**', '**Proof**']) expect(block, `${name}: ${field}`).toContain(field)
      expect([...block.matchAll(proofPattern)].length, `${name} names at least one test`).toBeGreaterThan(0)
    }
    expect(new Set(hazards).size).toBe(hazards.length)
  })

  test.each(proofs.map((p) => [`${p.file} › ${p.title}`, p] as const))('names a test that exists: %s', (_name, { file, title }) => {
    const path = resolve(root, file)
    expect(existsSync(path), `${file} exists`).toBe(true)
    const titles = titlesIn(readFileSync(path, 'utf8'))
    expect(titles.some((t) => t === title || t.startsWith(title)), `a test in ${file} is called "${title}"`).toBe(true)
  })

  test('the check would catch a test that does not exist', () => {
    const source = "test('a real test', () => {})\ndescribe.each([1, 2])('a group %s', () => {})\ntest.each<[string]>([['x']])('each %s', () => {})"
    expect(titlesIn(source)).toEqual(['a real test', 'a group %s', 'each %s'])
    expect(titlesIn(source).some((t) => t.startsWith('a test that was renamed'))).toBe(false)
  })
})
