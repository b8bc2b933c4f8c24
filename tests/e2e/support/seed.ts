/**
 * Puts a saved record on the device before the app opens, as a person who answered earlier would
 * have it, so a test can start at any step (the golden cases, a summary to print).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { CASE_DEFAULT_TODAY } from '../../support/caseDay'

export type Answers = Record<string, string | number | string[]>

export interface GoldenCase {
  name: string
  description: string
  /** the day it is answered on (YYYY-MM-DD), which its event date counts from */
  today: string
  answers: Answers
  expect: { urgency: string; redFlags: string[]; rules: string[] }
}

const rulesDir = resolve(import.meta.dirname, '../../../rules')
const casesDir = resolve(rulesDir, 'cases')

/** The version of the questions in rules/: what the app saves with the answers, and what a saved record must carry to be read without migration. */
export const QUESTIONNAIRE_VERSION = (JSON.parse(readFileSync(resolve(rulesDir, 'questionnaire.json'), 'utf8')) as { version: number }).version

export function goldenCases(): GoldenCase[] {
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), today: CASE_DEFAULT_TODAY, ...JSON.parse(readFileSync(resolve(casesDir, f), 'utf8')) }))
}

export const goldenCase = (name: string) => {
  const found = goldenCases().find((c) => c.name === name)
  if (!found) throw new Error(`no golden case ${name}`)
  return found
}

/**
 * What the store keeps in localStorage (src/domain/record/saved.ts), written the way the app writes
 * it, for answers given to today's questions (or to `questionnaireVersion`).
 */
export function savedRecord({
  answers,
  step = 'result',
  note = '',
  questionnaireVersion = QUESTIONNAIRE_VERSION,
}: {
  answers: Answers
  step?: string
  note?: string
  questionnaireVersion?: number
}) {
  return JSON.stringify({ state: { answers, step, editing: false, questionnaireVersion, note, recheck: [] }, version: 1 })
}

/** Opens the app once (for its origin), stores the record, and opens it again where the record says. */
export async function openWithSaved(page: Page, record: Parameters<typeof savedRecord>[0]) {
  await page.goto('/')
  await page.evaluate((value) => {
    localStorage.setItem('achilles-self-check', value)
    // The page opened above may still be starting up (resuming an earlier record) and would save
    // its own position over this one: from now on, this document stores nothing more.
    Storage.prototype.setItem = () => {}
  }, savedRecord(record))
  await page.reload()
}
