import { memo, useId, useState, type ReactNode } from 'react'
import type { AnswerValue, Question } from '../../content/schema'
import { fitsQuestion } from '../../domain/record/sanitize'
import { BodyMap } from './BodyMap'

/** Said under a date whose year is not four digits (a browser's date field takes "20260" for a stray digit). */
export const DATE_YEAR_MESSAGE = 'Please check the date: the year needs 4 digits, like 2026.'

interface Props {
  question: Question
  value: AnswerValue | undefined
  /** Stable across renders (the store's setter), so an answer re-renders only its own question. */
  onAnswer: (questionId: string, value: AnswerValue | undefined) => void
  /** Shown under the question when it still needs an answer. */
  error?: string
}

// The selected look comes from React's own state rather than :has(:checked), which makes the
// browser re-check every option's style on each answer (measurable at 4x CPU slowdown).
const choice = (selected: boolean) =>
  'flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border-2 px-4 py-3 hover:border-brand-600 ' +
  (selected ? 'border-brand-700 bg-brand-50' : 'border-slate-300 bg-white')
const control = 'mt-0.5 size-5 shrink-0 accent-brand-700'

/** Up to three short options (Yes / No / Not sure) sit side by side, even on a small phone. */
const compact = (options: { label: string; hint?: string }[]) =>
  options.length <= 3 && options.every((o) => o.label.length <= 14 && !o.hint)

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multi' }>

/**
 * The answer after a person picks an option (on its checkbox or radio, or on the picture): single
 * choice takes it; multiple choice ticks it or unticks it, and an exclusive option ("None of these")
 * and the others rule each other out.
 */
function picked(question: ChoiceQuestion, value: AnswerValue | undefined, optionValue: string): AnswerValue {
  if (question.type === 'single') return optionValue
  const current = Array.isArray(value) ? value : []
  if (current.includes(optionValue)) return current.filter((v) => v !== optionValue)
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.value))
  return exclusive.has(optionValue) ? [optionValue] : [...current.filter((v) => !exclusive.has(v)), optionValue]
}

/** One question as a fieldset (or a labelled date input), built from its data. */
export const QuestionField = memo(function QuestionField({ question, value, onAnswer, error }: Props) {
  const id = useId()
  const onChange = (v: AnswerValue | undefined) => onAnswer(question.id, v)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [question.hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined
  const hint = question.hint && (
    <p id={hintId} className="mt-1 text-slate-700">
      {question.hint}
    </p>
  )
  const errorText = error && (
    <p id={errorId} className="mt-2 font-semibold text-red-700">
      {error}
    </p>
  )

  if (question.type === 'date') {
    return <DateField question={question} value={value} onChange={onChange} id={id} hint={hint} errorText={errorText} describedBy={describedBy} />
  }

  const name = `${id}-${question.id}`
  return (
    <fieldset data-question={question.id} id={`q-${question.id}`} aria-describedby={describedBy} className="min-w-0">
      <legend className="text-lg font-semibold text-slate-900">
        {question.label}
      </legend>
      {hint}
      {errorText}
      {question.type === 'scale' ? (
        <div className="mt-3">
          <div className="flex flex-wrap gap-2">
            {Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i).map((n) => (
              <label key={n} className={`${choice(value === n)} min-w-12 justify-center px-0 focus-within:outline-3 focus-within:outline-amber-500`}>
                <input type="radio" name={name} className="sr-only" checked={value === n} onChange={() => onChange(n)} />
                <span className="font-semibold">{n}</span>
              </label>
            ))}
          </div>
          <p className="mt-2 flex justify-between text-sm text-slate-700">
            <span>
              {question.min}: {question.minLabel}
            </span>
            <span>
              {question.max}: {question.maxLabel}
            </span>
          </p>
        </div>
      ) : (
        <>
          {question.type === 'multi' && question.picture === 'leg' && (
            <div className="mt-3">
              <BodyMap
                options={question.options}
                selected={Array.isArray(value) ? value : []}
                onToggle={(optionValue) => onChange(picked(question, value, optionValue))}
              />
            </div>
          )}
          <div className={`mt-3 grid gap-2 ${compact(question.options) ? (question.options.length === 2 ? 'grid-cols-2' : 'grid-cols-3') : ''}`}>
            {question.options.map((option) => {
              const selected = question.type === 'multi' ? Array.isArray(value) && value.includes(option.value) : value === option.value
              return (
                <label key={option.value} className={choice(selected)}>
                  <input
                    type={question.type === 'multi' ? 'checkbox' : 'radio'}
                    name={name}
                    value={option.value}
                    className={control}
                    checked={selected}
                    onChange={() => onChange(picked(question, value, option.value))}
                  />
                  <span>
                    <span className="block text-slate-900">{option.label}</span>
                    {option.hint && <span className="block text-sm text-slate-700">{option.hint}</span>}
                  </span>
                </label>
              )
            })}
          </div>
        </>
      )}
    </fieldset>
  )
})

/**
 * A labelled date input. What the browser reports is checked where it enters: a day with a
 * four-digit year is the answer; anything else (a stray fifth digit in the year) is kept on screen
 * as typed, with a word on what to fix, and the question stays unanswered until it is fixed.
 */
function DateField({
  question,
  value,
  onChange,
  id,
  hint,
  errorText,
  describedBy,
}: {
  question: Extract<Question, { type: 'date' }>
  value: AnswerValue | undefined
  onChange: (v: AnswerValue | undefined) => void
  id: string
  hint: ReactNode
  errorText: ReactNode
  describedBy: string | undefined
}) {
  const [typed, setTyped] = useState<string | null>(null)
  const yearId = `${id}-year`
  return (
    <div className="rounded-lg" data-question={question.id} id={`q-${question.id}`}>
      <label htmlFor={`${id}-input`} className="text-lg font-semibold text-slate-900">
        {question.label}
      </label>
      {hint}
      {errorText}
      <div aria-live="polite">
        {typed !== null && (
          <p id={yearId} className="mt-2 font-semibold text-red-700">
            {DATE_YEAR_MESSAGE}
          </p>
        )}
      </div>
      <input
        id={`${id}-input`}
        type="date"
        max="9999-12-31"
        className="mt-3 block min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 text-lg"
        value={typed ?? (typeof value === 'string' ? value : '')}
        aria-describedby={[describedBy, typed !== null && yearId].filter(Boolean).join(' ') || undefined}
        aria-invalid={typed !== null || undefined}
        onChange={(e) => {
          const v = e.target.value
          const fits = v === '' || fitsQuestion(question, v)
          setTyped(fits ? null : v)
          onChange(fits ? v || undefined : undefined)
        }}
      />
    </div>
  )
}
