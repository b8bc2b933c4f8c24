import { questionnaire } from '../../../src/content/questionnaire'
import type { Answers } from '../../../src/content/schema'

/** Every screening question answered "no", in scope: a person with no warning signs. */
export const calm: Answers = Object.fromEntries(
  questionnaire.sections
    .filter((s) => s.stage === 'screening')
    .flatMap((s) => s.questions)
    .filter((q) => q.type === 'single' && q.options.some((o) => o.value === 'no'))
    .map((q) => [q.id, 'no']),
)
Object.assign(calm, { 'scope.age': '16-plus', 'scope.location': 'achilles' })
delete calm['soon.otherJoints'] // hidden unless both heels hurt

export const snapped: Answers = { ...calm, 'urgent.snap': 'yes' }
export const under16: Answers = { ...calm, 'scope.age': 'under-16' }

/** the ids of the questions in screening sections */
export const screeningQuestionIds = questionnaire.sections.filter((s) => s.stage === 'screening').flatMap((s) => s.questions.map((q) => q.id))
