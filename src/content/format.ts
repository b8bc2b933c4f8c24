/**
 * Small facts about the content format that both the content check (build and test time) and the
 * app's logic need. No zod here: this file ships to the browser.
 */
import type { Condition, Fact } from './schema'

/** every `{ fact, operator, value }` inside a condition, however deeply nested */
export function* factsIn(c: Condition): Generator<Fact> {
  if ('always' in c) return
  if ('all' in c) for (const x of c.all) yield* factsIn(x)
  else if ('any' in c) for (const x of c.any) yield* factsIn(x)
  else if ('not' in c) yield* factsIn(c.not)
  else yield c
}

/**
 * Facts the rules may test that are worked out from answers (src/domain/facts.ts computes them),
 * each with the question it comes from, for "why you see this", and the operators it takes.
 */
export const derivedFacts = {
  /** Whole days from today to the event; absent when there is no date or the event is past. */
  'event.daysAway': { from: 'pain.eventDate', operators: ['atLeast', 'atMost', 'answered', 'unanswered'] },
  /**
   * "yes" when the person tried a boot or night splint and did not say it was their own idea, so
   * a clinician is treating this leg; "no" when they said what they tried and it is not that.
   */
  'tried.immobilisedByClinician': { from: 'tried.list', operators: ['is', 'isNot'], values: ['yes', 'no'] },
} as const satisfies Record<string, { from: string; operators: readonly Fact['operator'][]; values?: readonly string[] }>
