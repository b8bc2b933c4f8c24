/**
 * While an urgent warning applies, advice to load, walk on, stretch or massage the leg waits until
 * the person has been checked; and a warning shows the person's own answers, "Not sure" included.
 */
import { render, screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { FlagMessage } from '../../src/ui/components/FlagMessage'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations } from '../../src/content/recommendations'
import { buildResult, type Result } from '../../src/domain/result'
import { ResultScreen } from '../../src/ui/screens/ResultScreen'
import { calm } from './support/answers'
import { resultScreenProps } from './support/resultScreen'

/**
 * Written out by hand, so that taking the mark off a rule fails here: each asks the person to run,
 * train, walk barefoot or more, change shoes, stretch, do yoga, or work on the calf or foot, or
 * (overload-signal) offers a calming explanation that must not sit beside a possible tear or clot.
 */
const mustWait = [
  'aerobic-base', 'barefoot-at-home', 'bump-cold-laser', 'deep-calf-points', 'event-close', 'event-weeks-away',
  'heel-counter-rub', 'heel-drop-exercises', 'overload-signal', 'hills-and-speed', 'ice-and-compression', 'low-calf-and-sole',
  'minimal-shoes-gradual', 'off-the-tendon', 'old-injuries', 'opposite-arm', 'orthotics-work-off',
  'quick-switch-step-back', 'recent-change-in-load', 'recent-pump-bump', 'shoes-heel-and-support',
  'test-with-easy-run', 'train-easy-ache', 'trigger-points-not-easing', 'trigger-points-start',
  'trigger-points-too-often', 'two-part-approach', 'worse-after-stretching', 'yoga-dont-force', 'yoga-within-limits',
]

describe('advice that waits while an urgent warning applies', () => {
  test('every rule that loads, walks on, stretches or massages the leg is marked to wait', () => {
    const marked = new Set(recommendations.filter((r) => r.holdWhenUrgent).map((r) => r.id))
    expect(mustWait.filter((id) => !marked.has(id))).toEqual([])
  })

  test('none of it shows beside an urgent warning, the rest still does, and the result counts what it held back', () => {
    // Answers that bring up calf work, easy runs, barefoot time and yoga, and three things that
    // never touch the leg: a clinician's care, sleep and sugar.
    const answers = {
      ...calm,
      'pain.feel': 'ache',
      'pain.trend': 'better',
      'tried.clinician': 'yes',
      'footwear.barefoot': 'rarely',
      'training.easy': 'little',
      'stress.sleep': 'poor',
      'diet.sugar': 'daily',
      'stretching.yoga': 'often',
      'local.triggerPoints': 'no',
    }
    const shownIds = (result: Result) => result.groups.flatMap((g) => g.suggestions.map((s) => s.item.id)).sort()

    // Worked out by hand from the rules, for these answers:
    const mustWaitHere = [
      'aerobic-base', //        training.easy is "little": build an easy aerobic base (running)
      'barefoot-at-home', //    footwear.barefoot is "rarely": more time barefoot (walking on the leg)
      'overload-signal', //     everyone: a calming explanation that must not sit beside a possible clot
      'test-with-easy-run', //  pain.trend is "better" and the pain is not sharp: try an easy run
      'trigger-points-start', // local.triggerPoints is "no": start working on the calf
      'two-part-approach', //   everyone: the article's plan of calf work and loading
      'yoga-within-limits', //  stretching.yoga is "often", not pushing: keep doing yoga
    ]
    const showsAnyway = [
      'refined-sugar', //        diet.sugar is "daily"
      'sleep-and-recovery', //   stress.sleep is "poor"
      'under-clinician-care', // tried.clinician is "yes": keep to their plan
    ]
    // Not shown at all, for these answers: train-easy-ache (the ache is getting better), trigger-point
    // advice for people who already do them (local.triggerPoints is "no"), yoga-dont-force (no answer).

    const calmResult = buildResult({ questionnaire, redFlags, recommendations }, answers, '2026-11-24')
    expect(calmResult.urgency).toBe('self-care')
    expect(shownIds(calmResult)).toEqual([...mustWaitHere, ...showsAnyway].sort())
    expect(calmResult.held).toBe(0)

    const withUrgentSign = { ...answers, 'urgent.calf': 'unsure' }
    const urgent = buildResult({ questionnaire, redFlags, recommendations }, withUrgentSign, '2026-11-24')
    expect(urgent.urgency).toBe('urgent')
    expect(shownIds(urgent)).toEqual(showsAnyway)
    expect(urgent.held).toBe(7)
  })
})

describe('the urgent result screen', () => {
  test('says that advice was held back, even when every matching suggestion was', () => {
    // With every other answer "no", only the two suggestions for everyone match (overload-signal and
    // two-part-approach), and both wait while a possible tear is checked.
    const { container } = render(<ResultScreen {...resultScreenProps({ ...calm, 'urgent.snap': 'yes' }, '2026-11-24')} />)
    expect(container.querySelectorAll('[data-rule]')).toHaveLength(0)
    expect(screen.getByText(/We have left out 2 of the article's suggestions until a clinician has checked you/)).toBeInTheDocument()
  })
})

describe('a warning message', () => {
  test('shows what the person answered, and asks them to adapt what to say when they were not sure', () => {
    const result = buildResult({ questionnaire, redFlags, recommendations }, { ...calm, 'urgent.calf': 'unsure' }, '2026-11-24')
    render(<FlagMessage level="urgent" heading="Get medical help today" body="…" flags={result.urgent} />)
    expect(screen.getByText('You answered: One calf swollen, warm and sore: Not sure.')).toBeInTheDocument()
    expect(screen.getByText(/Change it to fit: say what you noticed and that you are not sure\./)).toBeInTheDocument()
  })

  test('does not add that note when the person answered yes', () => {
    const result = buildResult({ questionnaire, redFlags, recommendations }, { ...calm, 'urgent.calf': 'yes' }, '2026-11-24')
    render(<FlagMessage level="urgent" heading="Get medical help today" body="…" flags={result.urgent} />)
    expect(screen.getByText('You answered: One calf swollen, warm and sore: Yes.')).toBeInTheDocument()
    expect(screen.queryByText(/Change it to fit/)).toBeNull()
  })
})
