/**
 * The whole path through the check, in one place:
 *
 *   welcome → urgent ─┬──────────────────→ soon → scope ─┬──────────────→ pain → tried
 *                     └→ urgentAdvice ───→ │               └→ outOfScope ──→ result
 *                          └───────────────────────────────────────────────→ result
 *   → footwear → orthotics → training → stress → diet → stretching → injuries → local-care
 *   → review → result
 *
 * Every warning sign is asked before the scope questions, so nobody misses one by being out of scope.
 *
 * The machine owns where the person is; the answers store owns what they answered. Events carry
 * the answers a guard needs, so the machine stays pure. The section states come from
 * rules/questionnaire.json in its order; questions inside a section are data, not states.
 */
import { and, assertEvent, assign, not, or, setup } from 'xstate'
import type { Answers } from '../../content/schema'
import { flowContent as content, questionnaire } from '../../content/questionnaire'
import { flagsAt } from '../screening'
import { firstIncomplete, missingRequired, visibility } from '../visibility'


/** Sections after the three screening ones, in order: the pain picture, then each factor. */
const laterSections = questionnaire.sections.filter((s) => s.stage !== 'screening').map((s) => s.id)
export const sectionIds = questionnaire.sections.map((s) => s.id)

export type WizardEvent =
  | { type: 'wizard.start' }
  | { type: 'step.next'; answers: Answers }
  | { type: 'step.back'; answers: Answers }
  | { type: 'urgent.continue' }
  | { type: 'branch.result'; answers: Answers }
  | { type: 'review.edit'; sectionId: string }
  | { type: 'review.confirm'; answers: Answers }
  | { type: 'wizard.restart' }

export interface WizardContext {
  /** True while the person changes a section from the review page: "continue" takes them back there. */
  editing: boolean
}

const answersOf = (event: WizardEvent): Answers => ('answers' in event ? event.answers : {})

/** Transitions to the first section with a required answer missing (used where the summary is refused). */
const toFirstGap = sectionIds.map((id) => ({ guard: { type: 'firstIncompleteIs' as const, params: { sectionId: id } }, target: id }))

