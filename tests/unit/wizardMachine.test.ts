import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createActor } from 'xstate'
import { getShortestPaths, getSimplePaths } from 'xstate/graph'
import { questionnaire } from '../../src/content/questionnaire'
import { sectionIds, steps, wizardMachine, wizardMachineFor, type WizardEvent } from '../../src/domain/flow/machine'
import { flagsAt } from '../../src/domain/screening'
import { firstIncomplete, visibility } from '../../src/domain/visibility'
import type { Answers, Content } from '../../src/content/schema'
import { resumeStep } from '../../src/domain/flow/resume'
import { redFlags } from '../../src/content/questionnaire'
import { calm, snapped, under16 } from './support/answers'

const events: WizardEvent[] = [
  { type: 'wizard.start' },
  { type: 'step.next', answers: calm },
  { type: 'step.next', answers: snapped },
  { type: 'step.next', answers: under16 },
  { type: 'step.next', answers: {} },
  { type: 'step.back', answers: calm },
  { type: 'step.back', answers: snapped },
  { type: 'urgent.continue' },
  { type: 'branch.result', answers: snapped },
  { type: 'branch.result', answers: under16 },
  { type: 'review.confirm', answers: calm },
  { type: 'review.confirm', answers: {} },
  ...sectionIds.map((sectionId) => ({ type: 'review.edit' as const, sectionId })),
  { type: 'wizard.restart' },
  { type: 'record.delete' },
  { type: 'record.replace', record: { saved: { answers: calm, note: '', step: 'review', editing: false, recheck: [], questionnaireVersion: 1 }, notice: null } },
]
const isResult = (s: { value: unknown }) => s.value === 'result'

/**
 * For simple paths, offer each screen only the events that matter there (the three kinds of
 * person at the screening screens, a calm answer elsewhere, one edit from review); offering every
 * answer set everywhere multiplies paths that differ only in which calm answers were sent.
 */
function eventsAt(s: { value: unknown }): WizardEvent[] {
  const nav: WizardEvent[] = [{ type: 'step.back', answers: calm }, { type: 'urgent.continue' }, { type: 'branch.result', answers: snapped }]
  switch (s.value) {
    case 'welcome':
      return [{ type: 'wizard.start' }]
    case 'urgent':
      return [{ type: 'step.next', answers: calm }, { type: 'step.next', answers: snapped }, ...nav]
    case 'scope':
      return [{ type: 'step.next', answers: calm }, { type: 'step.next', answers: under16 }, ...nav]
    case 'review':
      return [{ type: 'review.confirm', answers: calm }, { type: 'review.edit', sectionId: 'urgent' }, { type: 'review.edit', sectionId: 'diet' }, ...nav]
    default:
      return [{ type: 'step.next', answers: calm }, ...nav]
  }
}

/** a person with no warning signs who has gone through every section to the review */
function atReview() {
  const actor = createActor(wizardMachine).start()
  actor.send({ type: 'wizard.start' })
  while (actor.getSnapshot().value !== 'review') actor.send({ type: 'step.next', answers: calm })
  return actor
}

function walk(...sent: WizardEvent[]) {
  const actor = createActor(wizardMachine).start()
  for (const e of sent) actor.send(e)
  return actor.getSnapshot()
}

