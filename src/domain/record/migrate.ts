/**
 * Carries answers given to an older version of the questionnaire forward to today's version, step
 * by step through rules/migrations.json. Used for the saved copy on this device and for imported
 * files. Pure: the data comes in as arguments, so tests can use small made-up questionnaires.
 */
import type { Answers, Migration, MigrationChange, Questionnaire } from '../../content/schema'
import { sanitizeAnswers } from './sanitize'

export interface Migrated {
  /** The answers that fit today's questions. */
  answers: Answers
  /** Questions (that exist today) whose answers the person should look at again, in questionnaire order. */
  recheck: string[]
  /** How many answers could not be kept (a `remove` is on purpose and is not counted). */
  dropped: number
  /** False when there is no way from `fromVersion` to today's version: nothing is migrated then. */
  ok: boolean
}

const failed: Migrated = { answers: {}, recheck: [], dropped: 0, ok: false }

function mapValue(values: Record<string, string>, value: unknown): unknown {
  // Object.hasOwn, not `in` or a plain lookup: "constructor" or "__proto__" must not find Object.prototype.
  const one = (v: unknown) => (typeof v === 'string' && Object.hasOwn(values, v) ? values[v] : v)
  if (!Array.isArray(value)) return one(value)
  // Two old values can map to one new value; a multiple-choice answer never repeats a value.
  return [...new Set(value.map(one))]
}

function apply(change: MigrationChange, answers: Map<string, unknown>, recheck: Set<string>) {
  if ('rename' in change) {
    if (answers.has(change.rename)) answers.set(change.to, answers.get(change.rename))
    answers.delete(change.rename)
    if (recheck.delete(change.rename)) recheck.add(change.to)
  } else if ('merge' in change) {
    if (answers.has(change.merge)) {
      const old = answers.get(change.merge)
      const mapped = (Array.isArray(old) ? old : [old]).flatMap((v) => (typeof v === 'string' && Object.hasOwn(change.values, v) ? [change.values[v]] : []))
      const into = answers.get(change.into)
      const current = Array.isArray(into) ? into : []
      if (mapped.length) answers.set(change.into, [...new Set([...current, ...mapped])])
    }
    answers.delete(change.merge)
    recheck.delete(change.merge)
  } else if ('drop' in change) {
    if (!answers.has(change.question)) return
    const value = answers.get(change.question)
    const kept = Array.isArray(value) ? value.filter((v) => !change.drop.includes(v)) : change.drop.includes(value as string) ? [] : value
    // An answer left with nothing in it was all about options that are gone: ask again.
    if (Array.isArray(kept) && kept.length === 0) {
      answers.delete(change.question)
      recheck.add(change.question)
    } else answers.set(change.question, kept)
  } else if ('question' in change) {
    if (answers.has(change.question)) answers.set(change.question, mapValue(change.values, answers.get(change.question)))
  } else if ('remove' in change) {
    answers.delete(change.remove)
    recheck.delete(change.remove)
  } else if (answers.has(change.recheck)) {
    // Nothing to look at again when the question was never answered.
    recheck.add(change.recheck)
  }
}

/**
 * migrates raw answers given to questionnaire version `fromVersion` to the current version, then
 * keeps only what fits; an answer that no longer fits a question that still exists is asked again
 */
export function migrateAnswers(
  questionnaire: Questionnaire,
  migrations: readonly Migration[],
  fromVersion: number,
  raw: unknown,
  /** Questions already waiting for another look (from an earlier update); they follow renames. */
  previousRecheck: readonly string[] = [],
): Migrated {
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > questionnaire.version) return failed
  const steps: Migration[] = []
  for (let v = fromVersion; v < questionnaire.version; v++) {
    const step = migrations.find((m) => m.from === v && m.to === v + 1)
    if (!step) return failed
    steps.push(step)
  }

  // A Map holds any key, "__proto__" included, as plain data.
  const working = new Map<string, unknown>(raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.entries(raw) : [])
  const recheck = new Set(previousRecheck)
  for (const step of steps) for (const change of step.changes) apply(change, working, recheck)

  const migrated: Record<string, unknown> = Object.create(null)
  for (const [id, value] of working) migrated[id] = value
  const { answers, dropped } = sanitizeAnswers(questionnaire, migrated)

  const order = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id))
  const exists = new Set(order)
  for (const id of working.keys()) if (exists.has(id) && !Object.hasOwn(answers, id)) recheck.add(id)
  return { answers, recheck: order.filter((id) => recheck.has(id)), dropped, ok: true }
}
