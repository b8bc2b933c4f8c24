/**
 * Facts are code, rules are data: values the rules may test that are worked out from answers.
 * Which derived facts exist, and what they take, is declared in src/content/format.ts.
 */
import type { Answers } from '../content/schema.ts'

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

/**
 * whether a clinician put this leg in a boot or night splint: the person tried one and did not say
 * it was their own idea. Advice that moves, loads or reshoes the leg defers to that clinician.
 */
function immobilisedByClinician(answers: Answers): 'yes' | 'no' | undefined {
  const tried = answers['tried.list']
  if (!Array.isArray(tried)) return undefined
  return (tried.includes('boot') || tried.includes('night-splint')) && answers['tried.immobilisedBy'] !== 'self' ? 'yes' : 'no'
}

/** the answers plus the facts derived from them */
export function withDerivedFacts(answers: Answers, today: string): Answers {
  const facts: Answers = { ...answers }
  const eventDate = answers['pain.eventDate']
  if (typeof eventDate === 'string') {
    const days = daysBetween(today, eventDate)
    if (days >= 0) facts['event.daysAway'] = days
  }
  const immobilised = immobilisedByClinician(answers)
  if (immobilised) facts['tried.immobilisedByClinician'] = immobilised
  return facts
}
