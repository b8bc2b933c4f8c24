/**
 * Which items of a FHIR R4 Questionnaire a form client enables for a set of answers, worked out
 * from the specification, not from the app's code: an item is enabled when its `enableWhen` holds
 * (all entries, or any, as `enableBehavior` says) and its parent is enabled; an item that is not
 * enabled counts as unanswered for the conditions that refer to it. `=` holds when any answer
 * equals the value; `!=` when none does (so also with no answer), as LHC-Forms evaluates them
 * (tests/e2e/fhir.spec.ts checks the same answers in LHC-Forms itself).
 */
type Coding = { system: string; code: string }
export interface FhirEnableWhen {
  question: string
  operator: string
  answerBoolean?: boolean
  answerCoding?: Coding
  answerInteger?: number
}
export interface FhirQuestionnaireItem {
  linkId: string
  type: string
  enableWhen?: FhirEnableWhen[]
  enableBehavior?: 'all' | 'any'
  item?: FhirQuestionnaireItem[]
}
/** a person's answers in FHIR terms: the codes chosen, or a number or a day */
export type FhirAnswers = Record<string, (Coding | number | string)[]>

function meets(when: FhirEnableWhen, answers: (Coding | number | string)[]): boolean {
  const equal = (a: Coding | number | string) =>
    when.answerCoding !== undefined
      ? typeof a === 'object' && a.code === when.answerCoding.code && a.system === when.answerCoding.system
      : a === when.answerInteger
  switch (when.operator) {
    case 'exists':
      return answers.length > 0 === when.answerBoolean
    case '=':
      return answers.some(equal)
    case '!=':
      return !answers.some(equal)
    case '>=':
      return answers.some((a) => typeof a === 'number' && a >= when.answerInteger!)
    case '<=':
      return answers.some((a) => typeof a === 'number' && a <= when.answerInteger!)
    default:
      throw new Error(`operator ${when.operator} is not one this evaluator knows`)
  }
}

/** the linkIds of every enabled item, in document order */
export function enabledItems(items: FhirQuestionnaireItem[], answers: FhirAnswers): string[] {
  const enabled: string[] = []
  // Answers of items that are enabled: a condition never sees an answer to a disabled item.
  const live: FhirAnswers = {}
  const walk = (list: FhirQuestionnaireItem[]) => {
    for (const item of list) {
      const conditions = item.enableWhen ?? []
      const results = conditions.map((w) => meets(w, live[w.question] ?? []))
      const on = conditions.length === 0 || (item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean))
      if (conditions.length > 1 && !item.enableBehavior) throw new Error(`${item.linkId} has several conditions and no enableBehavior`)
      if (!on) continue
      enabled.push(item.linkId)
      if (answers[item.linkId]) live[item.linkId] = answers[item.linkId]!
      walk(item.item ?? [])
    }
  }
  walk(items)
  return enabled
}
