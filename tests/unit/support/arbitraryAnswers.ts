import fc from 'fast-check'
import { questionnaire } from '../../../src/content/questionnaire'
import type { AnswerValue, Answers, Question } from '../../../src/content/schema'
import { calm } from './answers'

/**
 * any answer a person could give to this question: an option of it ("None of these" alone), a
 * number on its scale, a day. A failing case shrinks towards `clear`, the all-clear answer, when
 * there is one, so a counterexample shows only the answers that matter.
 */
function valueOf(q: Question, clear?: AnswerValue): fc.Arbitrary<AnswerValue> {
  switch (q.type) {
    case 'single': {
      const values = q.options.map((o) => o.value)
      return fc.constantFrom(...(typeof clear === 'string' ? [clear, ...values.filter((v) => v !== clear)] : values))
    }
    case 'multi': {
      const plain = q.options.filter((o) => !o.exclusive).map((o) => o.value)
      const alone = q.options.filter((o) => o.exclusive).map((o) => o.value)
      const some = fc.subarray(plain, { minLength: 1 })
      if (!alone.length) return some
      const first = Array.isArray(clear) && clear.length === 1 && alone.includes(clear[0]) ? clear[0] : undefined
      const single = fc.constantFrom(...(first ? [first, ...alone.filter((v) => v !== first)] : alone)).map((v) => [v])
      return first ? fc.oneof(single, some) : fc.oneof(some, single)
    }
    case 'scale':
      return fc.integer({ min: q.min, max: q.max })
    case 'date':
      return fc
        .integer({ min: -60, max: 200 })
        .map((days) => new Date(Date.UTC(2026, 10, 24) + days * 86_400_000).toISOString().slice(0, 10))
  }
}

/**
 * Every warning sign answered with its all-clear, and the pain questions that can call for an
 * assessment answered without one: a person for whom no warning sign holds.
 */
export const allClear: Answers = {
  ...calm,
  'pain.duration': '2-6-weeks',
  'pain.onset': 'gradual',
  'pain.trend': 'same',
}

const sections = questionnaire.sections
const isScreening = (q: Question) => sections.some((s) => s.stage === 'screening' && s.questions.includes(q))
const isFollowUp = (q: Question) => q.enableWhen !== undefined
/** An answer here can end the path (under 16, after an operation, pain elsewhere): always leaning, so most paths go on. */
const inScopeSection = (q: Question) => sections.find((s) => s.id === 'scope')!.questions.includes(q)

/**
 * How one question is answered. `leaning` (always in the scope section) picks the all-clear answer
 * four times in five where there is one. A follow-up is answered or not (`followUps: 'sometimes'`),
 * and any follow-up may be answered whether or not it ends up on screen: hidden answers must never count.
 */
function answerOf(q: Question, leaning: boolean, followUps: 'sometimes' | 'always'): fc.Arbitrary<AnswerValue | undefined> {
  const clear = allClear[q.id]
  const any = valueOf(q, clear)
  const drawn = (leaning || inScopeSection(q)) && clear !== undefined ? fc.oneof({ arbitrary: fc.constant(clear), weight: 4 }, { arbitrary: any, weight: 1 }) : any
  if (isScreening(q) && !(isFollowUp(q) && followUps === 'sometimes')) return drawn
  // Follow-ups answered about three times in four; the questions anyone may skip, four in five.
  return fc.option(drawn, { nil: undefined, freq: isScreening(q) ? 4 : 5 })
}

function answersArbitrary(leaning: boolean, followUps: 'sometimes' | 'always'): fc.Arbitrary<Answers> {
  return fc
    .record(Object.fromEntries(sections.flatMap((s) => s.questions.map((q) => [q.id, answerOf(q, leaning, followUps)]))))
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Answers)
}

/**
 * Any set of answers a person could give to questionnaire version 2: every warning-sign question
 * asked of everyone answered, its follow-ups answered or not, anything else answered or skipped,
 * including answers to questions that end up hidden. Two in three sets lean to the all-clear
 * answers, so many hold no urgent sign and some no warning sign at all; the rest are answered at
 * random past the scope section. Over 2000 sets: about 50% hold no urgent sign, 25% no warning sign
 * at all, 21% are out of scope (the share test in redFlags.property.test.tsx keeps this so).
 */
export const arbitraryAnswers: fc.Arbitrary<Answers> = fc.oneof(
  { arbitrary: answersArbitrary(true, 'sometimes'), weight: 2 },
  { arbitrary: answersArbitrary(false, 'sometimes'), weight: 1 },
)

/** The same, with every warning-sign question answered, follow-ups too: a record the app can resume on its result. */
export const arbitraryCompleteAnswers: fc.Arbitrary<Answers> = fc.oneof(
  { arbitrary: answersArbitrary(true, 'always'), weight: 2 },
  { arbitrary: answersArbitrary(false, 'always'), weight: 1 },
)
