/**
 * Which questions a person can see, and so which answers count.
 *
 * Policy (docs/decisions/003-hidden-answers.md): an answer to a question that a later change hid is
 * kept, so it comes back if the person changes their mind, but it never counts in a rule, a red
 * flag or the printout. A question's `enableWhen` is tested over the visible answers to the
 * questions before it, so hiding cascades. An out-of-scope red flag ends the path: the sections
 * after it are not part of this person's check.
 */
import { holds } from './conditions'
import type { Answers, Content, Question, RedFlags, Section } from '../content/schema'

function isVisible(question: Question, visibleSoFar: Answers): boolean {
  return !question.enableWhen || holds(question.enableWhen, visibleSoFar)
}

/** whether an out-of-scope red flag holds over these (visible) answers */
export function outOfScope(redFlags: RedFlags, visible: Answers): boolean {
  return redFlags.flags.some((flag) => flag.urgency === 'out-of-scope' && holds(flag.when, visible))
}

export interface Visibility {
  /** The sections on this person's path, in order. */
  sections: Section[]
  /** The visible questions of each section on the path. */
  questions: Map<string, Question[]>
  /** Answers to visible questions only: the ones that count. */
  answers: Answers
  /** True when an out-of-scope flag cut the path short. */
  outOfScope: boolean
}

/**
 * Results by questionnaire, red flags and answers object. The store replaces the answers object on
 * every change, so an unchanged object means an unchanged result: the flow's guards for one event
 * and the screen that event leads to all share one pass instead of each making their own.
 */
const remembered = new WeakMap<object, WeakMap<object, WeakMap<Answers, Visibility>>>()

/**
 * works out, in one pass in questionnaire order, what this person sees and which answers count.
 * The result is shared between callers with the same answers object: treat it as read-only.
 */
export function visibility(content: Content, answers: Answers): Visibility {
  let byFlags = remembered.get(content.questionnaire)
  if (!byFlags) remembered.set(content.questionnaire, (byFlags = new WeakMap()))
  let byAnswers = byFlags.get(content.redFlags)
  if (!byAnswers) byFlags.set(content.redFlags, (byAnswers = new WeakMap()))
  let v = byAnswers.get(answers)
  if (!v) {
    v = workOut(content, answers)
    // In development and tests, any caller that changes a shared result, or the answers it was
    // worked out from, fails loudly instead of getting a stale answer later.
    if (import.meta.env.DEV) Object.freeze(Object.freeze(v).answers), Object.freeze(v.sections), Object.freeze(answers)
    byAnswers.set(answers, v)
  }
  return v
}

function workOut({ questionnaire, redFlags }: Content, answers: Answers): Visibility {
  const visible: Answers = {}
  const sections: Section[] = []
  const questions = new Map<string, Question[]>()
  for (const section of questionnaire.sections) {
    const shown: Question[] = []
    for (const question of section.questions) {
      if (!isVisible(question, visible)) continue
      shown.push(question)
      const answer = answers[question.id]
      if (answer !== undefined) visible[question.id] = answer
    }
    sections.push(section)
    questions.set(section.id, shown)
    if (outOfScope(redFlags, visible)) return { sections, questions, answers: visible, outOfScope: true }
  }
  return { sections, questions, answers: visible, outOfScope: false }
}

/** the required visible questions of a section that have no answer yet */
export function missingRequired(v: Visibility, sectionId: string): Question[] {
  return (v.questions.get(sectionId) ?? []).filter((q) => q.required && v.answers[q.id] === undefined)
}

/** the first section on the path that still has a required question unanswered, if any */
export function firstIncomplete(v: Visibility): string | undefined {
  return v.sections.find((s) => missingRequired(v, s.id).length > 0)?.id
}
