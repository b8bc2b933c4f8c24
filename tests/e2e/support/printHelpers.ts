/**
 * What the print tests need besides tests/e2e/support/pdf.ts: the content the printout should
 * hold, read straight from rules/ and worked out with the tests' own condition evaluator
 * (./oracleConditions.ts), so an oracle independent of the app's own code; a way to open a saved
 * person at their result; and the printed PDF's words with their positions.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { buildDefines } from '../../../scripts/buildInfo'
import { expect } from '../helpers'
import { oracleHolds, type OracleCondition as Condition, type OracleFact as Fact } from './oracleConditions'
import { pdfText, readPrinted } from './pdf'
import { openWithSaved, type Answers, type GoldenCase } from './seed'

const rulesDir = resolve(import.meta.dirname, '../../../rules')
const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(rulesDir, path), 'utf8')) as T

interface Option {
  value: string
  label: string
}
interface Question {
  id: string
  type: 'single' | 'multi' | 'scale' | 'date'
  short: string
  options?: Option[]
  max?: number
  enableWhen?: Condition
}
interface Section {
  id: string
  stage: 'screening' | 'pain' | 'factor'
  title: string
  questions: Question[]
}

export const questionnaire = readJson<{ version: number; sections: Section[] }>('questionnaire.json')

type Level = 'urgent' | 'soon' | 'out-of-scope'

interface Flag {
  id: string
  urgency: Level
  /** a key of `destinations` */
  destination: string
  summary: string
  advice: string
  when: Condition
  whileWaiting?: string[]
}

export const redFlags = readJson<{
  /** where each flag sends the person, strongest first: the order of the keys is the order of strength */
  destinations: Record<string, { level: Level; heading: string; body: string }>
  flags: Flag[]
  watchFor: string[]
  welcomeList: string[]
}>('red-flags.json')

/** the article's title and the one-line summary of each passage (rules/sources.json) */
export const sources = readJson<{ article: { title: string; kind: string; site: string }; passages: Record<string, string> }>('sources.json')

export function redFlag(id: string) {
  const flag = redFlags.flags.find((f) => f.id === id)
  if (!flag) throw new Error(`no red flag ${id} in rules/red-flags.json`)
  return flag
}

type Agreement = 'most-agree' | 'general' | 'differ' | 'article-view'

/** One rule per file in rules/recommendations, the file name being its id. */
export function rule(id: string): {
  title: string
  sources: string[]
  when: Condition
  agreement: Agreement
  strength: number
  holdWhenUrgent?: boolean
  /** why it is shown, in the rule's own words, when its condition says it better than the answers would */
  why?: string
} {
  return readJson(`recommendations/${id}.json`)
}

/** How far other clinicians agree with a suggestion, in the words a person reads (the tag on screen, the plan on paper). */
export const agreementWords: Record<Agreement, string> = {
  'most-agree': 'Most clinicians agree',
  general: 'General guidance, not from the article',
  differ: 'Clinicians differ',
  'article-view': "This article's view",
}

/**
 * One plan item as page 1 of the printout gives it: its title, then how far clinicians agree and
 * the article's passage codes, "Title (most clinicians agree; passages C6.1, C14.1)".
 */
export function printedPlanLine(id: string) {
  const { title, agreement, sources: codes } = rule(id)
  return `${title} (${agreementWords[agreement].toLowerCase()}${codes.length > 0 ? `; passages ${codes.join(', ')}` : ''})`
}

/** The article as the printout's header names it: “Achilles Tendonitis”, a chiropractor's blog post …, on the Sock Doc website. */
export const articleLine = () => `“${sources.article.title}”, ${sources.article.kind.toLowerCase()}, on the ${sources.article.site} website`

/** How the printout tags each level of warning, before the destination's heading (PrintSummary's levelTag). */
const levelTag = { urgent: 'URGENT', soon: 'SOON', 'out-of-scope': 'NOT FOR THIS CHECK' } as const

/** The heading of the printed status for a destination, e.g. "URGENT: Get medical help today". */
export function statusHeading(destinationId: string) {
  const destination = redFlags.destinations[destinationId]
  if (!destination) throw new Error(`no destination ${destinationId} in rules/red-flags.json`)
  return `${levelTag[destination.level]}: ${destination.heading}`
}

/** What leads a result with these red flags, worked out from rules/red-flags.json alone. */
export interface ExpectedStatus {
  /** the strongest destination of any flag: the one place to go */
  destinationId: string
  destination: { level: Level; heading: string; body: string }
  /** the flags that send the person there */
  leading: Flag[]
  /** every other flag, to mention when they go */
  alsoMention: Flag[]
  /** what to do while waiting: the leading flags' tips, each once */
  whileWaiting: string[]
}

