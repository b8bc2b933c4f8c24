/**
 * Reads every file in rules/ (and the article's passage labels, when the shared folder is beside
 * the checkout) for the build-time and test-time content check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { ContentFiles } from '../src/content/checkContent'
import { rulesDir } from './rulesDir.ts'

const root = resolve(import.meta.dirname, '..')
export const articlePath = resolve(root, '../shared/source/article.md')

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${relative(root, path)} is not valid JSON: ${(error as Error).message}`)
  }
}

function readFolder(folder: string): Record<string, unknown> {
  const dir = join(rulesDir, folder)
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f.replace(/\.json$/, ''), readJson(join(dir, f))]),
  )
}

/** the passage labels ([A3], [C7.1] …) that the article defines */
export function articleLabels(text: string): Set<string> {
  return new Set([...text.matchAll(/^(?:### )?\[((?:A|C)[\d.]+)\]/gm)].map((m) => m[1]))
}

export function readContent(): ContentFiles {
  return {
    questionnaire: readJson(join(rulesDir, 'questionnaire.json')),
    redFlags: readJson(join(rulesDir, 'red-flags.json')),
    sources: readJson(join(rulesDir, 'sources.json')),
    migrations: readJson(join(rulesDir, 'migrations.json')),
    recommendations: readFolder('recommendations'),
    cases: readFolder('cases'),
    articleLabels: existsSync(articlePath) ? articleLabels(readFileSync(articlePath, 'utf8')) : undefined,
  }
}
