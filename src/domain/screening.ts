/**
 * The red-flag facts the flow turns on. The machine, resume, the result and the tests all read
 * them here, so there is one definition of "an urgent sign holds" and of where each branch sits.
 */
import type { Answers, Content, RedFlag } from '../content/schema'
import { factsIn } from '../content/format'
import { holds } from './conditions'
import { visibility } from './visibility'

/** the red flags of one level that hold over the visible answers */
export function flagsAt(content: Content, answers: Answers, level: RedFlag['urgency']): RedFlag[] {
  const visible = visibility(content, answers).answers
  return content.redFlags.flags.filter((f) => f.urgency === level && holds(f.when, visible))
}

/**
 * The last section holding a question that flags of this level read: its branch (the urgent
 * warning, the out-of-scope exit) opens once that section is answered. Worked out from the content,
 * so adding or reordering a screening section needs no code.
 */
export function branchSection(content: Content, level: 'urgent' | 'out-of-scope'): string {
  const read = new Set(content.redFlags.flags.filter((f) => f.urgency === level).flatMap((f) => [...factsIn(f.when)].map((x) => x.fact)))
  const last = content.questionnaire.sections.findLast((s) => s.questions.some((q) => read.has(q.id)))
  if (!last) throw new Error(`no section holds a question that the ${level} flags read`)
  return last.id
}

/** the section after this one in questionnaire order, or undefined after the last */
export function sectionAfter(content: Content, sectionId: string): string | undefined {
  const order = content.questionnaire.sections.filter((s) => s.stage !== 'result')
  return order[order.findIndex((s) => s.id === sectionId) + 1]?.id
}
