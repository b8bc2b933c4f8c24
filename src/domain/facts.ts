/**
 * Facts are code, rules are data: values the rules may test that are worked out from answers.
 */
import type { Answers } from '../content/schema.ts'

/** Each derived fact, and the question it is worked out from (for "why you see this"). */
export const derivedFacts = {
  /** Whole days from today to the event; absent when there is no date or the event is past. */
  'event.daysAway': 'pain.eventDate',
} as const

const DAY_MS = 24 * 60 * 60 * 1000

/** whole days from one ISO date (YYYY-MM-DD) to another; NaN when either is not a date */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** today's date as YYYY-MM-DD in the person's own time zone */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** the answers plus the facts derived from them */
export function withDerivedFacts(answers: Answers, today: string): Answers {
  const facts: Answers = { ...answers }
  const eventDate = answers['pain.eventDate']
  if (typeof eventDate === 'string') {
    const days = daysBetween(today, eventDate)
    if (days >= 0) facts['event.daysAway'] = days
  }
  return facts
}
