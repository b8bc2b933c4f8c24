/**
 * The names of the wizard's steps: one per questionnaire section, plus the screens around them.
 * Kept apart from the machine so the saved-answers loader can check a saved step without loading
 * XState into the first screen. tests/unit/wizardMachine.test.ts checks the two agree.
 */
import { questionnaire } from '../content/questionnaire'

export const branchSteps = ['welcome', 'urgentAdvice', 'outOfScope', 'review', 'result'] as const

export const allSteps: ReadonlySet<string> = new Set<string>([...branchSteps, ...questionnaire.sections.map((s) => s.id)])
