/**
 * The whole path through the check, in one place. Every section of rules/questionnaire.json is a
 * state, in the questionnaire's order; the branches sit where the content puts them:
 *
 *   welcome → (each section in order) ─→ review → result
 *                 │ after the last section an urgent flag reads: urgentAdvice ─→ next section, or result
 *                 │ after the last section an out-of-scope flag reads: outOfScope ─→ result
 *
 * The scope questions come first in the content, so someone the check is not for is never asked the
 * adult warning questions (they see the static list of signs instead); that is the content's order,
 * not the machine's.
 *
 * The machine is the only owner of where the person is; the session's store holds what they
 * answered. Events carry the answers a guard needs, so the machine stays pure. What changes the
 * record (start over, a file's answers, delete everything) is a named action that the session
 * provides (src/session/flow.ts); here they do nothing, so tests run the flow with no storage.
 */
import { and, assertEvent, assign, not, or, setup } from 'xstate'
import type { Answers, Content } from '../../content/schema'
import { flowContent } from '../../content/questionnaire'
import type { Saved } from '../record/saved'
import type { SyncFields } from '../record/sync'
import { branchSection, flagsAt, sectionAfter } from '../screening'
import { firstIncomplete, missingRequired, visibility } from '../visibility'

/** A whole record taking the place of the one on this device (answers opened from a file, here or in another tab). */
export interface Replacement {
  saved: Saved
  notice: string | null
  /** Set when another tab opened the file: this tab takes the same epoch, so the two agree (src/domain/record/sync.ts). */
  sync?: SyncFields
}

export type WizardEvent =
  | { type: 'wizard.start' }
  | { type: 'step.next'; answers: Answers }
  | { type: 'step.back'; answers: Answers }
  | { type: 'urgent.continue' }
  | { type: 'branch.result'; answers: Answers }
  | { type: 'review.edit'; sectionId: string }
  | { type: 'review.confirm'; answers: Answers }
  | { type: 'wizard.restart' }
  | { type: 'record.replace'; record: Replacement }
  | { type: 'record.delete' }

interface WizardContext {
  /** True while the person changes a section from the review page: "continue" takes them back there. */
  editing: boolean
}

const answersOf = (event: WizardEvent): Answers =>
  'answers' in event ? event.answers : event.type === 'record.replace' ? event.record.saved.answers : {}

/** the sections that are steps of the flow, in order (a "result" section is offered on the result screen) */
export const flowSections = (content: Content) => content.questionnaire.sections.filter((s) => s.stage !== 'result').map((s) => s.id)

const complete = (sectionId: string) => ({ type: 'sectionComplete' as const, params: { sectionId } })
const replaceWith = {
  type: 'replaceRecord' as const,
  params: ({ event }: { event: WizardEvent }) => {
    assertEvent(event, 'record.replace')
    return { record: event.record }
  },
}

/** the flow for this content: tests give it a small questionnaire of their own */
export function wizardMachineFor(content: Content) {
  const sectionIds = flowSections(content)
  /** The urgent warning shows once the last section that urgent flags read is answered. */
  const urgentAfter = branchSection(content, 'urgent')
  /** The out-of-scope exit opens once the last section that out-of-scope flags read is answered. */
  const scopeAfter = branchSection(content, 'out-of-scope')
  /** Transitions to the first section with a required answer missing (where the summary is refused). */
  const toFirstGap = sectionIds.map((id) => ({ guard: { type: 'firstIncompleteIs' as const, params: { sectionId: id } }, target: id }))

  return setup({
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
      /** forgets the answers and the note (provided by the session) */
      clearRecord: () => {},
      /** puts a record opened from a file in place of this one (provided by the session) */
      replaceRecord: (_, _params: { record: Replacement }) => {},
      /** removes every trace of the person from this device (provided by the session) */
      deleteRecord: () => {},
    },
  }).createMachine({
    id: 'wizard',
    initial: 'welcome',
    context: { editing: false },
    states: {
      welcome: {
        description: 'What this is, who it is for, and the warning signs that mean "get seen instead".',
        entry: 'stopEditing',
        on: { 'wizard.start': sectionIds[0] },
      },
      ...Object.fromEntries(
        sectionIds.map((id, i) => {
          const previous = sectionIds[i - 1]
          return [
            id,
            {
              description: `Section "${id}" of rules/questionnaire.json.`,
              on: {
                'step.next': [
                  ...(id === urgentAfter ? [{ guard: and([complete(id), 'hasUrgentFlag']), target: 'urgentAdvice' }] : []),
                  ...(id === scopeAfter ? [{ guard: and([complete(id), 'isOutOfScope']), target: 'outOfScope' }] : []),
                  { guard: and([complete(id), 'editing']), target: 'review' },
                  { guard: complete(id), target: sectionIds[i + 1] ?? 'review' },
                ],
                'step.back': [
                  // Leaving an edit with a new urgent answer still shows the urgent warning first.
                  ...(id === urgentAfter ? [{ guard: and(['editing', 'hasUrgentFlag']), target: 'urgentAdvice' }] : []),
                  // While editing from review, back returns there rather than wandering off.
                  { guard: 'editing', target: 'review' },
                  ...(previous === urgentAfter ? [{ guard: 'hasUrgentFlag', target: 'urgentAdvice' }] : []),
                  { target: previous ?? 'welcome' },
                ],
                // Past the warning signs, while an urgent warning applies, the summary is always one step away.
                ...(i > sectionIds.indexOf(urgentAfter) ? { 'branch.result': { guard: 'hasUrgentFlag', target: 'result' } } : {}),
              },
            },
          ]
        }),
      ),
      urgentAdvice: {
        description: 'The urgent warning, before anything else. The person may still read the general suggestions.',
        on: {
          'urgent.continue': [{ guard: 'editing', target: 'review' }, { target: sectionAfter(content, urgentAfter) ?? 'review' }],
          // The summary may open early only while the urgent answer stands.
          'branch.result': [{ guard: or(['hasUrgentFlag', 'pathComplete']), target: 'result' }, ...toFirstGap],
          'step.back': urgentAfter,
        },
      },
      outOfScope: {
        description: 'Kindly says the check is not made for them, and who can help instead.',
        on: {
          // Every warning sign must be answered before the summary, out of scope or not.
          'branch.result': [{ guard: 'pathComplete', target: 'result' }, ...toFirstGap],
          'step.back': scopeAfter,
        },
      },
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
          'step.back': sectionIds[sectionIds.length - 1],
        },
      },
      result: {
        description: "Warnings first, then the article's suggestions with why each is shown, then what to watch for.",
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
    on: {
      'wizard.restart': { target: '.welcome', actions: ['clearRecord', 'stopEditing'] },
      // A file's answers open at their review, or at the first warning sign they leave unanswered.
      'record.replace': [
        ...toFirstGap.map((t) => ({ ...t, target: `.${t.target}`, actions: replaceWith })),
        { target: '.review', actions: replaceWith },
      ],
      'record.delete': { target: '.welcome', actions: ['deleteRecord', 'stopEditing'] },
    },
  })
}

export const wizardMachine = wizardMachineFor(flowContent)
export const sectionIds = flowSections(flowContent)

/** Every step the flow has: a saved step that is not one of these is not trusted. */
export const steps: ReadonlySet<string> = new Set(Object.keys(wizardMachine.root.states))
