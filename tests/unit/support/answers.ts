import { questionnaire } from '../../../src/content/questionnaire'
import type { Answers } from '../../../src/content/schema'

/** Every required screening question answered with its all-clear, in scope: a person with no warning signs. */
export const calm: Answers = {
  'scope.age': '16-plus',
  'scope.surgery': 'no',
  'scope.where': ['mid-tendon'],
  'scope.side': 'left',
  'urgent.snap': 'no',
  'urgent.weightNow': 'normal',
  'urgent.calf': 'no',
  'urgent.heel': ['neither'],
  'urgent.fever': 'no',
  'urgent.medicines': ['none'],
  'soon.signs': ['none'],
}

/** Felt a snap when it began, and nobody has examined it since. */
export const snapped: Answers = { ...calm, 'urgent.snap': 'yes', 'urgent.seenSince': 'no' }
export const under16: Answers = { ...calm, 'scope.age': 'under-16' }

/** the ids of the questions in screening sections */
export const screeningQuestionIds = questionnaire.sections.filter((s) => s.stage === 'screening').flatMap((s) => s.questions.map((q) => q.id))
