import { useEffect, useMemo, useRef, useState } from 'react'
import { Button } from '../components/Button'
import { Page } from '../components/Page'
import { Progress } from '../components/Progress'
import { QuestionField } from '../components/QuestionField'
import type { Answers, AnswerValue, Section } from '../../content/schema'
import type { Content } from '../../content/schema'
import { missingRequired, visibility } from '../../domain/visibility'

interface Props {
  content: Content
  section: Section
  answers: Answers
  progress: { current: number; total: number }
  onAnswer: (questionId: string, value: AnswerValue | undefined) => void
  /** Asks the flow to go on; returns false when the flow refuses (a required answer is missing). */
  onNext: () => boolean
  onBack: () => void
  editing: boolean
  /** While an urgent warning applies, it stays in view on every later screen, with a way to the summary. */
  urgent?: { heading: string; onResult: () => void }
}

/** One section of the questionnaire: its visible questions, continue and back. */
export function SectionScreen({ content, section, answers, progress, onAnswer, onNext, onBack, editing, urgent }: Props) {
  const v = useMemo(() => visibility(content, answers), [content, answers])
  const questions = v.questions.get(section.id) ?? []
  const [showErrors, setShowErrors] = useState(false)
  const missing = showErrors ? missingRequired(v, section.id) : []
  const summaryRef = useRef<HTMLDivElement>(null)
  const announcement = useVisibilityAnnouncement(questions.map((q) => ({ id: q.id, label: q.label })))

  const next = () => {
    if (onNext()) return
    setShowErrors(true)
    requestAnimationFrame(() => summaryRef.current?.focus())
  }

  return (
    <Page title={section.title} lead={section.intro} progress={<Progress {...progress} label={section.short} />}>
      {urgent && (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-lg border-l-8 border-red-700 bg-red-50 p-3" data-urgent-reminder>
          <p className="font-semibold text-slate-900">Remember: {urgent.heading[0].toLowerCase() + urgent.heading.slice(1)}. These questions can wait.</p>
          <Button look="secondary" className="min-h-10 py-2" onClick={urgent.onResult}>
            See my summary now
          </Button>
        </div>
      )}
      {missing.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="mb-6 rounded-lg border-l-8 border-red-700 bg-red-50 p-4">
          <h2 className="text-lg font-bold text-slate-900">Please answer {missing.length === 1 ? 'this question' : 'these questions'}</h2>
          <ul className="mt-2 list-disc pl-6">
            {missing.map((q) => (
              <li key={q.id}>
                <a
                  className="text-red-800 underline"
                  href={`#q-${q.id}`}
                  onClick={(e) => {
                    // Move focus to the question itself, not just scroll to it.
                    e.preventDefault()
                    const field = document.getElementById(`q-${q.id}`)
                    field?.scrollIntoView({ block: 'center' })
                    field?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true })
                  }}
                >
                  {q.short}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          next()
        }}
      >
        <div className="space-y-8">
          {questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id]}
              onAnswer={onAnswer}
              error={missing.some((m) => m.id === q.id) ? 'Choose an answer to go on.' : undefined}
            />
          ))}
        </div>
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
        <div className="mt-10 flex flex-wrap gap-3">
          <Button type="submit">{editing ? 'Save and return to review' : 'Continue'}</Button>
          <Button look="secondary" onClick={onBack}>
            Back
          </Button>
        </div>
      </form>
    </Page>
  )
}

/** A sentence for screen readers whenever an answer shows or hides a question on this screen. */
function useVisibilityAnnouncement(questions: { id: string; label: string }[]) {
  const key = questions.map((q) => q.id).join('|')
  const previous = useRef(questions)
  const [message, setMessage] = useState('')
  useEffect(() => {
    const before = new Set(previous.current.map((q) => q.id))
    const now = new Set(questions.map((q) => q.id))
    const added = questions.filter((q) => !before.has(q.id))
    const removed = previous.current.filter((q) => !now.has(q.id))
    previous.current = questions
    const parts = [
      ...added.map((q) => `A new question appeared below: ${q.label}`),
      ...removed.map((q) => `A question no longer applies and was hidden: ${q.label}`),
    ]
    if (parts.length) setMessage(parts.join(' '))
    // Only a change in which questions show matters, not a new array with the same questions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return message
}
