/**
 * Where to put a person who comes back: the step they were on, unless the saved answers say they
 * could not have got there (an edited or damaged saved copy). The red-flag screens can never be
 * skipped this way. This is the one place a saved step is read and checked.
 */
import { flowContent } from '../../content/questionnaire'
import type { Answers, Content } from '../../content/schema'
import { branchSection, flagsAt, sectionAfter } from '../screening'
import { missingRequired, visibility } from '../visibility'
import { flowSections, steps } from './machine'

const UNKNOWN_STEP_NOTICE = 'We could not tell where you were, so here are your answers to check.'

/** the sections that must be complete before a person can stand on this step */
function sectionsBefore(content: Content, step: string, answers: Answers): string[] {
  const order = flowSections(content)
  const upTo = (level: 'urgent' | 'out-of-scope') => order.slice(0, order.indexOf(branchSection(content, level)) + 1)
  if (step === 'urgentAdvice') return upTo('urgent')
  if (step === 'outOfScope') return upTo('out-of-scope')
  // Once the urgent warning has been shown, the result may be read straight away.
  if (step === 'result' && flagsAt(content, answers, 'urgent').length > 0) return upTo('urgent')
  const index = order.indexOf(step)
  return index === -1 ? order : order.slice(0, index)
}

/** the step to resume on, given where the person was and what they answered */
export function resumeStep(step: string, answers: Answers, content: Content = flowContent): string {
  if (step === 'welcome') return step
  const v = visibility(content, answers)
  const onPath = new Set(v.sections.map((s) => s.id))
  const incomplete = sectionsBefore(content, step, answers).find((id) => onPath.has(id) && missingRequired(v, id).length > 0)
  if (incomplete) return incomplete
  if (step === 'urgentAdvice' && flagsAt(content, answers, 'urgent').length === 0) return sectionAfter(content, branchSection(content, 'urgent')) ?? 'review'
  if (step === 'outOfScope' && !v.outOfScope) return sectionAfter(content, branchSection(content, 'out-of-scope')) ?? 'review'
  if (v.outOfScope && step !== 'result' && !onPath.has(step)) return 'outOfScope'
  return step
}

/**
 * where a saved position resumes: a step the flow does not have (an edited or damaged copy) goes
 * to the review when there are answers to check, else to the welcome, and the person is told
 */
export function resume(saved: { step: string; editing: boolean; answers: Answers }): { step: string; editing: boolean; notice: string | null } {
  if (!steps.has(saved.step)) {
    const answered = Object.keys(saved.answers).length > 0
    return { step: answered ? resumeStep('review', saved.answers) : 'welcome', editing: false, notice: answered ? UNKNOWN_STEP_NOTICE : null }
  }
  return { step: resumeStep(saved.step, saved.answers), editing: saved.editing, notice: null }
}
