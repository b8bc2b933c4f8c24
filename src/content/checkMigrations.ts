/**
 * Build- and test-time check of rules/migrations.json (see ./checkContent.ts, which calls it).
 */
import { Migrations as MigrationsSchema, type Migrations } from './migrationSchema.ts'
import type { Question, Questionnaire } from './schema.ts'

const MIGRATIONS_FILE = 'rules/migrations.json'

/**
 * The migrations must form an unbroken chain from version 1 to the questionnaire's version, so
 * answers from any older version can be carried forward, and the last step must point at
 * questions and options that exist today. Earlier steps name ids that may have changed since.
 */
export function checkMigrations(problems: string[], data: unknown, questionnaire: Questionnaire, all: Map<string, Question>) {
  const parsed = MigrationsSchema.safeParse(data)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${MIGRATIONS_FILE}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    return
  }
  const file = parsed.data
  const current = questionnaire.version
  const byFrom = new Map<number, Migrations['migrations'][number]>()
  for (const m of file.migrations) {
    const where = `${MIGRATIONS_FILE}: migration from ${m.from} to ${m.to}`
    if (m.to !== m.from + 1) problems.push(`${where}: a migration goes up one version at a time (from ${m.from} to ${m.from + 1})`)
    if (m.to > current) problems.push(`${where}: goes past the questionnaire's version (${current})`)
    if (byFrom.has(m.from)) problems.push(`${where}: there is already a migration from version ${m.from}`)
    byFrom.set(m.from, m)
  }
  for (let v = 1; v < current; v++) {
    if (!byFrom.has(v)) {
      problems.push(
        `${MIGRATIONS_FILE}: no migration from version ${v} to ${v + 1}. rules/questionnaire.json is at version ${current}: add a migration that says what changed (rename, values, remove or recheck), so saved answers can be carried forward`,
      )
    }
  }
  const last = byFrom.get(current - 1)
  if (!last) return
  const where = `${MIGRATIONS_FILE}: migration from ${last.from} to ${last.to}`
  for (const change of last.changes) {
    if ('rename' in change && !all.has(change.to)) problems.push(`${where}: renames to "${change.to}", which is not a question`)
    if ('recheck' in change && !all.has(change.recheck)) problems.push(`${where}: recheck "${change.recheck}" is not a question`)
    if ('merge' in change) {
      const q = all.get(change.into)
      if (!q || q.type !== 'multi') problems.push(`${where}: merges into "${change.into}", which is not a multiple-choice question`)
      else for (const v of Object.values(change.values)) if (!q.options.some((o) => o.value === v)) problems.push(`${where}: "${v}" is not an option of "${change.into}"`)
    } else if ('drop' in change) {
      const q = all.get(change.question)
      if (!q || !('options' in q)) problems.push(`${where}: drops options of "${change.question}", which is not a choice question`)
      else for (const v of change.drop) if (q.options.some((o) => o.value === v)) problems.push(`${where}: drops "${v}", which is still an option of "${change.question}"`)
    } else if ('question' in change) {
      const q = all.get(change.question)
      if (!q) problems.push(`${where}: values of "${change.question}", which is not a question`)
      else if (!('options' in q)) problems.push(`${where}: values of "${change.question}", which has no options`)
      else {
        for (const v of Object.values(change.values)) {
          if (!q.options.some((o) => o.value === v)) problems.push(`${where}: "${v}" is not an option of "${change.question}"`)
        }
      }
    }
  }
}
