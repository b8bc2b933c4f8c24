/**
 * The saved copy's format and how a raw string from storage becomes a trustworthy state.
 * Pure, so every kind of bad input is easy to test.
 */
import { questionnaire } from '../content/questionnaire'
import { allSteps } from '../machine/steps'
import type { Answers } from '../engine/schema'
import { sanitizeAnswers } from './sanitize'

export const STORAGE_KEY = 'achilles-self-check'
/** Where an unreadable saved copy is set aside, so that nothing is thrown away without a trace. */
export const UNREADABLE_KEY = 'achilles-self-check:unreadable'
/** The shape of the saved copy; bump it with a migration below when the shape changes. */
export const STORE_VERSION = 1

export interface Saved {
  answers: Answers
  /** The wizard state the person was in (a state of wizardMachine). */
  step: string
  editing: boolean
  /** The questionnaire version the answers were given to. */
  questionnaireVersion: number
}

const UNREADABLE_NOTICE = 'We could not read the answers saved on this device, so the check starts fresh. Nothing was sent anywhere.'

export interface Loaded {
  saved: Saved | null
  notice: string | null
}


function setAside(raw: string) {
  try {
    localStorage.setItem(UNREADABLE_KEY, raw)
  } catch {
    // Storage full or blocked: the notice still tells the person what happened.
  }
}

/** turns what storage holds into a saved state the app can trust, with a notice when it had to change it */
export function loadSaved(raw: string | null): Loaded {
  if (raw === null) return { saved: null, notice: null }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    parsed = undefined
  }
  const envelope = parsed as { state?: Partial<Saved>; version?: unknown } | undefined
  if (!envelope || typeof envelope !== 'object' || typeof envelope.state !== 'object' || envelope.state === null) {
    setAside(raw)
    return {
      saved: null,
      notice: UNREADABLE_NOTICE,
    }
  }
  const version = envelope.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    setAside(raw)
    return {
      saved: null,
      notice: UNREADABLE_NOTICE,
    }
  }
  if (version > STORE_VERSION) {
    setAside(raw)
    return {
      saved: null,
      notice: 'The answers on this device were saved by a newer version of this app, so the check starts fresh here.',
    }
  }
  const state = envelope.state
  const answersReadable = typeof state.answers === 'object' && state.answers !== null && !Array.isArray(state.answers)
  const { answers, dropped } = sanitizeAnswers(questionnaire, state.answers)
  const step = typeof state.step === 'string' && allSteps.has(state.step) ? state.step : Object.keys(answers).length ? 'review' : 'welcome'
  const changedQuestions = state.questionnaireVersion !== questionnaire.version
  let notice: string | null = null
  if (!answersReadable && state.answers !== undefined) {
    setAside(raw)
    notice = UNREADABLE_NOTICE
  } else if (dropped > 0) {
    setAside(raw)
    notice = `${dropped === 1 ? 'One saved answer' : `${dropped} saved answers`} could not be used${changedQuestions ? ' because the questions have changed' : ''}. Please check your answers again.`
  } else if (step !== state.step) {
    notice = 'We could not tell where you were, so here are your answers to check.'
  }
  return {
    saved: { answers, step, editing: state.editing === true, questionnaireVersion: questionnaire.version },
    notice,
  }
}
