/**
 * Safety properties over random answers: whenever a warning sign is answered, the result leads
 * with the matching "get assessed" message, on screen, after any path through the flow.
 * The expected levels come from an oracle written here from the red-flag list in the brief,
 * not from the rules engine, so a wrong rule or a wrong engine both fail.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { createActor } from 'xstate'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations } from '../../src/content/recommendations'
import type { Answers, Urgency } from '../../src/content/schema'
import { wizardMachine } from '../../src/domain/flow/machine'
import { buildResult } from '../../src/domain/result'
import { ResultScreen } from '../../src/ui/screens/ResultScreen'
import { arbitraryAnswers } from './support/arbitraryAnswers'
import { resultScreenProps } from './support/resultScreen'

const content = { questionnaire, redFlags, recommendations }
const TODAY = '2026-11-24'
const yesOrUnsure = (v: unknown) => v === 'yes' || v === 'unsure'

/** the levels a careful clinician would expect at the top, worked out from the answers directly */
function expectedLevels(a: Answers): Set<Exclude<Urgency, 'self-care'>> {
  const levels = new Set<Exclude<Urgency, 'self-care'>>()
  const urgent = ['urgent.snap', 'urgent.pushOff', 'urgent.weight', 'urgent.calf', 'urgent.infection', 'urgent.medicine']
  if (urgent.some((q) => yesOrUnsure(a[q]))) levels.add('urgent')
  const outOfScope = a['scope.age'] === 'under-16' || a['scope.surgery'] === 'yes' || a['scope.location'] === 'elsewhere'
  if (outOfScope) levels.add('out-of-scope')
  const soonScreening =
    yesOrUnsure(a['soon.rest']) ||
    (yesOrUnsure(a['soon.bothHeels']) && yesOrUnsure(a['soon.otherJoints'])) ||
    yesOrUnsure(a['soon.nerve']) ||
    yesOrUnsure(a['soon.swelling']) ||
    yesOrUnsure(a['soon.longOrWorse'])
  // The pain section comes after the scope questions, so it only counts for people in scope.
  const when = a['pain.when']
  const soonFromPain =
    !outOfScope &&
    ((Array.isArray(when) && when.includes('rest')) ||
      a['pain.duration'] === '3-6-months' ||
      a['pain.duration'] === 'over-6-months' ||
      a['pain.trend'] === 'worse' ||
      a['pain.onset'] === 'sudden')
  if (soonScreening || soonFromPain) levels.add('soon')
  return levels
}

const order = ['urgent', 'soon', 'out-of-scope'] as const

