/**
 * Reading grade: the app is read by a worried person on a phone, so every text a person reads in
 * rules/ is held to about a reading age of 12 (Flesch-Kincaid grade 7 over all the text), and no
 * one string of ten words or more may be above grade 9.
 *
 */
import { describe, expect, test } from 'vitest'
import type { ContentFiles } from '../../src/content/checkContent'
import { readContent } from '../../scripts/readContent'
import { describeText, LIMITS, measure, QUESTIONNAIRE, round, texts, type Measured } from './support/readingGrade'

const content = readContent()

/** the strings over the limit */
function offenders(files: ContentFiles): Measured[] {
  return measure(texts(files)).offenders
}

const failureMessage = (found: Measured[]) =>
  `${found.length} string(s) of ${LIMITS.minWords} words or more read above grade ${LIMITS.single}. Use shorter sentences and common words:\n` +
  found.map(describeText).join('\n')

describe('reading grade of every text a person reads', () => {
  const report = measure(texts(content))

  test('collects the texts of every kind: questions, red flags, suggestions and passage summaries', () => {
    const files = new Set(report.measured.map((m) => m.file))
    expect(files).toContain(QUESTIONNAIRE)
    expect(files).toContain('rules/red-flags.json')
    expect(files).toContain('rules/sources.json')
    expect([...files].filter((f) => f.startsWith('rules/recommendations/')).length).toBe(Object.keys(content.recommendations).length)
    const fields = report.measured.map((m) => m.field)
    for (const kind of [/\.label$/, /\.hint$/, /\.options\[[^\]]+\]\.label$/, /\.short$/, /^sections\[[^\]]+\]\.(title|intro)$/]) {
      expect(fields.some((f) => kind.test(f)), String(kind)).toBe(true)
    }
    for (const kind of [/^destinations\[[^\]]+\]\.(heading|body)$/, /^flags\[[^\]]+\]\.(summary|advice|say)$/, /whileWaiting/, /^watchFor/, /^welcomeList/]) {
      expect(fields.some((f) => kind.test(f)), String(kind)).toBe(true)
    }
    for (const key of ['title', 'body', 'differs', 'why']) expect(fields).toContain(key)
  })

  test(`all the text together reads at grade ${LIMITS.overall} or below`, () => {
    expect(round(report.overall)).toBeLessThanOrEqual(LIMITS.overall)
  })

  test(`no string of ${LIMITS.minWords} words or more reads above grade ${LIMITS.single}`, () => {
    const found = offenders(content)
    expect(found.map(describeText), failureMessage(found)).toEqual([])
  })

  test('the check would catch a hard sentence added to the content', () => {
    const hard = 'Notwithstanding considerable interindividual heterogeneity, eccentric loading protocols demonstrate substantial efficacy.'
    const broken = structuredClone(content)
    const [id] = Object.keys(broken.recommendations)
    const rule = broken.recommendations[id] as { body: string }
    rule.body = hard
    const found = offenders(broken)
    expect(found.map((m) => `${m.file}: ${m.field}`)).toContain(`rules/recommendations/${id}.json: body`)
    expect(failureMessage(found)).toContain(hard)
    // and a wall of such sentences drags the overall grade over the limit too
    for (const r of Object.values(broken.recommendations) as { body: string; differs: string }[]) r.body = r.differs = `${hard} ${hard}`
    expect(measure(texts(broken)).overall).toBeGreaterThan(LIMITS.overall)
  })

  test('a hard question added to a copy of the questionnaire is reported, with its file and field', () => {
    const broken = structuredClone(content)
    const sections = (broken.questionnaire as { sections: { questions: { label: string; id: string }[] }[] }).sections
    const question = sections[0].questions[0]
    question.label = 'Have you experienced considerable interindividual heterogeneity regarding symptomatic manifestations previously?'
    expect(offenders(broken).map((m) => `${m.file}: ${m.field}`)).toContain(`${QUESTIONNAIRE}: ${question.id}.label`)
  })

})
