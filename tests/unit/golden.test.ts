/**
 * Golden cases: answers in, expected result out (rules/cases/*.json). Each expectation was worked
 * out by hand from the rule conditions, so a change to a rule or to the engine that alters what a
 * person would see makes one of these fail.
 */
import { describe, expect, test } from 'vitest'
import type { GoldenCase } from '../../src/content/schema'
import { CASE_DEFAULT_TODAY } from '../support/caseDay'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations } from '../../src/content/recommendations'
import { buildResult } from '../../src/domain/result'

const files = import.meta.glob<GoldenCase>('../../rules/cases/*.json', { eager: true, import: 'default' })
const cases = Object.entries(files)
  .map(([path, c]) => ({ name: path.replace(/^.*\//, '').replace(/\.json$/, ''), ...c }))
  .sort((a, b) => a.name.localeCompare(b.name))

const sorted = (ids: Iterable<string>) => [...ids].sort()

describe('golden cases', () => {
  test.each(cases.map((c) => [c.description, c] as const))('%s', (_description, c) => {
    const result = buildResult({ questionnaire, redFlags, recommendations }, c.answers, c.today ?? CASE_DEFAULT_TODAY)

    expect(result.urgency).toBe(c.expect.urgency)

    const shownFlags = [...result.urgent, ...result.soon, ...result.outOfScope].map((f) => f.item.id)
    expect(sorted(shownFlags)).toEqual(sorted(c.expect.redFlags))

    const shownRules = result.groups.flatMap((g) => g.suggestions.map((s) => s.item.id))
    expect(sorted(shownRules)).toEqual(sorted(c.expect.rules))
  })
})

describe('the golden cases cover the content', () => {
  const expectedFlags = new Set(cases.flatMap((c) => c.expect.redFlags))
  const expectedRules = new Set(cases.flatMap((c) => c.expect.rules))

  test('there are at least 25 cases, with distinct descriptions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25)
    expect(new Set(cases.map((c) => c.description)).size).toBe(cases.length)
  })

  test('every red flag is expected by at least one case', () => {
    const missing = redFlags.flags.filter((f) => f.urgency !== 'out-of-scope' && !expectedFlags.has(f.id)).map((f) => f.id)
    expect(missing).toEqual([])
  })

  test('every out-of-scope flag is expected by at least one case', () => {
    const missing = redFlags.flags.filter((f) => f.urgency === 'out-of-scope' && !expectedFlags.has(f.id)).map((f) => f.id)
    expect(missing).toEqual([])
  })

  test('every urgent flag has a case where it is the only urgent flag', () => {
    // After an operation every sign comes with "after-surgery" (not urgent), so alone means alone among the urgent ones.
    const urgentIds = new Set(redFlags.flags.filter((f) => f.urgency === 'urgent').map((f) => f.id))
    const urgentOf = (c: (typeof cases)[number]) => c.expect.redFlags.filter((id) => urgentIds.has(id))
    const alone = new Set(cases.filter((c) => urgentOf(c).length === 1).map((c) => urgentOf(c)[0]))
    const missing = redFlags.flags.filter((f) => f.urgency === 'urgent' && !alone.has(f.id)).map((f) => f.id)
    expect(missing).toEqual([])
  })

  test('every rule is expected by at least one case', () => {
    const missing = recommendations.filter((r) => !expectedRules.has(r.id)).map((r) => r.id)
    expect(missing).toEqual([])
  })

  test('every factor has a rule expected by at least one case', () => {
    const factorsSeen = new Set(recommendations.filter((r) => expectedRules.has(r.id)).map((r) => r.factor))
    const missing = questionnaire.factors.filter((f) => !factorsSeen.has(f.id)).map((f) => f.id)
    expect(missing).toEqual([])
  })

  test('every urgency level is expected by at least one case', () => {
    expect(new Set(cases.map((c) => c.expect.urgency))).toEqual(new Set(['urgent', 'soon', 'out-of-scope', 'self-care']))
  })
})
