/**
 * The wizard: maps each state of wizardMachine to its screen, and keeps the answers store and
 * the machine in step. Loaded after the first screen has painted (see App.tsx).
 */
import { useActorRef, useSelector } from '@xstate/react'
import { useEffect, useMemo, useRef } from 'react'
import { StartOver } from '../components/StartOver'
import { questionnaire, redFlags } from '../content/questionnaire'
import { recommendations, sources } from '../content/recommendations'
import { localToday } from '../engine/facts'
import { resumeStep } from '../machine/resume'
import { wizardMachine } from '../machine/wizardMachine'
import { answeredSections } from '../questionnaire/answerText'
import { visibility } from '../questionnaire/visibility'
import { buildResult } from '../result/buildResult'
import { OutOfScopeScreen } from '../screens/OutOfScopeScreen'
import { ResultScreen } from '../screens/ResultScreen'
import { ReviewScreen } from '../screens/ReviewScreen'
import { SectionScreen } from '../screens/SectionScreen'
import { UrgentAdviceScreen } from '../screens/UrgentAdviceScreen'
import { useAnswers } from '../store/answersStore'

const content = { questionnaire, redFlags, recommendations }

/** `focusFirstScreen`: the person pressed Start before this chunk arrived, so treat the first screen as new. */
export function Wizard({ focusFirstScreen = false }: { focusFirstScreen?: boolean }) {
  const initial = useMemo(() => {
    const { step, editing, answers } = useAnswers.getState()
    return wizardMachine.resolveState({ value: resumeStep(step, answers), context: { editing } })
  }, [])
  const actor = useActorRef(wizardMachine, { snapshot: initial })
  const step = useSelector(actor, (s) => String(s.value))
  const editing = useSelector(actor, (s) => s.context.editing)
  const answers = useAnswers((s) => s.answers)
  const setAnswer = useAnswers((s) => s.setAnswer)

  // The store remembers where the person is, so a reload or a closed tab brings them back here.
  useEffect(() => {
    const save = (s: ReturnType<typeof actor.getSnapshot>) => useAnswers.getState().setPosition(String(s.value), s.context.editing)
    save(actor.getSnapshot())
    return actor.subscribe(save).unsubscribe
  }, [actor])

  // Each new screen starts at the top with focus on its heading, so screen readers announce it,
  // and names itself in the tab title. A page that opens where the person left off keeps the
  // browser's own focus.
  const firstRender = useRef(!focusFirstScreen)
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1')
    document.title = heading ? `${heading.textContent} – Achilles Self-Check` : 'Achilles Self-Check'
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    window.scrollTo(0, 0)
    heading?.focus({ preventScroll: true })
  }, [step])

  // Events read the answers at the moment they are sent, not the ones this render saw.
  const current = () => useAnswers.getState().answers
  const back = () => actor.send({ type: 'step.back', answers: current() })
  const restart = () => {
    useAnswers.getState().clearAll()
    actor.send({ type: 'wizard.restart' })
  }

  const screen = (() => {
    switch (step) {
      case 'welcome':
        // App shows the welcome screen itself (and unmounts the wizard) once the step is "welcome".
        return null
      case 'urgentAdvice':
        return (
          <UrgentAdviceScreen
            editing={editing}
            levels={redFlags.levels}
            flags={buildResult(content, answers, localToday()).urgent}
            onContinue={() => actor.send({ type: 'urgent.continue' })}
            onResult={() => actor.send({ type: 'branch.result', answers: current() })}
            onBack={back}
          />
        )
      case 'outOfScope':
        return (
          <OutOfScopeScreen
            levels={redFlags.levels}
            flags={buildResult(content, answers, localToday()).outOfScope}
            onResult={() => actor.send({ type: 'branch.result', answers: current() })}
            onBack={back}
          />
        )
      case 'review':
        return (
          <ReviewScreen
            sections={answeredSections(visibility(content, answers))}
            onEdit={(sectionId) => actor.send({ type: 'review.edit', sectionId })}
            onConfirm={() => actor.send({ type: 'review.confirm', answers: current() })}
            onBack={back}
          />
        )
      case 'result':
        return <ResultScreen result={buildResult(content, answers, localToday())} redFlags={redFlags} sources={sources} onBack={back} />
      default: {
        const v = visibility(content, answers)
        const index = v.sections.findIndex((s) => s.id === step)
        const section = v.sections[index] ?? questionnaire.sections.find((s) => s.id === step)!
        return (
          <SectionScreen
            key={section.id}
            content={content}
            section={section}
            answers={answers}
            editing={editing}
            progress={{ current: index + 1, total: v.outOfScope ? v.sections.length : questionnaire.sections.length }}
            onAnswer={setAnswer}
            onNext={() => {
              const event = { type: 'step.next' as const, answers: current() }
              if (!actor.getSnapshot().can(event)) return false
              actor.send(event)
              return true
            }}
            onBack={back}
          />
        )
      }
    }
  })()

  return (
    <>
      {screen}
      {step !== 'welcome' && <StartOver onConfirm={restart} />}
    </>
  )
}
