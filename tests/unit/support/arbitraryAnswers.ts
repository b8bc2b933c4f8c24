import fc from 'fast-check'
import { questionnaire } from '../../../src/content/questionnaire'
import type { AnswerValue, Answers, Question } from '../../../src/content/schema'

function valueOf(q: Question): fc.Arbitrary<AnswerValue> {
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...q.options.map((o) => o.value))
    case 'multi':
      return fc.subarray(q.options.map((o) => o.value), { minLength: 1 })
    case 'scale':
      return fc.integer({ min: q.min, max: q.max })
    case 'date':
      return fc
        .integer({ min: -60, max: 200 })
        .map((days) => new Date(Date.UTC(2026, 10, 24) + days * 86_400_000).toISOString().slice(0, 10))
  }
}

/**
 * Any set of answers a person could give: every screening question answered (the flow requires it),
 * any other question answered or not, including answers to questions that end up hidden.
 */
export const arbitraryAnswers: fc.Arbitrary<Answers> = fc
  .record(
    Object.fromEntries(
      questionnaire.sections.flatMap((s) =>
        s.questions.map((q) => [q.id, s.stage === 'screening' ? valueOf(q) : fc.option(valueOf(q), { nil: undefined })]),
      ),
    ),
  )
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Answers)
