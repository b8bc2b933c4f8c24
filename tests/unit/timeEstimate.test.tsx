/**
 * The welcome screen promises a time. It must stay true as the questions change: here the typical
 * runner's path (a golden case) is timed with a plain reading model, written out below.
 */
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import typicalRunner from '../../rules/cases/typical-runner-mileage-jump-minimal-shoes.json'
import { questionnaire } from '../../src/content/questionnaire'
import { WelcomeScreen } from '../../src/ui/screens/WelcomeScreen'

/** A careful reader on a phone: 200 words a minute, and about 4 seconds to choose and tap each answer. */
const WORDS_PER_MINUTE = 200
const SECONDS_PER_ANSWER = 4
const words = (text = '') => text.split(/\s+/).filter(Boolean).length

describe('the time the welcome screen promises', () => {
  test('matches a timed walk of the typical runner, who answers at most 35 questions', () => {
    const answered = new Set(Object.keys(typicalRunner.answers))
    expect(answered.size).toBeLessThanOrEqual(35)
    let read = 0
    for (const section of questionnaire.sections) {
      const asked = section.questions.filter((q) => answered.has(q.id))
      if (asked.length === 0) continue
      read += words(section.title) + words(section.intro)
      for (const q of asked) read += words(q.label) + words(q.hint) + ('options' in q ? q.options.reduce((n, o) => n + words(o.label) + words(o.hint), 0) : 0)
    }
    const minutes = read / WORDS_PER_MINUTE + (answered.size * SECONDS_PER_ANSWER) / 60
    const promised = Number(renderToString(<WelcomeScreen />).match(/About (\d+) minutes/)?.[1])
    expect(promised).toBeGreaterThan(0)
    // Within a fifth either way, so the promise moves when the questions grow or shrink.
    expect(Math.abs(minutes - promised) / promised).toBeLessThan(0.2)
  })
})
