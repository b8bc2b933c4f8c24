/**
 * A small, synchronous, typed rule evaluator in json-rules-engine's data shape.
 * Every evaluated condition keeps its result, so a match carries the trace that explains it.
 */
import type { AnswerValue, Answers, Condition, Fact } from '../content/schema'

/** What one `{ fact, operator, value }` condition found. */
export interface FactTrace {
  kind: 'fact'
  condition: Fact
  actual: AnswerValue | undefined
  result: boolean
}

export type Trace =
  | FactTrace
  | { kind: 'all' | 'any'; result: boolean; children: Trace[] }
  | { kind: 'not'; result: boolean; child: Trace }
  | { kind: 'always'; result: true }

function testFact(condition: Fact, actual: AnswerValue | undefined): boolean {
  const { operator, value } = condition
  if (operator === 'unanswered') return actual === undefined
  if (actual === undefined) return false
  switch (operator) {
    case 'answered':
      return true
    case 'is':
      return actual === value
    case 'isNot':
      return actual !== value
    case 'in':
      return Array.isArray(value) && typeof actual === 'string' && value.includes(actual)
    case 'includes':
      return Array.isArray(actual) && typeof value === 'string' && actual.includes(value)
    case 'includesAny':
      return Array.isArray(actual) && Array.isArray(value) && value.some((v) => actual.includes(v))
    case 'atLeast':
      return typeof actual === 'number' && typeof value === 'number' && actual >= value
    case 'atMost':
      return typeof actual === 'number' && typeof value === 'number' && actual <= value
  }
}

/** evaluates a condition over the facts, keeping the result of every part */
export function trace(condition: Condition, facts: Answers): Trace {
  if ('always' in condition) return { kind: 'always', result: true }
  if ('all' in condition) {
    const children = condition.all.map((c) => trace(c, facts))
    return { kind: 'all', result: children.every((c) => c.result), children }
  }
  if ('any' in condition) {
    const children = condition.any.map((c) => trace(c, facts))
    return { kind: 'any', result: children.some((c) => c.result), children }
  }
  if ('not' in condition) {
    const child = trace(condition.not, facts)
    return { kind: 'not', result: !child.result, child }
  }
  const actual = facts[condition.fact]
  return { kind: 'fact', condition, actual, result: testFact(condition, actual) }
}

/** whether a condition holds over the facts */
export function holds(condition: Condition, facts: Answers): boolean {
  return trace(condition, facts).result
}

/**
 * The fact conditions that made a true trace true: every part of an `all` and the true parts of an
 * `any`. A `not` only rules people out, so it is never a reason. These become "why you see this".
 */
export function reasons(t: Trace): FactTrace[] {
  switch (t.kind) {
    case 'fact':
      return [t]
    case 'all':
      return t.children.flatMap(reasons)
    case 'any':
      return t.children.filter((c) => c.result).flatMap(reasons)
    case 'not':
    case 'always':
      return []
  }
}

interface Match<T> {
  item: T
  trace: Trace
}

/** returns the items whose `when` holds for these facts, each with the trace that explains it */
export function evaluate<T extends { when: Condition }>(items: readonly T[], facts: Answers): Match<T>[] {
  return items.flatMap((item) => {
    const t = trace(item.when, facts)
    return t.result ? [{ item, trace: t }] : []
  })
}
