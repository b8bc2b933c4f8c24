/**
 * From answers to the result a person reads: red flags first, then the article's suggestions
 * grouped by factor, each with the answers that explain it.
 */
import { evaluate, reasons, type FactTrace, type Trace } from './conditions'
import { derivedFacts } from '../content/format'
import { withDerivedFacts } from './facts'
import type { AnswerValue, Answers, Factor, FullContent, Question, Recommendation, RedFlag, Urgency } from '../content/schema'
import { answerText, type AnswerLine } from './answerText'
import { visibility } from './visibility'

export interface Explained<T> {
  item: T
  /** The person's answers that made it show. */
  why: AnswerLine[]
}

export interface Result {
  /** The highest level that applies: urgent, then soon, then out of scope, else self-care. */
  urgency: Urgency
  urgent: Explained<RedFlag>[]
  soon: Explained<RedFlag>[]
  outOfScope: Explained<RedFlag>[]
  /** The article's suggestions by factor, in the questionnaire's factor order; empty when out of scope. */
  groups: { factor: Factor; suggestions: Explained<Recommendation>[] }[]
  /** How many matching suggestions were left out because an urgent warning applies (holdWhenUrgent). */
  held: number
}

/**
 * the options of a multiple-choice answer that a condition matched ("includes sharp" matched only
 * "sharp"), so a reason never names an option that did not bring the suggestion up
 */
function matchedOptions(condition: FactTrace['condition'], value: AnswerValue): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  if (condition.fact === 'tried.immobilisedByClinician') return value.filter((v) => v === 'boot' || v === 'night-splint')
  if (condition.operator === 'includes') return [String(condition.value)]
  if (condition.operator === 'includesAny' && Array.isArray(condition.value)) return value.filter((v) => (condition.value as string[]).includes(v))
  return undefined
}

function explain(t: Trace, questions: Map<string, Question>, facts: Answers): AnswerLine[] {
  const byQuestion = new Map<string, { question: Question; value: AnswerValue; options?: Set<string> }>()
  for (const { condition } of reasons(t)) {
    const questionId = Object.hasOwn(derivedFacts, condition.fact) ? derivedFacts[condition.fact as keyof typeof derivedFacts].from : condition.fact
    const question = questions.get(questionId)
    const value = facts[questionId]
    // A question left blank is no reason to show something ("not: trend is better" with no answer).
    if (!question || value === undefined) continue
    const matched = matchedOptions(condition, value)
    const seen = byQuestion.get(questionId)
    if (!seen) byQuestion.set(questionId, { question, value, options: matched && new Set(matched) })
    else if (seen.options && matched) matched.forEach((m) => seen.options!.add(m))
    else seen.options = undefined // a condition on the whole answer: name all of it
  }
  return [...byQuestion].map(([questionId, { question, value, options }]) => {
    const shown = options ? (value as string[]).filter((v) => options.has(v)) : value
    return { questionId, question: question.short, answer: answerText(question, shown), value: shown }
  })
}

/** builds the result for these answers on this day (YYYY-MM-DD) */
export function buildResult(content: FullContent, answers: Answers, today: string): Result {
  const v = visibility(content, answers)
  const facts = withDerivedFacts(v.answers, today)
  const questions = new Map(content.questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))
  const why = <T>({ item, trace }: { item: T; trace: Trace }): Explained<T> => ({
    item,
    why: explain(trace, questions, facts),
  })

  const flags = evaluate(content.redFlags.flags, facts).map(why)
  const byLevel = (level: RedFlag['urgency']) => flags.filter((f) => f.item.urgency === level)
  const urgent = byLevel('urgent')
  const soon = byLevel('soon')
  const outOfScope = byLevel('out-of-scope')

  // Advice that loads, walks on or massages the leg waits until someone with an urgent sign is checked.
  const matching = v.outOfScope ? [] : evaluate(content.recommendations, facts).map(why)
  // A rule that contradicts a stronger one for this person is left out (rules say which in `excludes`).
  const excluded = new Set(matching.flatMap((s) => s.item.excludes ?? []))
  const consistent = matching.filter((s) => !excluded.has(s.item.id))
  const suggestions = urgent.length ? consistent.filter((s) => !s.item.holdWhenUrgent) : consistent
  const groups = content.questionnaire.factors
    .map((factor) => ({
      factor,
      suggestions: suggestions
        .filter((s) => s.item.factor === factor.id)
        .sort((a, b) => b.item.strength - a.item.strength || a.item.id.localeCompare(b.item.id)),
    }))
    .filter((g) => g.suggestions.length > 0)

  const urgency: Urgency = urgent.length
    ? 'urgent'
    : soon.length
      ? 'soon'
      : outOfScope.length
        ? 'out-of-scope'
        : 'self-care'
  return { urgency, urgent, soon, outOfScope, groups, held: consistent.length - suggestions.length }
}
