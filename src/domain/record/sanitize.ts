/**
 * Stored answers are checked against the questionnaire whenever they are loaded: storage can be
 * corrupted, edited by hand, or written by an older version of the questions. Only answers that
 * fit a question today are kept; the rest are counted so the person can be told.
 */
import type { AnswerValue, Answers, Question, Questionnaire } from '../../content/schema'

/** A day with a four-digit year: a browser's date field also reports "20260-01-01" for a stray digit. */
const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** whether a value is a possible answer to this question */
export function fitsQuestion(question: Question, value: unknown): value is AnswerValue {
  switch (question.type) {
    case 'single':
      return typeof value === 'string' && question.options.some((o) => o.value === value)
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0 || new Set(value).size !== value.length) return false
      const options = value.map((v) => question.options.find((o) => o.value === v))
      // "None of these" never stands beside another choice.
      return options.every(Boolean) && (value.length === 1 || options.every((o) => !o!.exclusive))
    }
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= question.min && value <= question.max
    case 'date':
      // A real calendar day: 2026-02-31 parses, but is not one.
      return typeof value === 'string' && isoDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  }
}

/** the answers that fit today's questions, and how many did not */
export function sanitizeAnswers(questionnaire: Questionnaire, raw: unknown): { answers: Answers; dropped: number } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { answers: {}, dropped: 0 }
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))
  const answers: Answers = {}
  let dropped = 0
  for (const [id, value] of Object.entries(raw)) {
    const question = questions.get(id)
    if (question && fitsQuestion(question, value)) answers[id] = value
    else dropped++
  }
  return { answers, dropped }
}
