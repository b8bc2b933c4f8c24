/**
 * From answers to the result a person reads: red flags first, then the article's suggestions
 * grouped by factor, each with the answers that explain it.
 */
import { evaluate, reasons, type Trace } from './conditions'
import { derivedFacts } from '../content/format'
import { withDerivedFacts } from './facts'
import type { Answers, Factor, FullContent, Question, Recommendation, RedFlag, Urgency } from '../content/schema'
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

function explain(t: Trace, questions: Map<string, Question>, facts: Answers): AnswerLine[] {
  const seen = new Set<string>()
  return reasons(t).flatMap(({ condition }) => {
    const questionId = Object.hasOwn(derivedFacts, condition.fact) ? derivedFacts[condition.fact as keyof typeof derivedFacts].from : condition.fact
    const question = questions.get(questionId)
    const value = facts[questionId]
    // A question left blank is no reason to show something ("not: trend is better" with no answer).
    if (!question || value === undefined || seen.has(questionId)) return []
    seen.add(questionId)
    return [{ questionId, question: question.short, answer: answerText(question, value), value }]
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
