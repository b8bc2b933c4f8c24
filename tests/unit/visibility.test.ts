import { describe, expect, test } from 'vitest'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations } from '../../src/content/recommendations'
import { answeredSections } from '../../src/domain/answerText'
import type { Questionnaire } from '../../src/content/schema'
import { visibility } from '../../src/domain/visibility'
import { buildResult } from '../../src/domain/result'
import { calm, under16 } from './support/answers'

const content = { questionnaire, redFlags, recommendations }

describe('answers to hidden questions', () => {
  // "Worse the day after you stretch" is asked only of someone who stretches the sore side.
  const answers = { ...calm, 'pain.event': 'no', 'pain.eventDate': '2026-12-01', 'stretching.sore': 'no', 'stretching.worseAfter': 'yes' }

  test('are kept, so they come back if the person changes their mind', () => {
    const v = visibility(content, answers)
    expect(v.answers).not.toHaveProperty('pain.eventDate')
    expect(v.answers).not.toHaveProperty('stretching.worseAfter')
    const shown = visibility(content, { ...answers, 'pain.event': 'yes' })
    expect(shown.answers['pain.eventDate']).toBe('2026-12-01')
    expect(visibility(content, { ...answers, 'stretching.sore': 'step' }).answers['stretching.worseAfter']).toBe('yes')
  })

  test('never count towards a suggestion', () => {
    const ids = buildResult(content, answers, '2026-11-24').groups.flatMap((g) => g.suggestions.map((s) => s.item.id))
    const worseAfterRule = recommendations.find((r) => JSON.stringify(r.when).includes('stretching.worseAfter'))!
    expect(worseAfterRule.id).toBe('worse-after-stretching')
    expect(ids).not.toContain(worseAfterRule.id)
    const visibleIds = buildResult(content, { ...answers, 'stretching.sore': 'flat' }, '2026-11-24').groups.flatMap((g) =>
      g.suggestions.map((s) => s.item.id),
    )
    expect(visibleIds).toContain(worseAfterRule.id)
  })

  test('never appear in the answers the person reviews or prints', () => {
    const lines = answeredSections(visibility(content, answers)).flatMap((s) => s.lines)
    expect(lines.map((l) => l.questionId)).not.toContain('pain.eventDate')
    expect(lines.map((l) => l.questionId)).not.toContain('stretching.worseAfter')
    expect(lines.find((l) => l.questionId === 'pain.event')).toEqual({ questionId: 'pain.event', question: 'Event coming up', answer: 'No', value: 'no' })
  })

  test('a follow-up whose condition fails is hidden, with its answer kept out', () => {
    // footwear.transition shows for minimal shoes, unless a recent change to lower shoes already said how quickly.
    const minimal = { ...calm, 'footwear.everyday': 'minimal', 'footwear.transition': 'quick' }
    expect(visibility(content, minimal).answers['footwear.transition']).toBe('quick')
    // With no footwear answers it is hidden.
    expect(visibility(content, { ...calm, 'footwear.transition': 'quick' }).answers).not.toHaveProperty('footwear.transition')
    // With minimal shoes after a recent move to lower shoes, it is hidden too.
    const changed = visibility(content, { ...minimal, 'footwear.change': 'lower-quick' })
    expect(changed.answers).not.toHaveProperty('footwear.transition')
    expect(changed.questions.get('footwear')?.map((q) => q.id)).not.toContain('footwear.transition')
  })

  test('hiding cascades: a question shown only by a hidden answer is hidden too', () => {
    const yesNo = [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ]
    const chain: Questionnaire = {
      version: 1,
      factors: [{ id: 'f', title: 'F' }],
      sections: [
        {
          id: 'chain',
          stage: 'pain',
          title: 'Chain',
          short: 'Chain',
          questions: [
            { id: 'chain.a', type: 'single', label: 'A?', short: 'A', options: yesNo },
            { id: 'chain.b', type: 'single', label: 'B?', short: 'B', options: yesNo, enableWhen: { fact: 'chain.a', operator: 'is', value: 'yes' } },
            { id: 'chain.c', type: 'single', label: 'C?', short: 'C', options: yesNo, enableWhen: { fact: 'chain.b', operator: 'is', value: 'yes' } },
          ],
        },
      ],
    }
    const v = visibility({ questionnaire: chain, redFlags }, { 'chain.a': 'no', 'chain.b': 'yes', 'chain.c': 'yes' })
    expect(v.answers).toEqual({ 'chain.a': 'no' })
    expect(v.questions.get('chain')?.map((q) => q.id)).toEqual(['chain.a'])
  })
})

describe('an out-of-scope answer', () => {
  test('ends the path after the scope questions, so later answers do not count', () => {
    // under16 also holds the all-clear warning signs and the signs worth an assessment: none of them counts.
    const v = visibility(content, { ...under16, 'pain.duration': '3-6-months', 'footwear.rub': 'yes' })
    expect(v.outOfScope).toBe(true)
    expect(v.sections.map((s) => s.id)).toEqual(['scope'])
    expect(v.answers).toEqual({ 'scope.age': 'under-16', 'scope.surgery': 'no', 'scope.where': ['mid-tendon'], 'scope.side': 'left' })
    expect(buildResult(content, { ...under16, 'scope.where': ['insertion'], 'footwear.rub': 'yes' }, '2026-11-24').groups).toEqual([])
  })
})

describe('why a suggestion shows', () => {
  test('names each answer that brought it up, in words', () => {
    // The rub question is asked when it hurts where the tendon joins the heel, or on a bump there.
    const result = buildResult(content, { ...calm, 'scope.where': ['insertion'], 'footwear.rub': 'yes' }, '2026-11-24')
    const rub = result.groups.flatMap((g) => g.suggestions).find((s) => s.why.some((w) => w.questionId === 'footwear.rub'))
    expect(rub?.why).toContainEqual({ questionId: 'footwear.rub', question: 'Shoe back rubs on the heel', answer: 'Yes', value: 'yes' })
  })

  test('shows an event date as a date, not as a number of days', () => {
    const result = buildResult(content, { ...calm, 'pain.event': 'yes', 'pain.eventDate': '2026-12-05' }, '2026-11-24')
    const why = result.groups.flatMap((g) => g.suggestions).flatMap((s) => s.why)
    expect(why).toContainEqual({ questionId: 'pain.eventDate', question: 'Event date', answer: '5 December 2026', value: '2026-12-05' })
  })
})
