import { questionnaire } from '../../../src/content/questionnaire'
import type { Answers } from '../../../src/content/schema'
import { calmAnswers } from '../../support/calmAnswers'

/** Every required screening question answered with its all-clear, in scope: a person with no warning signs. */
export const calm: Answers = calmAnswers

/** Felt a snap when it began, and nobody has examined it since. */
export const snapped: Answers = { ...calm, 'urgent.snap': 'yes', 'urgent.seenSince': 'no' }
export const under16: Answers = { ...calm, 'scope.age': 'under-16' }

/** the ids of the questions in screening sections */
export const screeningQuestionIds = questionnaire.sections.filter((s) => s.stage === 'screening').flatMap((s) => s.questions.map((q) => q.id))