describe('red flags always lead the result', () => {
  test('the result has exactly the warning levels the answers call for, highest first', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const expected = expectedLevels(answers)
        const result = buildResult(content, answers, TODAY)
        const shown = new Set(order.filter((level) => ({ urgent: result.urgent, soon: result.soon, 'out-of-scope': result.outOfScope })[level].length))
        expect(shown).toEqual(expected)
        expect(result.urgency).toBe(order.find((l) => expected.has(l)) ?? 'self-care')
        if (expected.has('out-of-scope')) expect(result.groups).toEqual([])
      }),
      { numRuns: 2000 },
    )
  }, 60_000)

  test('on screen, whenever the summary opens after any route through the flow, the highest warning comes first, before any suggestion', () => {
    const sectionIds = questionnaire.sections.map((s) => s.id)
    const screeningIds = questionnaire.sections.filter((s) => s.stage === 'screening').flatMap((s) => s.questions.map((q) => q.id))
    const urgentIds = ['urgent.snap', 'urgent.pushOff', 'urgent.weight', 'urgent.calf', 'urgent.infection', 'urgent.medicine']
    /** what a person does on one screen: which of its buttons, and for a section, whether and how they answer it first */
    const move = fc.record({ pick: fc.nat(), answerFirst: fc.nat(3).map((n) => n > 0), from: fc.nat() })
    // Random answers nearly always hold some urgent sign (six questions, two of three answers each),
    // so a third of the minds have none, and a third no warning sign at all: "no" to every screening
    // question, in scope, and the pain questions that can call for an assessment left blank.
    const no = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'no']))
    const soonIds = screeningIds.filter((id) => id.startsWith('soon.'))
    const inScope = { 'scope.age': '16-plus', 'scope.surgery': 'no', 'scope.location': 'achilles' }
    const withoutWarnings = (drawn: Answers): Answers => {
      const { 'pain.when': _when, 'pain.duration': _duration, 'pain.trend': _trend, 'pain.onset': _onset, ...rest } = drawn
      return { ...rest, ...no(urgentIds), ...no(soonIds), ...inScope }
    }
    const mind = fc
      .tuple(arbitraryAnswers, fc.constantFrom('as drawn', 'no urgent sign', 'no warning sign'))
      .map(([drawn, kind]): Answers => (kind === 'as drawn' ? drawn : kind === 'no urgent sign' ? { ...drawn, ...no(urgentIds) } : withoutWarnings(drawn)))
    let landings = 0
    let earlyLandings = 0
    let calmLandings = 0

    fc.assert(
      fc.property(
        fc.array(mind, { minLength: 1, maxLength: 3 }),
        fc.array(move, { maxLength: 60 }),
        fc.boolean(),
        (minds, detours, readSummaryAtOnce) => {
          const actor = createActor(wizardMachine).start()
          let answers: Answers = {}
          /** the person fills in the section on screen as one of their minds would (and may leave gaps) */
          const answerSection = (sectionId: string, mind: Answers) => {
            const ids = questionnaire.sections.find((s) => s.id === sectionId)!.questions.map((q) => q.id)
            answers = {
              ...Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id))),
              ...Object.fromEntries(Object.entries(mind).filter(([id]) => ids.includes(id))),
            }
          }
          const send = (event: Parameters<typeof actor.send>[0]) => {
            const before = actor.getSnapshot().value
            actor.send(event)
            if (before !== 'result' && actor.getSnapshot().value === 'result') checkSummary()
          }
          const checkSummary = () => {
            landings++
            // The summary opens with a warning sign unanswered only when an urgent answer already leads it.
            const urgentNow = urgentIds.some((q) => yesOrUnsure(answers[q]))
            const asked = (id: string) => id !== 'soon.otherJoints' || yesOrUnsure(answers['soon.bothHeels'])
            const gaps = screeningIds.filter((id) => asked(id) && answers[id] === undefined)
            if (!urgentNow) expect(gaps, 'warning signs left unanswered on the way to the summary').toEqual([])
            if (gaps.length > 0) earlyLandings++

            // The screen a person sees there, for the answers they hold at that moment.
            const expected = expectedLevels(answers)
            const { container, unmount } = render(
              <ResultScreen {...resultScreenProps(answers, TODAY)} />,
            )
            const blocks = [...container.querySelectorAll('main [data-urgency], main [data-rule]')]
            const top = order.find((l) => expected.has(l))
            if (top) {
              expect(blocks[0].getAttribute('data-urgency')).toBe(top)
              const heading = within(blocks[0] as HTMLElement).getByRole('heading', { level: 2 })
              expect(heading.textContent).toBe(redFlags.levels[top].heading)
            } else {
              expect(container.querySelector('[data-urgency]')).toBeNull()
              calmLandings++
            }
            const lastWarning = blocks.findLastIndex((b) => b.hasAttribute('data-urgency'))
            const firstRule = blocks.findIndex((b) => b.hasAttribute('data-rule'))
            if (firstRule !== -1) expect(lastWarning).toBeLessThan(firstRule)
            unmount()
          }

          // A wandering route: the buttons each screen offers, taken at random, changing their mind
          // between answer sets, leaving sections half done, going back, editing from the review.
          for (const { pick, answerFirst, from } of detours) {
            const at = String(actor.getSnapshot().value)
            if (at === 'welcome') send({ type: 'wizard.start' })
            else if (sectionIds.includes(at)) {
              if (pick % 4 === 3) send({ type: 'step.back', answers })
              else {
                if (answerFirst) answerSection(at, minds[from % minds.length])
                send({ type: 'step.next', answers })
              }
            } else if (at === 'urgentAdvice') {
              const choice = pick % 3
              send(choice === 0 ? { type: 'urgent.continue' } : choice === 1 ? { type: 'branch.result', answers } : { type: 'step.back', answers })
            } else if (at === 'outOfScope') {
              send(pick % 2 === 0 ? { type: 'branch.result', answers } : { type: 'step.back', answers })
            } else if (at === 'review') {
              const choice = pick % 3
              if (choice === 0) send({ type: 'review.confirm', answers })
              else if (choice === 1) send({ type: 'review.edit', sectionId: sectionIds[from % sectionIds.length] })
              else send({ type: 'step.back', answers })
            } else if (at === 'result') send({ type: 'step.back', answers })
          }

          // Then straight on to the summary, answering each section on the way as the first mind would.
          for (let guard = 0; actor.getSnapshot().value !== 'result' && guard < 60; guard++) {
            const at = String(actor.getSnapshot().value)
            if (at === 'welcome') send({ type: 'wizard.start' })
            else if (at === 'urgentAdvice') send(readSummaryAtOnce ? { type: 'branch.result', answers } : { type: 'urgent.continue' })
            else if (at === 'outOfScope') send({ type: 'branch.result', answers })
            else if (at === 'review') send({ type: 'review.confirm', answers })
            else {
              answerSection(at, minds[0])
              send({ type: 'step.next', answers })
            }
          }
          expect(actor.getSnapshot().value).toBe('result')
          actor.stop()
        },
      ),
      { numRuns: 150 },
    )
    // The routes did reach the summary, some of them early from the urgent warning, and some with no warning at all.
    expect(landings).toBeGreaterThanOrEqual(150)
    expect(earlyLandings).toBeGreaterThan(0)
    expect(calmLandings).toBeGreaterThan(0)
  }, 120_000)

  test('every red flag in the data, answered on its own, puts its own message at the top', () => {
    for (const flag of redFlags.flags) {
      // Answer "no" / in-scope to everything, then the first answer that raises this flag.
      const { calm } = { calm: calmAnswers() }
      const trigger = triggerFor(flag.id)
      const { container, unmount } = render(<ResultScreen {...resultScreenProps({ ...calm, ...trigger }, TODAY)} />)
      const first = container.querySelector('main [data-urgency]')
      expect(first?.getAttribute('data-urgency'), flag.id).toBe(flag.urgency)
      expect(first?.querySelector(`[data-flag="${flag.id}"]`), flag.id).not.toBeNull()
      expect(screen.getAllByText(flag.advice).length).toBeGreaterThan(0)
      // The printed summary leads with the same warning, straight after its header.
      const printed = container.querySelector('[data-print-summary] > header + *')
      expect(printed?.getAttribute('data-print-urgency'), `${flag.id} in print`).toBe(flag.urgency)
      expect(printed?.querySelector(`[data-print-flag="${flag.id}"]`), `${flag.id} in print`).not.toBeNull()
      unmount()
    }
  })
})