describe('the wizard flow', () => {
  test('has a state for every section of the questionnaire, in its order', () => {
    const states = Object.keys(wizardMachine.root.states)
    // The self-test is offered on the result screen: it is no step of the flow.
    const steps = questionnaire.sections.filter((s) => s.stage !== 'result').map((s) => s.id)
    expect(steps).not.toContain('self-test')
    expect(states).toEqual(expect.arrayContaining(steps))
    expect(states).not.toContain('self-test')
    const order = states.filter((s) => sectionIds.includes(s))
    expect(order).toEqual(steps)
  })

  test('the steps a saved position may name are the screens a person can reach, and nothing else', () => {
    const reachable = new Set(getShortestPaths(wizardMachine, { events }).map((p) => String(p.state.value)))
    expect(steps).toEqual(reachable)
  })

  test('the result can be reached from every state a person can get to', () => {
    const reachable = getShortestPaths(wizardMachine, { events })
    const names = new Set(reachable.map((p) => String(p.state.value)))
    expect(names).toEqual(new Set(Object.keys(wizardMachine.root.states)))
    for (const path of reachable) {
      const onward = getShortestPaths(wizardMachine, { events, fromState: path.state, toState: isResult })
      expect(onward.length, `no way to the result from ${String(path.state.value)}`).toBeGreaterThan(0)
    }
  })

  test('every simple path to the result starts with the scope questions, then passes the warning signs or the out-of-scope exit', () => {
    const paths = getSimplePaths(wizardMachine, { events: eventsAt, toState: isResult })
    const onSomePath = new Set(paths.flatMap((p) => p.steps.map((s) => String(s.state.value))))
    expect(onSomePath).toEqual(new Set(Object.keys(wizardMachine.root.states)))
    for (const path of paths) {
      const visited = path.steps.map((s) => String(s.state.value))
      expect(visited.at(-1)).toBe('result')
      const firstQuestion = visited.findIndex((v) => sectionIds.includes(v) || v === 'review')
      expect(visited[firstQuestion]).toBe('scope')
      expect(visited.includes('urgent') || visited.includes('outOfScope'), visited.join(' → ')).toBe(true)
    }
  })

  test('someone with no warning signs goes through every section, then review, then result', () => {
    const actor = createActor(wizardMachine).start()
    actor.send({ type: 'wizard.start' })
    const seen: string[] = []
    while (actor.getSnapshot().value !== 'review') {
      seen.push(String(actor.getSnapshot().value))
      actor.send({ type: 'step.next', answers: calm })
    }
    expect(seen).toEqual(questionnaire.sections.filter((s) => s.stage !== 'result').map((s) => s.id))
    actor.send({ type: 'review.confirm', answers: calm })
    expect(actor.getSnapshot().value).toBe('result')
  })

  test('cannot go on from a section while a required answer is missing', () => {
    const s = walk({ type: 'wizard.start' }, { type: 'step.next', answers: {} })
    expect(s.value).toBe('scope')
    expect(s.can({ type: 'step.next', answers: {} })).toBe(false)
    expect(s.can({ type: 'step.next', answers: calm })).toBe(true)
  })

  test('an urgent answer goes to the urgent warning, which can open the result at once', () => {
    const toWarnings: WizardEvent[] = [{ type: 'wizard.start' }, { type: 'step.next', answers: snapped }]
    expect(walk(...toWarnings).value).toBe('urgent')
    const s = walk(...toWarnings, { type: 'step.next', answers: snapped })
    expect(s.value).toBe('urgentAdvice')
    expect(walk(...toWarnings, { type: 'step.next', answers: snapped }, { type: 'branch.result', answers: snapped }).value).toBe('result')
    expect(walk(...toWarnings, { type: 'step.next', answers: snapped }, { type: 'urgent.continue' }).value).toBe('soon')
  })

  test('an out-of-scope answer goes to the kind exit straight after the first screen, and back returns to the question', () => {
    const start: WizardEvent[] = [{ type: 'wizard.start' }, { type: 'step.next', answers: under16 }]
    expect(walk(...start).value).toBe('outOfScope')
    expect(walk(...start, { type: 'step.back', answers: under16 }).value).toBe('scope')
    expect(walk(...start, { type: 'branch.result', answers: under16 }).value).toBe('result')
  })

  test('editing from review returns to review, even past the sections after it', () => {
    const actor = atReview()
    actor.send({ type: 'review.edit', sectionId: 'pain' })
    expect(actor.getSnapshot().value).toBe('pain')
    expect(actor.getSnapshot().context.editing).toBe(true)
    actor.send({ type: 'step.next', answers: calm })
    expect(actor.getSnapshot().value).toBe('review')
    expect(actor.getSnapshot().context.editing).toBe(false)
  })

  test('a new urgent answer made while editing still shows the urgent warning first', () => {
    const actor = atReview()
    actor.send({ type: 'review.edit', sectionId: 'urgent' })
    actor.send({ type: 'step.next', answers: snapped })
    expect(actor.getSnapshot().value).toBe('urgentAdvice')
    actor.send({ type: 'urgent.continue' })
    expect(actor.getSnapshot().value).toBe('review')
  })

  test('the result is never reached with a warning-sign question unanswered, unless an urgent warning was shown', () => {
    const content = { questionnaire, redFlags }
    const partial: Answers = Object.fromEntries(Object.entries(calm).filter(([id]) => id.startsWith('urgent.')))
    const { ['soon.signs']: _n, ...under16WithGap } = under16
    const pools: Answers[] = [
      calm,
      snapped,
      under16,
      under16WithGap,
      { ...calm, 'urgent.calf': 'unsure' }, // reveals the plainer calf question, left blank
      { ...under16, 'urgent.calf': 'unsure' },
      {},
      partial,
      { ...partial, 'urgent.calf': 'unsure' },
    ]
    const anEvent: fc.Arbitrary<WizardEvent> = fc.oneof(
      fc.constant<WizardEvent>({ type: 'wizard.start' }),
      fc.constant<WizardEvent>({ type: 'urgent.continue' }),
      fc.constantFrom(...pools).map((answers): WizardEvent => ({ type: 'branch.result', answers })),
      fc.constant<WizardEvent>({ type: 'wizard.restart' }),
      fc.constantFrom(...sectionIds).map((sectionId): WizardEvent => ({ type: 'review.edit', sectionId })),
      fc.constantFrom(...pools).map((answers): WizardEvent => ({ type: 'step.next', answers })),
      fc.constantFrom(...pools).map((answers): WizardEvent => ({ type: 'step.back', answers })),
      fc.constantFrom(...pools).map((answers): WizardEvent => ({ type: 'review.confirm', answers })),
    )
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 60 }), (events) => {
        const actor = createActor(wizardMachine).start()
        // The answers a person has when they arrive somewhere are the ones their last event carried.
        let answers: Answers = {}
        for (const event of events) {
          // An event the current screen does not offer changes nothing, answers included.
          if (!actor.getSnapshot().can(event)) continue
          if ('answers' in event) answers = event.answers
          actor.send(event)
          const at = actor.getSnapshot().value
          if (at === 'result') {
            const complete = firstIncomplete(visibility(content, answers)) === undefined
            const urgent = flagsAt(content, answers, 'urgent').length > 0
            expect(complete || urgent, `result reached with ${JSON.stringify(answers)}`).toBe(true)
          }
          if (at === 'urgentAdvice') expect(flagsAt(content, answers, 'urgent').length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 3000 },
    )
  }, 60_000)

  test('from a result opened early at the urgent warning, back returns to that warning', () => {
    const onlyUrgent: Answers = Object.fromEntries(Object.entries(snapped).filter(([id]) => id.startsWith('urgent.') || id.startsWith('scope.')))
    const next = { type: 'step.next', answers: onlyUrgent } as const
    const s = walk({ type: 'wizard.start' }, next, next, { type: 'branch.result', answers: onlyUrgent }, { type: 'step.back', answers: onlyUrgent })
    expect(s.value).toBe('urgentAdvice')
  })

  test('a review with a gap sends the person to the first unanswered warning-sign section', () => {
    const actor = atReview()
    const { ['soon.signs']: _, ...gap } = calm
    actor.send({ type: 'review.confirm', answers: gap })
    expect(actor.getSnapshot().value).toBe('soon')
  })

  test('an edit left half done cannot slip past the summary', () => {
    const actor = atReview()
    actor.send({ type: 'review.edit', sectionId: 'urgent' })
    const halfDone = { ...calm, 'urgent.calf': 'unsure' } // reveals the plainer calf question and the clot risks, left blank
    actor.send({ type: 'step.back', answers: halfDone })
    expect(actor.getSnapshot().value).toBe('review')
    actor.send({ type: 'review.confirm', answers: halfDone })
    expect(actor.getSnapshot().value).toBe('urgent')
  })

  test('someone out of scope is not held back by warning questions they are never asked', () => {
    const actor = atReview()
    actor.send({ type: 'review.edit', sectionId: 'scope' })
    const outNow = { ...calm, 'urgent.calf': 'unsure', 'scope.age': 'under-16' }
    actor.send({ type: 'step.next', answers: outNow })
    expect(actor.getSnapshot().value).toBe('outOfScope')
    actor.send({ type: 'branch.result', answers: outNow })
    expect(actor.getSnapshot().value).toBe('result')
  })

  test('back while editing from review returns to review', () => {
    const actor = atReview()
    actor.send({ type: 'review.edit', sectionId: 'urgent' })
    actor.send({ type: 'step.back', answers: calm })
    expect(actor.getSnapshot().value).toBe('review')
  })

  test('back goes to the previous screen, and start over returns to the welcome from anywhere', () => {
    expect(walk({ type: 'wizard.start' }, { type: 'step.back', answers: {} }).value).toBe('welcome')
    const atPain = walk({ type: 'wizard.start' }, ...Array(3).fill({ type: 'step.next', answers: calm }))
    expect(atPain.value).toBe('pain')
    expect(walk({ type: 'wizard.start' }, ...Array(3).fill({ type: 'step.next', answers: calm }), { type: 'step.back', answers: calm }).value).toBe('soon')
    expect(walk({ type: 'wizard.start' }, ...Array(3).fill({ type: 'step.next', answers: calm }), { type: 'wizard.restart' }).value).toBe('welcome')
  })
})

