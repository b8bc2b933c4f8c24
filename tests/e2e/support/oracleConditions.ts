/**
 * A condition evaluator for the browser tests, written from the content format's description and
 * not from the app's engine (src/domain/conditions.ts), so that a fault in the engine shows up as
 * a difference between what the app prints and what these tests expect.
 *
 * The format is json-rules-engine's shape:
 *   - `{ always: true }` holds for everyone;
 *   - `{ all: [...] }` holds when every part holds, `{ any: [...] }` when at least one does;
 *   - `{ not: c }` holds when `c` does not;
 *   - `{ fact, operator, value }` tests one answer (or a fact worked out from the answers).
 *
 * Operators: is, isNot (answered, and not the value), in (a single choice among the values),
 * includes (a multiple choice holding the value), includesAny (holding any of the values), atLeast,
 * atMost, answered, unanswered. Every operator except `unanswered` is false when the fact has no
 * answer, so a rule never fires on a question nobody was asked.
 */

export type OracleAnswer = string | number | string[]
export type OracleFacts = Readonly<Record<string, OracleAnswer | undefined>>

export type OracleOperator = 'is' | 'isNot' | 'in' | 'includes' | 'includesAny' | 'atLeast' | 'atMost' | 'answered' | 'unanswered'

export interface OracleFact {
  fact: string
  operator: OracleOperator
  value?: string | number | string[]
}

export type OracleCondition =
  | OracleFact
  | { all: OracleCondition[] }
  | { any: OracleCondition[] }
  | { not: OracleCondition }
  | { always: true }

/** whether one fact test holds for this answer (undefined: the person gave none) */
function factHolds({ operator, value }: OracleFact, answer: OracleAnswer | undefined): boolean {
  if (answer === undefined) return operator === 'unanswered'
  const list = Array.isArray(answer) ? answer : undefined
  const wanted = Array.isArray(value) ? value : undefined
  switch (operator) {
    case 'unanswered':
      return false
    case 'answered':
      return true
    case 'is':
      return answer === value
    case 'isNot':
      return answer !== value
    case 'in':
      return typeof answer === 'string' && wanted !== undefined && wanted.indexOf(answer) !== -1
    case 'includes':
      return list !== undefined && typeof value === 'string' && list.indexOf(value) !== -1
    case 'includesAny':
      return list !== undefined && wanted !== undefined && list.some((v) => wanted.indexOf(v) !== -1)
    case 'atLeast':
      return typeof answer === 'number' && typeof value === 'number' && answer >= value
    case 'atMost':
      return typeof answer === 'number' && typeof value === 'number' && answer <= value
    default:
      throw new Error(`oracleConditions: unknown operator ${JSON.stringify(operator)}`)
  }
}

/** whether a condition holds over these facts, worked out here and not by the app */
export function oracleHolds(condition: OracleCondition, facts: OracleFacts): boolean {
  if ('always' in condition) return condition.always === true
  if ('all' in condition) return condition.all.every((c) => oracleHolds(c, facts))
  if ('any' in condition) return condition.any.some((c) => oracleHolds(c, facts))
  if ('not' in condition) return !oracleHolds(condition.not, facts)
  return factHolds(condition, Object.hasOwn(facts, condition.fact) ? facts[condition.fact] : undefined)
}
