/**
 * What the person answered, and where they were, kept on this device only (localStorage), through
 * Zustand's persist as designed: its storage reads the versioned copy (readEnvelope), its
 * `migrate` carries an older shape forward (migrateShape), and its `merge` checks every answer
 * against today's questions (readSaved). Nothing here ever leaves the device.
 *
 * The screens may answer, write the note and dismiss a notice. Where the person is (`step`,
 * `editing`) is written only by the flow (src/session/flow.ts); the record as a whole changes only
 * through the lifecycle (src/session/lifecycle.ts). Every answer is checked against its question as
 * it is given, and stamped, so that another tab of the app can merge it (src/domain/record/sync.ts).
 */
import { create } from 'zustand'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { migrations, questionnaire } from '../content/questionnaire'
import type { AnswerValue, Answers } from '../content/schema'
import { fitsQuestion } from '../domain/record/sanitize'
import {
  cutNote,
  emptyRecord,
  holdsAnswers,
  migrateShape,
  NEWER_NOTICE,
  NOT_SET_ASIDE_NOTICE,
  readEnvelope,
  readSaved,
  STORAGE_KEY,
  STORE_VERSION,
  UNREADABLE_KEY,
  UNREADABLE_NOTICE,
  type Saved,
} from '../domain/record/saved'
import { firstEpoch, nextStamp, NOTE_KEY, type SyncFields } from '../domain/record/sync'

/** what is kept on the device: the record, and what another tab needs to merge with it */
type Persisted = Saved & SyncFields

interface AnswersState extends Persisted {
  /** A message for the person about what happened to their record, until they close it. */
  notice: string | null
}

interface AnswersActions {
  /** an answer that does not fit its question (a date with a five-digit year) leaves the question unanswered */
  setAnswer: (questionId: string, value: AnswerValue | undefined) => void
  /** keeps the person's note exactly as typed, cut to NOTE_MAX_LENGTH */
  setNote: (text: string) => void
  /** the person has looked again at every answer marked after the questions changed */
  clearRecheck: () => void
  dismissNotice: () => void
}

const UNSAVED_NOTICE =
  "Your answers can't be saved on this device (its storage is full or blocked). You can still finish the check, but your answers will be gone if you close this page."

/**
 * keeps a copy the app could not fully use, so that nothing is thrown away without a trace; false
 * when there was no room for it, so the person can be told
 */
export function setAside(raw: string): boolean {
  try {
    localStorage.setItem(UNREADABLE_KEY, raw)
    return true
  } catch {
    // No room for a second copy (a big one): move the saved copy aside instead of copying it. What
    // the app could use is written back afterwards, and it is smaller.
  }
  try {
    if (localStorage.getItem(STORAGE_KEY) !== raw) return false
    localStorage.removeItem(STORAGE_KEY)
    try {
      localStorage.setItem(UNREADABLE_KEY, raw)
      return true
    } catch {
      localStorage.setItem(STORAGE_KEY, raw)
      return false
    }
  } catch {
    return false
  }
}

/** whether this record is worth keeping: one that holds nothing is never stored */
const worthKeeping = (state: Saved) => holdsAnswers(state) || state.step !== 'welcome' || state.recheck.length > 0

/**
 * localStorage for persist. It remembers what it last read (the text and its version) so that
 * `merge` can set that copy aside and say why; and it never stores a record that holds nothing,
 * so "Delete everything" leaves nothing behind, whatever is written after it.
 */
