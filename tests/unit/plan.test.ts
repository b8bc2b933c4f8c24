/**
 * What matters first: the plan at the top of the result, suggestions that never contradict each
 * other, and reasons that name what the person actually said.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { readContent } from '../../scripts/readContent'
import { checkContent } from '../../src/content/checkContent'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations, sources } from '../../src/content/recommendations'
import type { Condition, GoldenCase } from '../../src/content/schema'
import { buildSummary } from '../../src/domain/summary'
import { CASE_DEFAULT_TODAY } from '../support/caseDay'
import { arbitraryAnswers } from './support/arbitraryAnswers'

const content = { questionnaire, redFlags, recommendations, sources }
const summaryOf = (answers: GoldenCase['answers'], today = CASE_DEFAULT_TODAY) => buildSummary(content, answers, today, { app: 'test', rules: 'test' })
const shownIds = (s: ReturnType<typeof summaryOf>) => s.groups.flatMap((g) => g.suggestions.map((x) => x.rule.id))
const casesDir = join(import.meta.dirname, '../../rules/cases')
const cases = readdirSync(casesDir).map((f) => ({ name: f, ...(JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as GoldenCase) }))

/** every fact a condition reads, written here rather than taken from the app */
function factsRead(c: Condition): string[] {
  if ('always' in c) return []
  if ('all' in c) return c.all.flatMap(factsRead)
  if ('any' in c) return c.any.flatMap(factsRead)
  if ('not' in c) return factsRead(c.not)
  return [c.fact]
}

describe('the plan at the top of the result', () => {
  test('for the typical runner: the quick switch to minimal shoes, the jump in training, then what stretching does to the tendon', () => {
    const runner = cases.find((c) => c.name === 'typical-runner-mileage-jump-minimal-shoes.json')!
    const plan = summaryOf(runner.answers).plan
    // Written out by hand: the two changes the runner reported (strength 5, most clinicians agree),
    // then the harm they reported from stretching (strength 5, clinicians differ).
    expect(plan.map((p) => [p.rule.id, p.rule.agreement])).toEqual([
      ['quick-switch-step-back', 'most-agree'],
      ['recent-change-in-load', 'most-agree'],
      ['worse-after-stretching', 'differ'],
    ])
    expect(plan[0].whyText).toBe('You said: Changed shoes in the last 3 months: Yes, to a lower heel or less cushioning, all at once or within a couple of weeks.')
  })

  test('holds at most three items, all shown below too, for every golden case', () => {
    for (const c of cases) {
      const s = summaryOf(c.answers, c.today)
      expect(s.plan.length, c.name).toBeLessThanOrEqual(3)
      for (const item of s.plan) expect(shownIds(s), c.name).toContain(item.rule.id)
    }
  })
})

describe('suggestions never contradict each other', () => {
  const excludedPairs = recommendations.flatMap((r) => (r.excludes ?? []).map((other) => [r.id, other] as const))

  test('the rules declare the pairs that contradict: a quick switch to minimal shoes rules out more barefoot time and the case against cushioned shoes', () => {
    expect(excludedPairs).toEqual(
      expect.arrayContaining([
        ['quick-switch-step-back', 'barefoot-at-home'],
        ['quick-switch-step-back', 'shoes-heel-and-support'],
      ]),
    )
  })

  test('no result ever shows both rules of an excluded pair, for random answers', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const shown = new Set(shownIds(summaryOf(answers)))
        for (const [a, b] of excludedPairs) expect(shown.has(a) && shown.has(b), `${a} with ${b}`).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  test('the content check refuses a rule that excludes one that does not exist, or one that excludes it back', () => {
    const files = readContent()
    const broken = structuredClone(files)
    ;(broken.recommendations['quick-switch-step-back'] as { excludes: string[] }).excludes = ['no-such-rule', 'barefoot-at-home']
    ;(broken.recommendations['barefoot-at-home'] as { excludes?: string[] }).excludes = ['quick-switch-step-back']
    const problems = checkContent(broken)
    expect(problems).toContain('rules/recommendations/quick-switch-step-back.json: excludes "no-such-rule", which is not another rule')
    expect(problems).toContain('rules/recommendations/quick-switch-step-back.json: excludes "barefoot-at-home", which excludes it back: say which one wins')
  })
})

describe('why a suggestion is shown', () => {
  test('every reason names an answer the rule reads, and no reason is a bare "No" or "None", in every golden case', () => {
    for (const c of cases) {
      for (const g of summaryOf(c.answers, c.today).groups) {
        for (const s of g.suggestions) {
          const read = factsRead(s.rule.when).map((f) => (f === 'tried.immobilisedByClinician' ? 'tried.list' : f === 'event.daysAway' ? 'pain.eventDate' : f))
          for (const line of s.why) expect(read, `${c.name}: ${s.rule.id}`).toContain(line.questionId)
          expect(s.whyText, `${c.name}: ${s.rule.id}`).not.toMatch(/: (No|None)(;|\.)/)
        }
      }
    }
  })

  test('advice that is not from the article says so, and the article\'s own advice cites a passage', () => {
    for (const r of recommendations) {
      if (r.agreement === 'general') expect(r.title, r.id).toMatch(/general guidance/i)
      else expect(r.sources.length, r.id).toBeGreaterThan(0)
    }
    expect(recommendations.filter((r) => r.agreement === 'general').map((r) => r.id).sort()).toEqual(['calf-strengthening', 'sleep-and-recovery'])
  })
})
