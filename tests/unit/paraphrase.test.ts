/**
 * Every text in the app is in our own words: no run of eight words from the article (body or
 * comments) appears in the questions, red flags, rules or source summaries.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { articlePath, readContent } from '../../scripts/readContent'

const RUN = 8
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean)

function runs(text: string): Set<string> {
  const w = words(text)
  const out = new Set<string>()
  for (let i = 0; i + RUN <= w.length; i++) out.add(w.slice(i, i + RUN).join(' '))
  return out
}

/** every string anywhere inside a JSON value, with where it was found */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`)
}

describe('our own words', () => {
  const article = runs(readFileSync(articlePath, 'utf8'))
  const content = readContent()

  test('no text in rules/ copies eight words in a row from the article', () => {
    const copied: string[] = []
    for (const [path, text] of strings({ ...content, articleLabels: undefined }, 'rules')) {
      for (const run of runs(text)) if (article.has(run)) copied.push(`${path}: "${run}"`)
    }
    expect(copied).toEqual([])
  })

  test('the check would catch a copied sentence', () => {
    const copied = [...runs('Think minimalist footwear and stay barefoot as much as you can to strengthen your feet')].filter((r) =>
      article.has(r),
    )
    expect(copied.length).toBeGreaterThan(0)
  })
})