function deviceStorage() {
  let read: { raw: string; version: number | null } | null = null
  let hadCopy = false
  let warned = false
  const storage: PersistStorage<Persisted> = {
    getItem: (name) => {
      const raw = localStorage.getItem(name)
      if (raw === null) return null
      const envelope = readEnvelope(raw)
      read = { raw, version: envelope?.version ?? null }
      return envelope as StorageValue<Persisted> | null
    },
    setItem: (name, { state, version }: StorageValue<Persisted>) => {
      try {
        if (!worthKeeping(state)) localStorage.removeItem(name)
        else localStorage.setItem(name, JSON.stringify({ state, version }))
      } catch {
        // Storage full, blocked or private mode: the check still works, but say (once) that nothing is
        // kept. An empty record (after "Delete everything") has nothing to keep: its own notice stays.
        if (!warned && worthKeeping(state)) {
          warned = true
          queueMicrotask(() => useAnswers.setState({ notice: UNSAVED_NOTICE }))
        }
      }
    },
    removeItem: (name) => {
      try {
        localStorage.removeItem(name)
      } catch {
        // Blocked storage holds nothing to remove.
      }
    },
  }
  /** what was read, as a trustworthy record with a notice (persist's merge) */
  const merge = (persisted: unknown, current: AnswersState & AnswersActions): AnswersState & AnswersActions => {
    if (!read) return current
    const { raw, version } = read
    read = null
    hadCopy = true
    const told = (notice: string, keep: boolean) => (keep && !setAside(raw) ? `${notice} ${NOT_SET_ASIDE_NOTICE}` : notice)
    if (version === null) return { ...current, notice: told(UNREADABLE_NOTICE, true) }
    if (version > STORE_VERSION) return { ...current, notice: told(NEWER_NOTICE, true) }
    const loaded = readSaved({ questionnaire, migrations }, persisted)
    return { ...current, ...loaded.saved, ...loaded.sync, notice: loaded.notice && told(loaded.notice, loaded.setAside) }
  }
  return { storage, merge, hadCopy: () => hadCopy }
}

const device = deviceStorage()
/** every question by id, looked up on each answer */
const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))

export const useAnswers = create<AnswersState & AnswersActions>()(
  persist(
    (set) => ({
      ...emptyRecord(questionnaire.version),
      epoch: firstEpoch(),
      stamps: {},
      notice: null,
      setAnswer: (questionId, value) =>
        set((s) => {
          // Only the questionnaire's own questions are answered; anything else is a mistake, not the person's.
          const question = questions.get(questionId)
          if (!question) return {}
          // A value that is no answer to its question (a date with a five-digit year, an empty
          // choice) leaves it unanswered, rather than keeping an earlier answer the screen no longer shows.
          const kept = fitsQuestion(question, value)
          if (!kept && !Object.hasOwn(s.answers, questionId)) return {}
          const answers: Answers = { ...s.answers }
          if (kept) answers[questionId] = value
          else delete answers[questionId]
          // Answering again is the other look the question needed.
          // (The same array when nothing changes, so nothing that reads it re-renders on every answer.)
          return {
            answers,
            recheck: s.recheck.includes(questionId) ? s.recheck.filter((id) => id !== questionId) : s.recheck,
            stamps: { ...s.stamps, [questionId]: nextStamp(s) },
          }
        }),
      setNote: (text) => set((s) => ({ note: cutNote(text), stamps: { ...s.stamps, [NOTE_KEY]: nextStamp(s) } })),
      clearRecheck: () => set({ recheck: [] }),
      dismissNotice: () => set({ notice: null }),
    }),
    {
      name: STORAGE_KEY,
      version: STORE_VERSION,
      storage: device.storage,
      partialize: ({ answers, step, editing, questionnaireVersion, note, recheck, epoch, stamps }) => ({
        answers,
        step,
        editing,
        questionnaireVersion,
        note,
        recheck,
        epoch,
        stamps,
      }),
      // A newer shape cannot be guessed at: migrateShape gives nothing, and merge sets the copy aside.
      migrate: (state, version) => migrateShape(state, version) as Persisted,
      merge: device.merge,
    },
  ),
)

// What was loaded is written back at once, so storage holds exactly the record the app now trusts
// (answers carried forward to today's questions, anything unusable left out).
if (device.hadCopy()) useAnswers.setState({})
