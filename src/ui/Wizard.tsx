/**
 * The wizard: maps each state of wizardMachine to its screen, and keeps the answers store and
 * the machine in step. Loaded after the first screen has painted (see App.tsx).
 */
import { useActorRef, useSelector } from '@xstate/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { StartOver } from './components/StartOver'
import { migrations, questionnaire, redFlags } from '../content/questionnaire'
import { recommendations, sources } from '../content/recommendations'
import { appVersion, rulesVersion } from '../content/version'
import { localToday } from '../domain/facts'
import { resumeStep } from '../domain/flow/resume'
import { wizardMachine } from '../domain/flow/machine'
import { answeredSections, formatDate } from '../domain/answerText'
import { missingRequired, visibility } from '../domain/visibility'
import { buildResult } from '../domain/result'
import { OutOfScopeScreen } from './screens/OutOfScopeScreen'
import { ResultScreen } from './screens/ResultScreen'
import { ReviewScreen } from './screens/ReviewScreen'
import { SectionScreen } from './screens/SectionScreen'
import { UrgentAdviceScreen } from './screens/UrgentAdviceScreen'
import { deleteDeviceData } from '../session/device'
import { importFile } from '../domain/record/importFile'
import { saveRecordFile } from '../session/saveRecordFile'
import { holdsAnswers, useAnswers } from '../session/answersStore'
import { NOTE_MAX_LENGTH } from '../domain/record/saved'

const content = { questionnaire, redFlags, recommendations }

interface WizardProps {
  /** the person pressed Start before this chunk arrived, so treat the first screen as new */
  focusFirstScreen?: boolean
  /** everything on this device was deleted: the app says so on the welcome screen */
  onDeletedAll?: () => void
}

/**
 * Answers opened from a file replace the whole record, position included: the flow then starts
 * again from the store, as it does after a reload.
 */
export function Wizard(props: WizardProps) {
  const [generation, setGeneration] = useState(0)
  return <WizardFlow key={generation} {...props} focusFirstScreen={props.focusFirstScreen || generation > 0} onReplaced={() => setGeneration((g) => g + 1)} />
}

function WizardFlow({ focusFirstScreen = false, onDeletedAll, onReplaced }: WizardProps & { onReplaced: () => void }) {
  const initial = useMemo(() => {
    const { step, editing, answers } = useAnswers.getState()
    return wizardMachine.resolveState({ value: resumeStep(step, answers), context: { editing } })
  }, [])
  const actor = useActorRef(wizardMachine, { snapshot: initial })
  const step = useSelector(actor, (s) => String(s.value))
  const editing = useSelector(actor, (s) => s.context.editing)
  const answers = useAnswers((s) => s.answers)
  const note = useAnswers((s) => s.note)
  const recheck = useAnswers((s) => s.recheck)
  const setAnswer = useAnswers((s) => s.setAnswer)
  const setNote = useAnswers((s) => s.setNote)

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

  const openFile = async (file: File) => {
    const read = await importFile(file, content, migrations)
    if (!read.ok) return { refused: read.message }
    return {
      apply: () => {
        useAnswers.getState().replaceAll(read.saved, read.notice)
        onReplaced()
      },
    }
  }
  const deleteAll = async () => {
    restart()
    await deleteDeviceData()
    onDeletedAll?.()
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
      case 'review': {
        const v = visibility(content, answers)
        return (
          <ReviewScreen
            sections={answeredSections(v)}
            recheck={v.sections.flatMap((section) =>
              (v.questions.get(section.id) ?? [])
                .filter((q) => recheck.includes(q.id))
                .map((q) => ({ sectionId: section.id, questionId: q.id, question: q.short })),
            )}
            onEdit={(sectionId) => actor.send({ type: 'review.edit', sectionId })}
            onConfirm={() => {
              // Having seen the marked answers here is the other look they needed.
              useAnswers.getState().clearRecheck()
              actor.send({ type: 'review.confirm', answers: current() })
            }}
            onBack={back}
          />
        )
      }
      case 'result': {
        const v = visibility(content, answers)
        return (
          <ResultScreen
            result={buildResult(content, answers, localToday())}
            redFlags={redFlags}
            sources={sources}
            note={{ value: note, maxLength: NOTE_MAX_LENGTH, onChange: setNote }}
            summary={{
              sections: answeredSections(v).map(({ section, lines }) => ({ id: section.id, title: section.title, screening: section.stage === 'screening', lines })),
              unansweredScreening: v.sections.filter((s) => s.stage === 'screening' && missingRequired(v, s.id).length > 0).map((s) => s.title),
              printedOn: formatDate(localToday()),
              appVersion,
              rulesVersion,
            }}
            data={{ onExport: () => saveRecordFile(content), onImport: openFile, onDeleteAll: () => void deleteAll(), hasAnswers: holdsAnswers({ answers, note }) }}
            onBack={back}
          />
        )
      }
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
              // The guards run once, in send: an event they block leaves the snapshot as it was.
              const before = actor.getSnapshot()
              actor.send({ type: 'step.next', answers: current() })
              return actor.getSnapshot() !== before
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