function calmAnswers(): Answers {
  const a: Answers = {}
  for (const q of questionnaire.sections.filter((s) => s.stage === 'screening').flatMap((s) => s.questions)) {
    if (q.type === 'single' && q.options.some((o) => o.value === 'no')) a[q.id] = 'no'
  }
  return { ...a, 'scope.age': '16-plus', 'scope.location': 'achilles' }
}

/** the smallest set of answers that raises each flag, written from the brief's list */
function triggerFor(id: string): Answers {
  const triggers: Record<string, Answers> = {
    'possible-rupture': { 'urgent.snap': 'yes' },
    'cannot-bear-weight': { 'urgent.weight': 'yes' },
    'possible-clot': { 'urgent.calf': 'yes' },
    'possible-infection': { 'urgent.infection': 'unsure' },
    'medicine-related': { 'urgent.medicine': 'yes' },
    'pain-at-rest': { 'soon.rest': 'yes' },
    'inflammatory-pattern': { 'soon.bothHeels': 'yes', 'soon.otherJoints': 'yes' },
    'nerve-symptoms': { 'soon.nerve': 'yes' },
    'lasting-swelling': { 'soon.swelling': 'yes' },
    'long-or-worsening': { 'soon.longOrWorse': 'yes' },
    'sudden-start': { 'pain.onset': 'sudden' },
    'under-16': { 'scope.age': 'under-16' },
    'after-surgery': { 'scope.surgery': 'yes' },
    'not-achilles': { 'scope.location': 'elsewhere' },
  }
  const trigger = triggers[id]
  if (!trigger) throw new Error(`No trigger written for the red flag "${id}": add one here.`)
  return trigger
}

describe('the real app, resumed on the result', () => {
  test('leads with the right warning for saved answers, through the store, the machine and the screens', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryAnswers, async (answers) => {
        localStorage.setItem(
          'achilles-self-check',
          JSON.stringify({ state: { answers, step: 'result', editing: false, questionnaireVersion: questionnaire.version }, version: 1 }),
        )
        vi.resetModules()
        const { App } = await import('../../src/ui/App')
        const { findByRole, container } = render(<App />)
        await findByRole('heading', { level: 1, name: /^Your summary/ }, { timeout: 5000 })
        const expected = expectedLevels(answers)
        const top = order.find((l) => expected.has(l))
        const first = container.querySelector('main [data-urgency], main [data-rule]')
        if (top) expect(first?.getAttribute('data-urgency')).toBe(top)
        else expect(container.querySelector('[data-urgency]')).toBeNull()
        cleanup()
        localStorage.clear()
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