describe('the record lifecycle in the flow', () => {
  const record = (answers: Answers) => ({ saved: { answers, note: 'n', step: 'welcome', editing: false, recheck: [], questionnaireVersion: 2 }, notice: null })

  test("a file's answers open at their review from any screen, and the session's action gets the whole record", () => {
    const replaced: unknown[] = []
    const machine = wizardMachine.provide({ actions: { replaceRecord: (_, params) => void replaced.push(params.record) } })
    for (const from of [[], [{ type: 'wizard.start' }], [{ type: 'wizard.start' }, { type: 'step.next', answers: snapped }]] as WizardEvent[][]) {
      const actor = createActor(machine).start()
      for (const e of from) actor.send(e)
      actor.send({ type: 'record.replace', record: record(calm) })
      expect(actor.getSnapshot().value).toBe('review')
    }
    expect(replaced).toEqual([record(calm), record(calm), record(calm)])
  })

  test("a file's answers that leave a warning sign unanswered open at that sign, not at the review", () => {
    const { ['soon.signs']: _, ...gap } = calm
    const actor = createActor(wizardMachine).start()
    actor.send({ type: 'record.replace', record: record(gap) })
    expect(actor.getSnapshot().value).toBe('soon')
  })

  test('delete everything and start over return to the welcome from anywhere, each with its own action', () => {
    const done: string[] = []
    const machine = wizardMachine.provide({ actions: { deleteRecord: () => void done.push('delete'), clearRecord: () => void done.push('clear') } })
    const actor = createActor(machine).start()
    actor.send({ type: 'wizard.start' })
    actor.send({ type: 'step.next', answers: calm })
    actor.send({ type: 'record.delete' })
    expect(actor.getSnapshot().value).toBe('welcome')
    actor.send({ type: 'wizard.start' })
    actor.send({ type: 'wizard.restart' })
    expect(actor.getSnapshot().value).toBe('welcome')
    expect(done).toEqual(['delete', 'clear'])
  })
})