export const wizardMachine = setup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
  },
  guards: {
    /** every required question of this section that the person can see has an answer */
    sectionComplete: ({ event }, params: { sectionId: string }) =>
      missingRequired(visibility(content, answersOf(event)), params.sectionId).length === 0,
    hasUrgentFlag: ({ event }) => flagsAt(content, answersOf(event), 'urgent').length > 0,
    isOutOfScope: ({ event }) => visibility(content, answersOf(event)).outOfScope,
    /** every required question on the person's path has an answer */
    pathComplete: ({ event }) => firstIncomplete(visibility(content, answersOf(event))) === undefined,
    /** the first section with a required answer missing is this one */
    firstIncompleteIs: ({ event }, params: { sectionId: string }) =>
      firstIncomplete(visibility(content, answersOf(event))) === params.sectionId,
    editing: ({ context }) => context.editing,
    editsSection: ({ event }, params: { sectionId: string }) => {
      assertEvent(event, 'review.edit')
      return event.sectionId === params.sectionId
    },
  },
  actions: {
    startEditing: assign({ editing: true }),
    stopEditing: assign({ editing: false }),
  },
}).createMachine({
  id: 'wizard',
  initial: 'welcome',
  context: { editing: false },
  states: {
    welcome: {
      description: 'What this is, who it is for, and the warning signs that mean "get seen instead".',
      entry: 'stopEditing',
      on: { 'wizard.start': 'urgent' },
    },
    urgent: {
      description: 'Red flags that need help today. Asked first, of everyone.',
      on: {
        'step.next': [
          { guard: and([{ type: 'sectionComplete', params: { sectionId: 'urgent' } }, 'hasUrgentFlag']), target: 'urgentAdvice' },
          { guard: and([{ type: 'sectionComplete', params: { sectionId: 'urgent' } }, 'editing']), target: 'review' },
          { guard: { type: 'sectionComplete', params: { sectionId: 'urgent' } }, target: 'soon' },
        ],
        'step.back': [
          // Leaving an edit with a new urgent answer still shows the urgent warning first.
          { guard: and(['editing', 'hasUrgentFlag']), target: 'urgentAdvice' },
          { guard: 'editing', target: 'review' },
          { target: 'welcome' },
        ],
      },
    },
    urgentAdvice: {
      description: 'The urgent warning, before anything else. The person may still read the general suggestions.',
      on: {
        'urgent.continue': [{ guard: 'editing', target: 'review' }, { target: 'soon' }],
        // The summary may open early only while the urgent answer stands.
        'branch.result': [{ guard: or(['hasUrgentFlag', 'pathComplete']), target: 'result' }, ...toFirstGap],
        'step.back': 'urgent',
      },
    },
    soon: {
      description: 'Signs worth an assessment in the next days; the check goes on either way.',
      on: {
        'step.next': [
          { guard: and([{ type: 'sectionComplete', params: { sectionId: 'soon' } }, 'editing']), target: 'review' },
          { guard: { type: 'sectionComplete', params: { sectionId: 'soon' } }, target: 'scope' },
        ],
        'step.back': [{ guard: 'editing', target: 'review' }, { guard: 'hasUrgentFlag', target: 'urgentAdvice' }, { target: 'urgent' }],
      },
    },
    scope: {
      description: 'Is this check for them: adults, no surgery on this tendon, pain at the back of the heel.',
      on: {
        'step.next': [
          { guard: and([{ type: 'sectionComplete', params: { sectionId: 'scope' } }, 'isOutOfScope']), target: 'outOfScope' },
          { guard: and([{ type: 'sectionComplete', params: { sectionId: 'scope' } }, 'editing']), target: 'review' },
          { guard: { type: 'sectionComplete', params: { sectionId: 'scope' } }, target: laterSections[0] },
        ],
        'step.back': [{ guard: 'editing', target: 'review' }, { target: 'soon' }],
      },
    },
    outOfScope: {
      description: 'Kindly says the check is not made for them, and who can help instead.',
      on: {
        // Every warning sign must be answered before the summary, out of scope or not.
        'branch.result': [{ guard: 'pathComplete', target: 'result' }, ...toFirstGap],
        'step.back': 'scope',
      },
    },
    // The pain picture and each factor section, one after another, as the questionnaire orders them.
    ...Object.fromEntries(
      laterSections.map((id, i) => [
        id,
        {
          description: `Section "${id}" of rules/questionnaire.json.`,
          on: {
            'step.next': [
              { guard: and([{ type: 'sectionComplete', params: { sectionId: id } }, 'editing']), target: 'review' },
              { guard: { type: 'sectionComplete', params: { sectionId: id } }, target: laterSections[i + 1] ?? 'review' },
            ],
            // While editing from review, back returns there rather than wandering off.
            'step.back': [{ guard: 'editing', target: 'review' }, { target: laterSections[i - 1] ?? 'scope' }],
          },
        },
      ]),
    ),
    review: {
      description: 'Every visible answer by section, each section editable.',
      entry: 'stopEditing',
      on: {
        'review.edit': sectionIds.map((id) => ({
          guard: { type: 'editsSection' as const, params: { sectionId: id } },
          target: id,
          actions: 'startEditing' as const,
        })),
        // The result needs every warning sign answered; a gap sends the person to it first.
        'review.confirm': [{ guard: 'pathComplete', target: 'result' }, ...toFirstGap],
        'step.back': laterSections[laterSections.length - 1],
      },
    },
    result: {
      description: 'Warnings first, then the article\'s suggestions with why each is shown, then what to watch for.',
      on: {
        'step.back': [
          { guard: 'isOutOfScope', target: 'outOfScope' },
          // Reached early from the urgent warning: back is that warning, not a half-empty review.
          { guard: and(['hasUrgentFlag', not('pathComplete')]), target: 'urgentAdvice' },
          { target: 'review' },
        ],
      },
    },
  },
  on: { 'wizard.restart': { target: '.welcome', actions: 'stopEditing' } },
})

