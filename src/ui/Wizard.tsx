/**
 * The wizard: shows the screen for the flow's state, and nothing else. Where the person is comes
 * from the flow (src/session/flow.ts), what they answered from the store, and what the result says
 * from the summary (src/domain/summary.ts). Loaded after the first screen has painted (see App.tsx).
 */
import { useSelector } from '@xstate/react'
import { useEffect, useMemo } from 'react'
import { flowContent, questionnaire, redFlags } from '../content/questionnaire'
import { recommendations, sources } from '../content/recommendations'
import { appVersion, rulesVersion } from '../content/version'
import { answeredSections } from '../domain/answerText'
import { localToday } from '../domain/facts'
import { buildSummary } from '../domain/summary'
import { visibility } from '../domain/visibility'
import { NOTE_MAX_LENGTH } from '../domain/record/saved'
import { useAnswers } from '../session/answersStore'
import { flow, send } from '../session/flow'
import { sectionIds } from '../domain/flow/machine'
import { deleteEverything, openFile, saveFhirFile, saveFile, startOver } from '../session/lifecycle'
import { useKeepAnswers, watchKeepAnswers } from '../session/persistence'
import { KeepAnswersNotice } from './components/KeepAnswersNotice'
import { StartOver } from './components/StartOver'
import { useScreenFocus } from './useScreenFocus'
import { OutOfScopeScreen } from './screens/OutOfScopeScreen'
import { ResultScreen } from './screens/ResultScreen'
import { ReviewScreen } from './screens/ReviewScreen'
import { SectionScreen } from './screens/SectionScreen'
import { UrgentAdviceScreen } from './screens/UrgentAdviceScreen'

const content = { questionnaire, redFlags, recommendations, sources }
/** Offered on the result screen to someone with no warning sign: a number to compare next time. */
const selfTest = questionnaire.sections.find((s) => s.stage === 'result')
const versions = { app: appVersion, rules: rulesVersion }
/**
 * The tab title goes into the browser's history, which "Delete everything" cannot clear. The
 * screens that show the person's result (its heading is their warning) share one neutral name;
 * section titles are the same for everyone and stay.
 */
const RESULT_TAB_TITLE = 'Your summary'
const showsResult = new Set(['result', 'urgentAdvice', 'outOfScope'])

export function Wizard({ focusFirstScreen }: { focusFirstScreen: boolean }) {
  const step = useSelector(flow, (s) => String(s.value))
  const editing = useSelector(flow, (s) => s.context.editing)
  const answers = useAnswers((s) => s.answers)
  const note = useAnswers((s) => s.note)
  const recheck = useAnswers((s) => s.recheck)
  const setAnswer = useAnswers((s) => s.setAnswer)
  const setNote = useAnswers((s) => s.setNote)
  // Worked out once per set of answers, and only by a screen that shows it: not on every keystroke
  // in the note, and not on a question screen, where it would slow every Continue.
  const summaryOf = useMemo(() => {
    let made: ReturnType<typeof buildSummary> | undefined
    return () => (made ??= buildSummary(content, answers, localToday(), versions))
  }, [answers])
  useScreenFocus(step, focusFirstScreen, showsResult.has(step) ? RESULT_TAB_TITLE : undefined)
  // Asks the browser to keep the answers once there are some; says once how to keep them if it won't.
  useEffect(() => watchKeepAnswers(), [])
  const keep = useKeepAnswers()

  // Events read the answers at the moment they are sent, not the ones this render saw.
  const current = () => useAnswers.getState().answers
  const back = () => send({ type: 'step.back', answers: current() })
  const toResult = () => send({ type: 'branch.result', answers: current() })
  // The flow stands on these screens only while a warning applies; an edited record without one still gets a heading.
  const status = () => summaryOf().status ?? { destination: { id: 'none', level: 'out-of-scope' as const, heading: 'Your answers', body: '' }, flags: [], alsoMention: [], whileWaiting: [] }

  const screen = (() => {
    switch (step) {
      case 'welcome':
        // App shows the welcome screen itself once the flow is back there.
        return null
      case 'urgentAdvice':
        return <UrgentAdviceScreen editing={editing} status={status()} onContinue={() => send({ type: 'urgent.continue' })} onResult={toResult} onBack={back} />
      case 'outOfScope':
        return <OutOfScopeScreen status={status()} warningSigns={redFlags.welcomeList} onResult={toResult} onBack={back} />
      case 'review': {
        const v = visibility(flowContent, answers)
        return (
          <ReviewScreen
            sections={answeredSections(v).filter(({ section }) => section.stage !== 'result')}
            recheck={v.sections.flatMap((section) =>
              (v.questions.get(section.id) ?? []).filter((q) => recheck.includes(q.id)).map((q) => ({ sectionId: section.id, questionId: q.id, question: q.short })),
            )}
            onEdit={(sectionId) => send({ type: 'review.edit', sectionId })}
            onConfirm={() => {
              // Having seen the marked answers here is the other look they needed.
              useAnswers.getState().clearRecheck()
              send({ type: 'review.confirm', answers: current() })
            }}
            onBack={back}
          />
        )
      }
      case 'result':
        return (
          <ResultScreen
            summary={summaryOf()}
            warningSigns={redFlags.welcomeList}
            selfTest={{ section: selfTest, answers, onAnswer: setAnswer }}
            note={{ value: note, maxLength: NOTE_MAX_LENGTH, onChange: setNote }}
            data={{ onExport: () => saveFile(content), onExportFhir: () => saveFhirFile(content), onRead: openFile, onDeleteAll: () => void deleteEverything() }}
            onBack={back}
          />
        )
      default: {
        const v = visibility(flowContent, answers)
        const index = v.sections.findIndex((s) => s.id === step)
        const section = v.sections[index] ?? questionnaire.sections.find((s) => s.id === step)!
        return (
          <SectionScreen
            key={section.id}
            content={flowContent}
            section={section}
            answers={answers}
            editing={editing}
            progress={{ current: index + 1, total: v.outOfScope ? v.sections.length : sectionIds.length }}
            onAnswer={setAnswer}
            onNext={() => {
              // The guards run once, in send: an event they block leaves the snapshot as it was.
              const before = flow.getSnapshot()
              send({ type: 'step.next', answers: current() })
              return flow.getSnapshot() !== before
            }}
            onBack={back}
            urgent={
              // The flow offers the summary from here only while an urgent warning applies.
              flow.getSnapshot().can({ type: 'branch.result', answers }) && summaryOf().status
                ? { heading: summaryOf().status!.destination.heading, onResult: toResult }
                : undefined
            }
          />
        )
      }
    }
  })()

  return (
    <>
      <KeepAnswersNotice open={keep.telling} installed={keep.installed} onSave={() => saveFile(content)} onDismiss={keep.dismiss} />
      {screen}
      {step !== 'welcome' && <StartOver onConfirm={() => void startOver()} />}
    </>
  )
}