describe('a flow built from other content', () => {
  // A tiny questionnaire whose scope question comes before the warning signs: no code changes, the
  // branches move with the sections that their flags read.
  const tiny: Content = {
    questionnaire: {
      version: 1,
      factors: [{ id: 'f', title: 'F' }],
      sections: [
        { id: 'scope', stage: 'screening', title: 'Scope', short: 'Scope', questions: [{ id: 'scope.age', type: 'single', label: 'Age?', short: 'Age', required: true, options: [{ value: 'adult', label: 'Adult' }, { value: 'child', label: 'Child' }] }] },
        { id: 'urgent', stage: 'screening', title: 'Urgent', short: 'Urgent', questions: [{ id: 'urgent.snap', type: 'single', label: 'Snap?', short: 'Snap', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }] },
        { id: 'pain', stage: 'pain', title: 'Pain', short: 'Pain', questions: [{ id: 'pain.worst', type: 'scale', label: 'Worst?', short: 'Worst', min: 0, max: 10, minLabel: 'none', maxLabel: 'worst' }] },
      ],
    },
    redFlags: {
      destinations: { today: { level: 'urgent', heading: 'U', body: 'U', timeFrame: 'today' }, other: { level: 'out-of-scope', heading: 'O', body: 'O' } },
      flags: [
        { id: 'child', urgency: 'out-of-scope', destination: 'other', summary: 'Child', when: { fact: 'scope.age', operator: 'is', value: 'child' }, advice: 'See a doctor.' },
        { id: 'snap', urgency: 'urgent', destination: 'today', summary: 'Snap', when: { fact: 'urgent.snap', operator: 'is', value: 'yes' }, advice: 'Go now.', say: 'It snapped.' },
      ],
      watchFor: ['a', 'b', 'c'],
      welcomeList: ['a', 'b', 'c'],
    },
  }
  const machine = wizardMachineFor(tiny)
  const run = (...sent: WizardEvent[]) => {
    const actor = createActor(machine).start()
    for (const e of sent) actor.send(e)
    return String(actor.getSnapshot().value)
  }
  const start: WizardEvent = { type: 'wizard.start' }

  test('has a state for each of its sections, in its order, and starts at its first', () => {
    expect(Object.keys(machine.root.states)).toEqual(['welcome', 'scope', 'urgent', 'pain', 'urgentAdvice', 'outOfScope', 'review', 'result'])
    expect(run(start)).toBe('scope')
  })

  test('the out-of-scope exit follows the scope section and the urgent warning follows the warning signs', () => {
    expect(run(start, { type: 'step.next', answers: { 'scope.age': 'child' } })).toBe('outOfScope')
    const adult = { 'scope.age': 'adult' }
    expect(run(start, { type: 'step.next', answers: adult })).toBe('urgent')
    const snapped = { ...adult, 'urgent.snap': 'yes' }
    expect(run(start, { type: 'step.next', answers: adult }, { type: 'step.next', answers: snapped })).toBe('urgentAdvice')
    expect(run(start, { type: 'step.next', answers: adult }, { type: 'step.next', answers: snapped }, { type: 'urgent.continue' })).toBe('pain')
    expect(run(start, { type: 'step.next', answers: adult }, { type: 'step.next', answers: snapped }, { type: 'urgent.continue' }, { type: 'step.back', answers: snapped })).toBe('urgentAdvice')
    expect(run(start, { type: 'step.next', answers: adult }, { type: 'step.next', answers: { ...adult, 'urgent.snap': 'no' } })).toBe('pain')
  })

  test('a person resuming on the urgent warning without its answers goes back to the first unanswered section', () => {
    expect(resumeStep('urgentAdvice', { 'scope.age': 'adult' }, tiny)).toBe('urgent')
    expect(resumeStep('urgentAdvice', { 'scope.age': 'adult', 'urgent.snap': 'no' }, tiny)).toBe('pain')
    expect(resumeStep('outOfScope', { 'scope.age': 'adult' }, tiny)).toBe('urgent')
  })
})
