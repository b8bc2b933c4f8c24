/**
 * The saved copy's format and how a raw string from storage becomes a trustworthy state.
 * Pure, so every kind of bad input is easy to test.
 */
import { migrations, questionnaire } from '../../content/questionnaire'
import { allSteps } from '../../machine/steps'
import type { Answers, Questionnaire } from '../../content/schema'
import { migrateAnswers } from './migrate'
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
  /** The person's own note: what they want to ask their practitioner. Plain text, kept exactly as typed. */
  note: string
  /** Questions whose answers need another look because the questions changed; cleared as each is answered. */
  recheck: string[]
}

/** The longest note kept, in UTF-16 code units (what a textarea's maxLength counts). */
export const NOTE_MAX_LENGTH = 1000

/** the note cut to NOTE_MAX_LENGTH, never splitting an emoji or other character made of two code units */
export function cutNote(text: string): string {
  if (text.length <= NOTE_MAX_LENGTH) return text
  const last = text.charCodeAt(NOTE_MAX_LENGTH - 1)
  // A high surrogate at the end would be half a character, which shows as a broken symbol.
  const end = last >= 0xd800 && last <= 0xdbff ? NOTE_MAX_LENGTH - 1 : NOTE_MAX_LENGTH
  return text.slice(0, end)
}

/** the ids in `ids` that are questions today, once each, in questionnaire order */
export function knownQuestionIds(q: Questionnaire, ids: unknown): string[] {
  if (!Array.isArray(ids)) return []
  const wanted = new Set(ids.filter((id): id is string => typeof id === 'string'))
  return q.sections.flatMap((s) => s.questions.map((x) => x.id)).filter((id) => wanted.has(id))
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
}

/** what the person is told when the questions changed and some answers need another look */
export function recheckNotice(lead: string, count: number): string {
  return count === 1
    ? `${lead} One of your answers needs another look: it is marked on the review page.`
    : `${lead} ${count} of your answers need another look: they are marked on the review page.`
}

const UNREADABLE_NOTICE = 'We could not read the answers saved on this device, so the check starts fresh. Nothing was sent anywhere.'
const NEWER_NOTICE = 'The answers on this device were saved by a newer version of this app, so the check starts fresh here.'
const UPDATED_LEAD = 'The questions have been updated since you last visited.'
const NOTE_UNREADABLE_NOTICE = 'We could not read the note saved on this device, so it was left out.'
const NOTE_CUT_NOTICE = `Your note was longer than ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters, so only the first ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} were kept.`

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
  // Every field is unknown until checked: storage can hold anything.
  const envelope = parsed as { state?: { [K in keyof Saved]?: unknown }; version?: unknown } | undefined
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
      notice: NEWER_NOTICE,
    }
  }
  const state = envelope.state
  const savedVersion = state.questionnaireVersion
  if (typeof savedVersion === 'number' && Number.isInteger(savedVersion) && savedVersion > questionnaire.version) {
    // Answers to questions this app has never seen: guessing could keep a wrong answer.
    setAside(raw)
    return { saved: null, notice: NEWER_NOTICE }
  }
  const answersReadable = typeof state.answers === 'object' && state.answers !== null && !Array.isArray(state.answers)
  const older = typeof savedVersion === 'number' && savedVersion < questionnaire.version
  const migrated = older ? migrateAnswers(questionnaire, migrations, savedVersion, state.answers, strings(state.recheck)) : undefined
  // No way forward (a version that never existed): keep what still fits, as before migrations.
  const { answers, dropped, recheck } = migrated?.ok
    ? migrated
    : { ...sanitizeAnswers(questionnaire, state.answers), recheck: knownQuestionIds(questionnaire, state.recheck) }
  const updated = migrated?.ok === true && recheck.length > 0
  let step = typeof state.step === 'string' && allSteps.has(state.step) ? state.step : Object.keys(answers).length ? 'review' : 'welcome'
  // The review page is where the answers to look at again are marked.
  if (updated) step = 'review'
  const changedQuestions = savedVersion !== questionnaire.version
  const notices: string[] = []
  if (!answersReadable && state.answers !== undefined) {
    setAside(raw)
    notices.push(UNREADABLE_NOTICE)
  } else if (updated) {
    if (dropped > 0) setAside(raw)
    notices.push(recheckNotice(UPDATED_LEAD, recheck.length))
  } else if (dropped > 0) {
    setAside(raw)
    notices.push(`${dropped === 1 ? 'One saved answer' : `${dropped} saved answers`} could not be used${changedQuestions ? ' because the questions have changed' : ''}. Please check your answers again.`)
  } else if (step !== state.step) {
    notices.push('We could not tell where you were, so here are your answers to check.')
  }
  // Older copies have no note: that is not a problem worth a message.
  let note = ''
  if (typeof state.note === 'string') {
    note = cutNote(state.note)
    if (note !== state.note) {
      setAside(raw)
      notices.push(NOTE_CUT_NOTICE)
    }
  } else if (state.note !== undefined) {
    setAside(raw)
    notices.push(NOTE_UNREADABLE_NOTICE)
  }
  return {
    saved: {
      answers,
      step,
      editing: !updated && state.editing === true,
      questionnaireVersion: questionnaire.version,
      note,
      recheck,
    },
    notice: notices.length ? notices.join(' ') : null,
  }
}
