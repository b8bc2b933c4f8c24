/**
 * Answers in plain words (never ids), for review, "why you see this" and the printout.
 */
import type { AnswerValue, Question } from '../content/schema'
import type { Visibility } from './visibility'

export interface AnswerLine {
  questionId: string
  /** The question's short form, e.g. "How long". */
  question: string
  /** The answer in words, e.g. "2 to 6 weeks". */
  answer: string
  /** The answer as stored, e.g. "2-6-weeks". */
  value: AnswerValue
}

/** formats an ISO date (YYYY-MM-DD) as "3 March 2027", the same on every device */
export function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** one answer in words */
export function answerText(question: Question, value: AnswerValue): string {
  switch (question.type) {
    case 'single':
    case 'multi': {
      const values = Array.isArray(value) ? value : [String(value)]
      return values.map((v) => question.options.find((o) => o.value === v)?.label ?? v).join('; ')
    }
    case 'scale':
      return `${value} out of ${question.max}`
    case 'date':
      return formatDate(String(value))
  }
}

/** the visible answered questions of each section on the path, in order, in words */
export function answeredSections(v: Visibility) {
  return v.sections.map((section) => ({
    section,
    lines: (v.questions.get(section.id) ?? []).flatMap((q): AnswerLine[] => {
      const value = v.answers[q.id]
      return value === undefined ? [] : [{ questionId: q.id, question: q.short, answer: answerText(q, value), value }]
    }),
  }))
}