/** The status a result with these red flags leads with, or null when there are none. */
export function expectedStatus(flagIds: string[]): ExpectedStatus | null {
  const flags = flagIds.map(redFlag)
  const destinationId = Object.keys(redFlags.destinations).find((id) => flags.some((f) => f.destination === id))
  if (destinationId === undefined) return null
  const leading = flags.filter((f) => f.destination === destinationId)
  return {
    destinationId,
    destination: redFlags.destinations[destinationId],
    leading,
    alsoMention: flags.filter((f) => f.destination !== destinationId),
    whileWaiting: [...new Set(leading.flatMap((f) => f.whileWaiting ?? []))],
  }
}

/** One answer as the printout gives it: "Question: answer in words". */
function answerLine(q: Question, value: Answers[string]): string {
  const words =
    q.type === 'scale'
      ? `${value} out of ${q.max}`
      : q.type === 'date'
        ? new Date(`${value}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        : (Array.isArray(value) ? value : [String(value)]).map((v) => q.options!.find((o) => o.value === v)!.label).join('; ')
  return `${q.short}: ${words}`
}

/** whether an out-of-scope flag holds over these answers, which ends the person's path */
const endsPath = (answers: Record<string, Answers[string]>) => redFlags.flags.some((f) => f.urgency === 'out-of-scope' && oracleHolds(f.when, answers))

/**
 * The answers a person can see, in questionnaire order: a question with a condition counts only
 * when its condition holds over the visible answers before it, so hiding cascades (worked out by
 * the tests' own evaluator, not the app's engine). An out-of-scope red flag ends the path: once one
 * holds after a section, the sections after it are not part of the person's check.
 */
function visibleAnswers(answers: Answers): Map<string, { question: Question; sectionId: string; value: Answers[string] }> {
  const visible = new Map<string, { question: Question; sectionId: string; value: Answers[string] }>()
  const soFar: Record<string, Answers[string]> = {}
  for (const section of questionnaire.sections) {
    for (const q of section.questions) {
      if (q.enableWhen && !oracleHolds(q.enableWhen, soFar)) continue
      const value = answers[q.id]
      if (value === undefined) continue
      soFar[q.id] = value
      visible.set(q.id, { question: q, sectionId: section.id, value })
    }
    if (endsPath(soFar)) break
  }
  return visible
}

/** The sections on the person's path: all of them, or up to the one where an out-of-scope flag ends it. */
export function sectionsOnPath(answers: Answers): Section[] {
  const visible = visibleAnswers(answers)
  const soFar: Record<string, Answers[string]> = {}
  const onPath: Section[] = []
  for (const section of questionnaire.sections) {
    onPath.push(section)
    for (const [id, { sectionId, value }] of visible) if (sectionId === section.id) soFar[id] = value
    if (endsPath(soFar)) break
  }
  return onPath
}

/**
 * Every question a person with these answers sees, answered or not, in questionnaire order (worked
 * out by the tests' own evaluator, as visibleAnswers is).
 */
export function questionsShown(answers: Answers): string[] {
  const visible = visibleAnswers(answers)
  const soFar = Object.fromEntries([...visible].map(([id, { value }]) => [id, value]))
  const shown: string[] = []
  for (const section of sectionsOnPath(answers))
    // a condition only looks back, at answers the person can see
    for (const q of section.questions) if (!q.enableWhen || oracleHolds(q.enableWhen, soFar)) shown.push(q.id)
  return shown
}

/** Every answer the record holds to a question off the person's path, as "Question: answer in words". */
export function offPathAnswerLines(answers: Answers): string[] {
  const onPath = new Set(sectionsOnPath(answers).flatMap((s) => s.questions.map((q) => q.id)))
  return questionnaire.sections.flatMap((s) =>
    s.questions.filter((q) => !onPath.has(q.id) && answers[q.id] !== undefined).map((q) => answerLine(q, answers[q.id])),
  )
}

/**
 * The person's warning-sign answers: every visible answer to a screening section on their path
 * (the first screen, the warning signs, the signs worth an assessment), as "Question: answer in words".
 */
export function warningSignLines(answers: Answers): string[] {
  return sectionsOnPath(answers)
    .filter((s) => s.stage === 'screening')
    .flatMap((s) => visibleAnswerLines(s.id, answers))
}

/** The person's visible answers to one section, as "Question: answer in words". */
export function visibleAnswerLines(sectionId: string, answers: Answers): string[] {
  return [...visibleAnswers(answers).values()].filter((a) => a.sectionId === sectionId).map((a) => answerLine(a.question, a.value))
}

/**
 * Answers that a rule's condition names and that the person gave, as "Question: answer in words":
 * its "Why shown" must name at least one of them. For a "choose all that apply" answer that the
 * condition tests for some options (includes, includesAny), each matched option is a reason on its
 * own ("Lately: Often sleeping less than 7 hours, or sleeping badly"): the reason names what
 * brought the suggestion up, not everything else ticked with it. Conditions under a `not`, and
 * derived facts, are left out: they say what the person did not answer.
 */
export function reasonsFor(ruleId: string, answers: Answers): string[] {
  const visible = visibleAnswers(answers)
  const leaves: Fact[] = []
  const walk = (c: Condition) => {
    if ('all' in c) c.all.forEach(walk)
    else if ('any' in c) c.any.forEach(walk)
    else if ('fact' in c) leaves.push(c)
  }
  walk(rule(ruleId).when)
  return [
    ...new Set(
      leaves.flatMap((leaf) => {
        const answered = visible.get(leaf.fact)
        if (!answered || !oracleHolds(leaf, { [leaf.fact]: answered.value })) return []
        const { question, value } = answered
        if (Array.isArray(value) && (leaf.operator === 'includes' || leaf.operator === 'includesAny')) {
          const tested = Array.isArray(leaf.value) ? leaf.value.map(String) : [String(leaf.value)]
          return value.filter((v) => tested.includes(v)).map((v) => answerLine(question, [v]))
        }
        return [answerLine(question, value)]
      }),
    ),
  ]
}

/** The label of one option, as a person reads it. */
export function optionLabel(questionId: string, value: string) {
  const q = questionnaire.sections.flatMap((s) => s.questions).find((x) => x.id === questionId)
  const label = q?.options?.find((o) => o.value === value)?.label
  if (!q || !label) throw new Error(`no option ${value} of ${questionId}`)
  return { question: q.short, label }
}

/** The last line of every printout: which app and which rules made it, computed as the build does. */
export function versionLine() {
  const defines = buildDefines()
  const app = JSON.parse(defines.__APP_VERSION__) as string
  const fingerprint = JSON.parse(defines.__RULES_FINGERPRINT__) as string
  return `Achilles Self-Check ${app}, rules version ${questionnaire.version} (${fingerprint}).`
}

/** "Made on 3 March 2027.", for a day given as YYYY-MM-DD (the browser's clock is held on it). */
export function madeOn(day: string) {
  return `Made on ${new Date(`${day}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`
}

/** The first screen's heading, shown (prerendered) before the app knows the person is resuming. */
const welcomeTitle = 'Check your Achilles or heel pain'

/**
 * Opens the app as a person who saved these answers (and note) at their result would find it, and
 * waits until the wizard shows a screen (the prerendered welcome screen comes first). Returns that
 * screen's heading.
 */
export async function openSaved(page: Page, record: { answers: Answers; note?: string; step?: string }): Promise<string> {
  await openWithSaved(page, { step: 'result', ...record })
  const shown = page.locator('main h1').filter({ hasNotText: welcomeTitle })
  await expect(shown).toBeVisible()
  return (await shown.textContent()) ?? ''
}

/** Opens at the result and expects the summary screen, with its print document in the page. */
export async function openResult(page: Page, record: { answers: Answers; note?: string }) {
  const title = await openSaved(page, record)
  expect(title, 'the saved person lands on their summary').toMatch(/^Your summary/)
  await expect(page.locator('[data-print-summary]')).toBeAttached()
}

/**
 * Opens a golden case at its summary on the day it is answered on (its event date counts from that
 * day), with the browser's clock held there; `answers` may add to or replace the case's own.
 */
export async function openCase(page: Page, c: GoldenCase, answers: Answers = c.answers) {
  await page.clock.setFixedTime(new Date(`${c.today}T12:00:00`))
  await openResult(page, { answers })
}

export interface Word {
  text: string
  page: number
  xMin: number
  xMax: number
}

export interface PrintedWithWords {
  /** the text in reading order, pages separated by form feeds (as pdf.ts's printToPdf) */
  text: string
  pages: number
  pageWidth: number
  /** every word with its page (from 1) and horizontal extent, in PDF points */
  words: Word[]
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(Number(e.slice(1))),
  )

/**
 * Prints as pdf.ts's printToPdf does, and also reads each word's box with `pdftotext -bbox`, so a
 * test can tell whether anything runs past the page's edge.
 */
export function printWithWords(page: Page, format: 'A4' | 'Letter' = 'A4'): Promise<PrintedWithWords> {
  return readPrinted(page, format, (file) => {
    const text = pdfText(file)
    const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' })
    const pageTags = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)]
    const words = pageTags.flatMap((m, i) =>
      [...m[3].matchAll(/<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">([^<]*)<\/word>/g)].map((w) => ({
        text: decodeEntities(w[3]),
        page: i + 1,
        xMin: Number(w[1]),
        xMax: Number(w[2]),
      })),
    )
    return { text, pages: pageTags.length, pageWidth: Number(pageTags[0]?.[1] ?? 0), words }
  })
}
