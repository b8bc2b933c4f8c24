/**
 * Where to put a person who comes back: the step they were on, unless the saved answers say they
 * could not have got there (an edited or damaged saved copy). The red-flag screens can never be
 * skipped this way.
 */
import { flowContent as content, questionnaire } from '../../content/questionnaire'
import type { Answers } from '../../content/schema'
import { flagsAt } from '../screening'
import { missingRequired, visibility } from '../visibility'

const order = questionnaire.sections.map((s) => s.id)

/** the sections that must be complete before a person can stand on this step */
function sectionsBefore(step: string, answers: Answers): string[] {
  if (step === 'urgentAdvice') return ['urgent']
  if (step === 'outOfScope') return ['urgent', 'soon', 'scope']
  // Once the urgent warning has been shown, the result may be read straight away.
  if (step === 'result' && flagsAt(content, answers, 'urgent').length > 0) return ['urgent']
  const index = order.indexOf(step)
  return index === -1 ? order : order.slice(0, index)
}

/** the step to resume on, given where the person was and what they answered */
export function resumeStep(step: string, answers: Answers): string {
  if (step === 'welcome') return step
  const v = visibility(content, answers)
  const onPath = new Set(v.sections.map((s) => s.id))
  const incomplete = sectionsBefore(step, answers).find((id) => onPath.has(id) && missingRequired(v, id).length > 0)
  if (incomplete) return incomplete
  if (step === 'urgentAdvice' && flagsAt(content, answers, 'urgent').length === 0) return 'soon'
  if (step === 'outOfScope' && !v.outOfScope) return 'pain'
  if (v.outOfScope && step !== 'result' && !onPath.has(step)) return 'outOfScope'
  return step
}
