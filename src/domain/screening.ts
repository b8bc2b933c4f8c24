/**
 * The red-flag questions the wizard's branches turn on. The flow reads them here so that the
 * machine, the result and the tests all use one definition.
 */
import { holds } from './conditions'
import type { Answers, RedFlag } from '../content/schema'
import type { Content } from '../content/schema'
import { visibility } from './visibility'

/** the red flags of one level that hold over the visible answers */
export function flagsAt(content: Content, answers: Answers, level: RedFlag['urgency']): RedFlag[] {
  const visible = visibility(content, answers).answers
  return content.redFlags.flags.filter((f) => f.urgency === level && holds(f.when, visible))
}
