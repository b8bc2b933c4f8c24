import { describe, expect, test } from 'vitest'
import { evaluate, holds, reasons, trace } from '../../src/domain/conditions'
import { daysBetween, withDerivedFacts } from '../../src/domain/facts'
import type { Condition } from '../../src/content/schema'

const facts = { 'scope.side': 'left', 'scope.where': ['insertion', 'bump'], 'pain.worst': 7 }

describe('conditions', () => {
  test.each<[string, Condition, boolean]>([
    ['is matches a single answer', { fact: 'scope.side', operator: 'is', value: 'left' }, true],
    ['is rejects another answer', { fact: 'scope.side', operator: 'is', value: 'right' }, false],
    ['isNot holds for a different answer', { fact: 'scope.side', operator: 'isNot', value: 'right' }, true],
    ['in matches one of a list', { fact: 'scope.side', operator: 'in', value: ['right', 'left'] }, true],
    ['includes finds a chosen option', { fact: 'scope.where', operator: 'includes', value: 'bump' }, true],
    ['includes misses an option not chosen', { fact: 'scope.where', operator: 'includes', value: 'calf' }, false],
    ['includesAny finds any chosen option', { fact: 'scope.where', operator: 'includesAny', value: ['calf', 'bump'] }, true],
    ['atLeast compares numbers', { fact: 'pain.worst', operator: 'atLeast', value: 7 }, true],
    ['atMost compares numbers', { fact: 'pain.worst', operator: 'atMost', value: 6 }, false],
    ['answered holds for an answer', { fact: 'scope.side', operator: 'answered' }, true],
    ['unanswered holds for no answer', { fact: 'pain.trend', operator: 'unanswered' }, true],
    ['isNot is false when nobody answered', { fact: 'pain.trend', operator: 'isNot', value: 'better' }, false],
    ['not of an unanswered fact holds', { not: { fact: 'pain.trend', operator: 'is', value: 'better' } }, true],
    ['an empty all holds', { all: [] }, true],
    ['all needs every part', { all: [{ fact: 'scope.side', operator: 'is', value: 'left' }, { fact: 'pain.worst', operator: 'atLeast', value: 8 }] }, false],
    ['any needs one part', { any: [{ fact: 'scope.side', operator: 'is', value: 'right' }, { fact: 'pain.worst', operator: 'atLeast', value: 5 }] }, true],
  ])('%s', (_, condition, expected) => {
    expect(holds(condition, facts)).toBe(expected)
  })
})

describe('the trace that explains a match', () => {
  test('lists every part of an all, and only the true parts of an any', () => {
    const t = trace(
      {
        all: [
          { fact: 'scope.side', operator: 'is', value: 'left' },
          { any: [{ fact: 'scope.where', operator: 'includes', value: 'calf' }, { fact: 'pain.worst', operator: 'atLeast', value: 5 }] },
        ],
      },
      facts,
    )
    expect(t.result).toBe(true)
    expect(reasons(t).map((r) => [r.condition.fact, r.actual])).toEqual([
      ['scope.side', 'left'],
      ['pain.worst', 7],
    ])
  })

  test('does not give an exclusion (a not) as a reason', () => {
    const t = trace(
      { all: [{ fact: 'pain.worst', operator: 'atLeast', value: 5 }, { not: { fact: 'scope.side', operator: 'is', value: 'right' } }] },
      facts,
    )
    expect(reasons(t).map((r) => r.condition.fact)).toEqual(['pain.worst'])
  })

  test('evaluate returns only the items that hold, each with its trace', () => {
    const items = [
      { id: 'a', when: { fact: 'scope.side', operator: 'is', value: 'left' } as Condition },
      { id: 'b', when: { fact: 'scope.side', operator: 'is', value: 'right' } as Condition },
    ]
    const matches = evaluate(items, facts)
    expect(matches.map((m) => m.item.id)).toEqual(['a'])
    expect(matches[0].trace.result).toBe(true)
  })
})

describe('derived facts', () => {
  test('counts the days to an event', () => {
    expect(daysBetween('2026-11-24', '2026-12-08')).toBe(14)
    expect(withDerivedFacts({ 'pain.eventDate': '2026-12-08' }, '2026-11-24')['event.daysAway']).toBe(14)
  })

  test('leaves out an event that is already past', () => {
    expect(withDerivedFacts({ 'pain.eventDate': '2026-11-01' }, '2026-11-24')).not.toHaveProperty('event.daysAway')
  })
})
