/**
 * Build- and test-time check of everything in rules/: each file against the schema, then every
 * reference across files. Returns problems as sentences naming the file and the field; an empty
 * list means the content is sound. Never bundled into the app (it pulls in zod).
 */
import { questionnaireProblems } from './fhir.ts'
import type { z } from 'zod'
import { derivedFacts, factsIn as facts } from './format.ts'
import { checkMigrations } from './checkMigrations.ts'
import * as schema from './schema.ts'
import type { Condition, Question, Questionnaire, RedFlags, Sources } from './schema.ts'

export interface ContentFiles {
  questionnaire: unknown
  redFlags: unknown
  sources: unknown
  /** rules/migrations.json: how answers to older versions of the questionnaire are carried forward */
  migrations: unknown
  /** rule id (file name) → parsed JSON */
  recommendations: Record<string, unknown>
  /** case name → parsed JSON */
  cases: Record<string, unknown>
  /** labels found in the article, when the article is at hand */
  articleLabels?: Set<string>
}

function parse<T>(problems: string[], file: string, s: z.ZodType<T>, data: unknown): T | undefined {
  const result = s.safeParse(data)
  if (result.success) return result.data
  for (const issue of result.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  return undefined
}


function checkCondition(problems: string[], where: string, c: Condition, known: Map<string, Question>) {
  for (const f of facts(c)) {
    const q = known.get(f.fact)
    if (!q) {
      const derived = Object.hasOwn(derivedFacts, f.fact) ? derivedFacts[f.fact as keyof typeof derivedFacts] : undefined
      const values: readonly string[] | undefined = derived && 'values' in derived ? derived.values : undefined
      const fits = derived && (derived.operators as readonly string[]).includes(f.operator) && (!values || values.includes(String(f.value)))
      if (fits) continue
      problems.push(`${where}: "${f.fact}" is not a question${derived ? ` (it takes ${derived.operators.join(', ')})` : ' that comes before it'}`)
      continue
    }
    const values = Array.isArray(f.value) ? f.value : f.value === undefined ? [] : [f.value]
    const optionValues = 'options' in q ? new Set(q.options.map((o) => o.value)) : undefined
    const wants: Record<schema.Operator, Question['type'][] | 'any'> = {
      is: ['single'],
      isNot: ['single'],
      in: ['single'],
      includes: ['multi'],
      includesAny: ['multi'],
      atLeast: ['scale'],
      atMost: ['scale'],
      answered: 'any',
      unanswered: 'any',
    }
    const types = wants[f.operator]
    if (types !== 'any' && !types.includes(q.type)) {
      problems.push(`${where}: operator "${f.operator}" does not fit "${f.fact}", a ${q.type} question`)
    }
    const needsList = f.operator === 'in' || f.operator === 'includesAny'
    const needsOne = ['is', 'isNot', 'includes', 'atLeast', 'atMost'].includes(f.operator)
    if (needsList && !Array.isArray(f.value)) problems.push(`${where}: "${f.operator}" takes a list of values`)
    if (needsOne && (f.value === undefined || Array.isArray(f.value))) problems.push(`${where}: "${f.operator}" takes one value`)
    if (!needsList && !needsOne && f.value !== undefined) problems.push(`${where}: "${f.operator}" takes no value`)
    if (optionValues) {
      for (const v of values) if (!optionValues.has(String(v))) problems.push(`${where}: "${v}" is not an option of "${f.fact}"`)
    }
  }
}

/** A time frame belongs to a flag's destination, never to its advice: one time frame per result. */
const timeWords = /\b(today|tonight|tomorrow|within|straight away|right away|immediately|next few days|a day or two|this week)\b/i

function checkRedFlags(problems: string[], redFlags: RedFlags, questionnaire: Questionnaire, all: Map<string, Question>) {
  const ids = new Set<string>()
  for (const flag of redFlags.flags) {
    const where = `rules/red-flags.json: flag "${flag.id}"`
    if (ids.has(flag.id)) problems.push(`${where}: the id is used twice`)
    ids.add(flag.id)
    checkCondition(problems, `${where}.when`, flag.when, all)
    if (flag.urgency === 'urgent' && !flag.say) problems.push(`${where}: an urgent flag needs "say"`)
    const destination = redFlags.destinations[flag.destination]
    if (!destination) problems.push(`${where}: destination "${flag.destination}" is not in destinations`)
    else if (destination.level !== flag.urgency) problems.push(`${where}: goes to "${flag.destination}", a ${destination.level} destination, but is ${flag.urgency}`)
    for (const text of [flag.advice, flag.say ?? '', ...(flag.whileWaiting ?? [])]) {
      const found = text.match(timeWords)
      if (found) problems.push(`${where}: "${found[0]}" is a time frame; only its destination says how soon`)
    }
  }
  // Red flags come first: every screening question must feed at least one flag.
  const read = new Set(redFlags.flags.flatMap((flag) => [...facts(flag.when)].map((f) => f.fact)))
  const urgentRead = new Set(redFlags.flags.filter((f) => f.urgency === 'urgent').flatMap((flag) => [...facts(flag.when)].map((f) => f.fact)))
  for (const section of questionnaire.sections.filter((s) => s.stage === 'screening')) {
    for (const q of section.questions) {
      if (!read.has(q.id)) problems.push(`rules/red-flags.json: screening question "${q.id}" triggers no flag`)
      // "Not sure" on an urgent sign asked of everyone gets one plainer question before it counts
      // (a follow-up's own "Not sure" counts: safety wins).
      const unsure = !q.enableWhen && 'options' in q && q.options.some((o) => o.value === 'unsure')
      // A follow-up is shown on exactly that "Not sure" and nothing else.
      const followedUp = [...all.values()].some((f) => {
        const c = f.enableWhen
        return !!c && 'fact' in c && c.fact === q.id && c.value === 'unsure' && (c.operator === 'is' || c.operator === 'includes')
      })
      if (unsure && urgentRead.has(q.id) && !followedUp) problems.push(`rules/questionnaire.json: "${q.id}" offers "Not sure" on an urgent sign but has no plainer follow-up question`)
    }
  }
  // Each destination says how soon once, in its heading; its body says why and what to do.
  for (const [id, d] of Object.entries(redFlags.destinations)) {
    const where = `rules/red-flags.json: destination "${id}"`
    if (d.level !== 'out-of-scope' && !d.timeFrame) problems.push(`${where} needs a time frame`)
    if (d.timeFrame && !d.heading.includes(d.timeFrame)) problems.push(`${where}: its heading does not say "${d.timeFrame}"`)
    const found = d.body.match(timeWords)
    if (found) problems.push(`${where}: its body says "${found[0]}"; the heading alone says how soon`)
  }
}

/** every problem found in the content; empty when it is sound */
export function checkContent(files: ContentFiles): string[] {
  const problems: string[] = []
  const questionnaire = parse<Questionnaire>(problems, 'rules/questionnaire.json', schema.Questionnaire, files.questionnaire)
  const redFlags = parse<RedFlags>(problems, 'rules/red-flags.json', schema.RedFlags, files.redFlags)
  const sources = parse<Sources>(problems, 'rules/sources.json', schema.Sources, files.sources)
  if (!questionnaire) return problems

  const factorIds = new Set(questionnaire.factors.map((f) => f.id))
  const all = new Map<string, Question>()
  const sectionIds = new Set<string>()
  for (const section of questionnaire.sections) {
    const where = `rules/questionnaire.json: section "${section.id}"`
    if (sectionIds.has(section.id)) problems.push(`${where}: the id is used twice`)
    sectionIds.add(section.id)
    if (section.factor && !factorIds.has(section.factor)) problems.push(`${where}: factor "${section.factor}" is not in factors`)
    if (section.stage === 'factor' && !section.factor) problems.push(`${where}: a factor section needs a factor`)
    for (const q of section.questions) {
      if (all.has(q.id)) problems.push(`${where}: question "${q.id}" is used twice`)
      if (!q.id.startsWith(`${section.id.split('-')[0]}.`) && !q.id.startsWith(`${section.id}.`)) {
        problems.push(`${where}: question "${q.id}" should start with the section's name`)
      }
      if (q.enableWhen) checkCondition(problems, `${where}: "${q.id}".enableWhen`, q.enableWhen, all)
      if ('options' in q) {
        const values = q.options.map((o) => o.value)
        if (new Set(values).size !== values.length) problems.push(`${where}: "${q.id}" repeats an option value`)
        if (q.type === 'single' && q.options.some((o) => o.exclusive)) problems.push(`${where}: "${q.id}": only multiple choice has exclusive options`)
      }
      if (q.type === 'scale' && q.min >= q.max) problems.push(`${where}: "${q.id}": min must be below max`)
      all.set(q.id, q)
    }
  }
  checkMigrations(problems, files.migrations, questionnaire, all)

  if (redFlags) checkRedFlags(problems, redFlags, questionnaire, all)
  // The FHIR record (src/content/fhir.ts) says every show-when condition in plain enableWhen, or the build stops.
  if (redFlags && problems.length === 0) problems.push(...questionnaireProblems({ questionnaire, redFlags }).map((p) => `rules/questionnaire.json: FHIR cannot say this plainly: ${p}`))

  const rulesByFactor = new Map<string, number>()
  for (const [id, data] of Object.entries(files.recommendations)) {
    const file = `rules/recommendations/${id}.json`
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.push(`${file}: the file name must be lower-case words joined by hyphens`)
    if (data && typeof data === 'object' && 'id' in data) problems.push(`${file}: leave out "id"; the file name is the id`)
    const rule = parse(problems, file, schema.Recommendation, data)
    if (!rule) continue
    if (!factorIds.has(rule.factor)) problems.push(`${file}: factor "${rule.factor}" is not in the questionnaire's factors`)
    rulesByFactor.set(rule.factor, (rulesByFactor.get(rule.factor) ?? 0) + 1)
    checkCondition(problems, `${file}: when`, rule.when, all)
    if (rule.agreement !== 'general' && rule.sources.length === 0) problems.push(`${file}: the article's advice cites at least one passage`)
    for (const other of rule.excludes ?? []) {
      if (other === id || !(other in files.recommendations)) problems.push(`${file}: excludes "${other}", which is not another rule`)
      const back = (files.recommendations[other] as { excludes?: string[] } | undefined)?.excludes
      if (back?.includes(id)) problems.push(`${file}: excludes "${other}", which excludes it back: say which one wins`)
    }
    for (const label of rule.sources) {
      if (sources && !(label in sources.passages)) problems.push(`${file}: source "${label}" is not in rules/sources.json`)
    }
  }
  for (const factor of factorIds) {
    if (!rulesByFactor.get(factor)) problems.push(`rules/recommendations: factor "${factor}" has no rules`)
  }
  if (sources && files.articleLabels) {
    for (const label of Object.keys(sources.passages)) {
      if (!files.articleLabels.has(label)) problems.push(`rules/sources.json: "${label}" is not a passage of the article`)
    }
  }

  const flagIds = new Set(redFlags?.flags.map((f) => f.id))
  for (const [name, data] of Object.entries(files.cases)) {
    const file = `rules/cases/${name}.json`
    const c = parse(problems, file, schema.GoldenCase, data)
    if (!c) continue
    for (const [qid, value] of Object.entries(c.answers)) {
      const q = all.get(qid)
      if (!q) problems.push(`${file}: answer to unknown question "${qid}"`)
      else if ('options' in q) {
        const values = Array.isArray(value) ? value : [value]
        for (const v of values) if (!q.options.some((o) => o.value === v)) problems.push(`${file}: "${v}" is not an option of "${qid}"`)
      }
    }
    for (const id of c.expect.rules) if (!(id in files.recommendations)) problems.push(`${file}: expects unknown rule "${id}"`)
    for (const id of c.expect.redFlags) if (!flagIds.has(id)) problems.push(`${file}: expects unknown red flag "${id}"`)
  }
  return problems
}
