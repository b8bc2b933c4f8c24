/**
 * The copy of the person's record kept on this device: its format, and how what storage holds
 * becomes a state the app can trust. Pure, with the content passed in; the session's store
 * (src/session/answersStore.ts) runs these three steps through Zustand's persist:
 *   readEnvelope (its storage's getItem) → migrateShape (its migrate) → readSaved (its merge).
 */
import type { Answers, Migration, Questionnaire } from '../../content/schema'
import { jsonDepthWithin } from './limits'
import { migrateAnswers } from './migrate'
import { sanitizeAnswers } from './sanitize'
import { firstEpoch, readSync, type SyncFields } from './sync'

export const STORAGE_KEY = 'achilles-self-check'
/** Where an unreadable saved copy is set aside, so that nothing is thrown away without a trace. */
export const UNREADABLE_KEY = 'achilles-self-check:unreadable'
/** The shape of the saved copy. Bump it, and add a step to `shapeSteps`, when a field changes. */
export const STORE_VERSION = 1

export interface Saved {
  answers: Answers
  /** The flow's step the person was on; checked against the flow when it resumes (domain/flow/resume.ts). */
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
function knownQuestionIds(q: Questionnaire, ids: unknown): string[] {
  if (!Array.isArray(ids)) return []
  const wanted = new Set(ids.filter((id): id is string => typeof id === 'string'))
  return q.sections.flatMap((s) => s.questions.map((x) => x.id)).filter((id) => wanted.has(id))
}

/** what the person is told when the questions changed and some answers need another look */
export function recheckNotice(lead: string, count: number): string {
  return count === 1
    ? `${lead} One of your answers needs another look: it is marked on the review page.`
    : `${lead} ${count} of your answers need another look: they are marked on the review page.`
}

export const UNREADABLE_NOTICE = 'We could not read the answers saved on this device, so the check starts fresh. Nothing was sent anywhere.'
/** A saved copy with a field this app never writes (a typing slip such as "answrs", or another program's doing). */
export const PART_UNREADABLE_NOTICE = 'Part of the answers saved on this device could not be read, so it was left out. Please check your answers.'
/** Added to the notice when the copy could not be set aside (the device's storage is full). */
export const NOT_SET_ASIDE_NOTICE = 'There was no room on this device to keep a copy of what could not be read.'
export const NEWER_NOTICE = 'The answers on this device were saved by a newer version of this app, so the check starts fresh here.'
const UPDATED_LEAD = 'The questions have been updated since you last visited.'
const NOTE_UNREADABLE_NOTICE = 'We could not read the note saved on this device, so it was left out.'
const NOTE_CUT_NOTICE = `Your note was longer than ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters, so only the first ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} were kept.`

/** The record before anyone has answered anything. */
export const emptyRecord = (questionnaireVersion: number): Saved => ({
  answers: {},
  step: 'welcome',
  editing: false,
  questionnaireVersion,
  note: '',
  recheck: [],
})

/**
 * Every field a saved copy of this shape has: the record, and what two tabs need to merge their
 * changes (src/domain/record/sync.ts; optional, so copies from before it still read). Any other
 * field means the copy is not what this app wrote, so it is set aside rather than silently dropped.
 */
const SAVED_FIELDS: ReadonlySet<string> = new Set<keyof Saved | keyof SyncFields>([
  'answers',
  'step',
  'editing',
  'questionnaireVersion',
  'note',
  'recheck',
  'epoch',
  'stamps',
])

/** whether anything the person gave is in this record: opening a file over it asks first */
export const holdsAnswers = ({ answers, note }: Pick<Saved, 'answers' | 'note'>) => Object.keys(answers).length > 0 || note.trim() !== ''

/** Storage's text as the versioned envelope persist expects, or null when it cannot be read as one. */
export function readEnvelope(raw: string): { state: object; version: number } | null {
  // Nothing this app writes nests deeply; reading a copy that does could overflow the stack.
  if (!jsonDepthWithin(raw)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return null
  }
  const envelope = parsed as { state?: unknown; version?: unknown } | null
  if (!envelope || typeof envelope !== 'object' || typeof envelope.state !== 'object' || envelope.state === null) return null
  const { version } = envelope
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return null
  return { state: envelope.state, version }
}

/**
 * Changes of the saved copy's own shape, from version `from` to `from + 1`. There are none yet: the
 * shape has not changed since version 1. (Changes of the questions are rules/migrations.json's.)
 */
const shapeSteps: { from: number; step: (state: Record<string, unknown>) => Record<string, unknown> }[] = []

/**
 * carries a saved copy of an older shape forward to STORE_VERSION (persist's `migrate`); null for a
 * newer shape, which cannot be guessed at
 */
export function migrateShape(state: unknown, version: number): unknown {
  if (version > STORE_VERSION) return null
  let migrated = state as Record<string, unknown>
  for (let v = version; v < STORE_VERSION; v++) {
    const step = shapeSteps.find((s) => s.from === v)
    if (!step) throw new Error(`no way to carry a saved copy from shape ${v} forward`)
    migrated = step.step(migrated)
  }
  return migrated
}

export interface Loaded {
  saved: Saved
  /** what two tabs need to merge their changes; a fresh epoch for a copy from before it existed */
  sync: SyncFields
  notice: string | null
  /** whether the original copy should be kept aside, because some of it could not be used */
  setAside: boolean
}

/** turns a saved state of today's shape into one the app can trust, with a notice when it had to change it */
export function readSaved(content: { questionnaire: Questionnaire; migrations: readonly Migration[] }, raw: unknown): Loaded {
  const { questionnaire, migrations } = content
  // Every field is unknown until checked: storage can hold anything.
  const state = (raw && typeof raw === 'object' ? raw : {}) as { [K in keyof Saved | keyof SyncFields]?: unknown }
  const savedVersion = state.questionnaireVersion
  if (typeof savedVersion === 'number' && Number.isInteger(savedVersion) && savedVersion > questionnaire.version) {
    // Answers to questions this app has never seen: guessing could keep a wrong answer.
    return { saved: emptyRecord(questionnaire.version), sync: { epoch: firstEpoch(), stamps: {} }, notice: NEWER_NOTICE, setAside: true }
  }
  const answersReadable = typeof state.answers === 'object' && state.answers !== null && !Array.isArray(state.answers)
  const older = typeof savedVersion === 'number' && savedVersion < questionnaire.version
  const previousRecheck = Array.isArray(state.recheck) ? state.recheck.filter((x): x is string => typeof x === 'string') : []
  const migrated = older ? migrateAnswers(questionnaire, migrations, savedVersion, state.answers, previousRecheck) : undefined
  // No way forward (a version that never existed): keep what still fits, as before migrations.
  const { answers, dropped, recheck } = migrated?.ok
    ? migrated
    : { ...sanitizeAnswers(questionnaire, state.answers), recheck: knownQuestionIds(questionnaire, state.recheck) }
  const updated = migrated?.ok === true && recheck.length > 0
  const notices: string[] = []
  let setAside = false
  if (!answersReadable && state.answers !== undefined) {
    setAside = true
    notices.push(UNREADABLE_NOTICE)
  } else if (updated) {
    setAside = dropped > 0
    notices.push(recheckNotice(UPDATED_LEAD, recheck.length))
  } else if (dropped > 0) {
    setAside = true
    const why = savedVersion !== questionnaire.version ? ' because the questions have changed' : ''
    notices.push(`${dropped === 1 ? 'One saved answer' : `${dropped} saved answers`} could not be used${why}. Please check your answers again.`)
  }
  // Older copies have no note: that is not a problem worth a message.
  let note = ''
  if (typeof state.note === 'string') {
    note = cutNote(state.note)
    if (note !== state.note) {
      setAside = true
      notices.push(NOTE_CUT_NOTICE)
    }
  } else if (state.note !== undefined) {
    setAside = true
    notices.push(NOTE_UNREADABLE_NOTICE)
  }
  if (Object.keys(state).some((key) => !SAVED_FIELDS.has(key))) {
    setAside = true
    notices.push(PART_UNREADABLE_NOTICE)
  }
  // An unknown step is kept as it is: resuming the flow works out where to go, and says so.
  const step = typeof state.step === 'string' ? state.step : ''
  return {
    saved: {
      answers,
      // The review page is where the answers to look at again are marked.
      step: updated ? 'review' : step,
      editing: !updated && state.editing === true,
      questionnaireVersion: questionnaire.version,
      note,
      recheck,
    },
    sync: readSync(state),
    notice: notices.length ? notices.join(' ') : null,
    setAside,
  }
}
