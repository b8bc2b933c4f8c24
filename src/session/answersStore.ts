/**
 * What the person answered, and where they were, kept on this device only (localStorage), through
 * Zustand's persist as designed: its storage reads the versioned copy (readEnvelope), its
 * `migrate` carries an older shape forward (migrateShape), and its `merge` checks every answer
 * against today's questions (readSaved). Nothing here ever leaves the device.
 *
 * The screens may answer, write the note and dismiss a notice. Where the person is (`step`,
 * `editing`) is written only by the flow (src/session/flow.ts); the record as a whole changes only
 * through the lifecycle (src/session/lifecycle.ts).
 */
import { create } from 'zustand'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { migrations, questionnaire } from '../content/questionnaire'
import type { AnswerValue, Answers } from '../content/schema'
import {
  cutNote,
  emptyRecord,
  holdsAnswers,
  migrateShape,
  NEWER_NOTICE,
  readEnvelope,
  readSaved,
  STORAGE_KEY,
  STORE_VERSION,
  UNREADABLE_KEY,
  UNREADABLE_NOTICE,
  type Saved,
} from '../domain/record/saved'

interface AnswersState extends Saved {
  /** A message for the person about what happened to their record, until they close it. */
  notice: string | null
}

interface AnswersActions {
  setAnswer: (questionId: string, value: AnswerValue | undefined) => void
  /** keeps the person's note exactly as typed, cut to NOTE_MAX_LENGTH */
  setNote: (text: string) => void
  /** the person has looked again at every answer marked after the questions changed */
  clearRecheck: () => void
  dismissNotice: () => void
}

const UNSAVED_NOTICE =
  "Your answers can't be saved on this device (its storage is full or blocked). You can still finish the check, but your answers will be gone if you close this page."

/** keeps a copy the app could not fully use, so that nothing is thrown away without a trace */
export function setAside(raw: string) {
  try {
    localStorage.setItem(UNREADABLE_KEY, raw)
  } catch {
    // Storage full or blocked: the notice still tells the person what happened.
  }
}

/**
 * localStorage for persist. It remembers what it last read (the text and its version) so that
 * `merge` can set that copy aside and say why; and it never stores a record that holds nothing,
 * so "Delete everything" leaves nothing behind, whatever is written after it.
 */
function deviceStorage() {
  let read: { raw: string; version: number | null } | null = null
  let hadCopy = false
  let warned = false
  const storage: PersistStorage<Saved> = {
    getItem: (name) => {
      const raw = localStorage.getItem(name)
      if (raw === null) return null
      const envelope = readEnvelope(raw)
      read = { raw, version: envelope?.version ?? null }
      return envelope as StorageValue<Saved> | null
    },
    setItem: (name, { state, version }: StorageValue<Saved>) => {
      try {
        if (!holdsAnswers(state) && state.step === 'welcome' && state.recheck.length === 0) localStorage.removeItem(name)
        else localStorage.setItem(name, JSON.stringify({ state, version }))
      } catch {
        // Storage full, blocked or private mode: the check still works, but say (once) that nothing is kept.
        if (!warned) {
          warned = true
          queueMicrotask(() => useAnswers.setState({ notice: UNSAVED_NOTICE }))
        }
      }
    },
    removeItem: (name) => localStorage.removeItem(name),
  }
  /** what was read, as a trustworthy record with a notice (persist's merge) */
  const merge = (persisted: unknown, current: AnswersState & AnswersActions): AnswersState & AnswersActions => {
    if (!read) return current
    const { raw, version } = read
    read = null
    hadCopy = true
    if (version === null) {
      setAside(raw)
      return { ...current, notice: UNREADABLE_NOTICE }
    }
    if (version > STORE_VERSION) {
      setAside(raw)
      return { ...current, notice: NEWER_NOTICE }
    }
    const loaded = readSaved({ questionnaire, migrations }, persisted)
    if (loaded.setAside) setAside(raw)
    return { ...current, ...loaded.saved, notice: loaded.notice }
  }
  return { storage, merge, hadCopy: () => hadCopy }
}

const device = deviceStorage()

export const useAnswers = create<AnswersState & AnswersActions>()(
  persist(
    (set) => ({
      ...emptyRecord(questionnaire.version),
      notice: null,
      setAnswer: (questionId, value) =>
        set((s) => {
          const answers: Answers = { ...s.answers }
          if (value === undefined || (Array.isArray(value) && value.length === 0)) delete answers[questionId]
          else answers[questionId] = value
          // Answering again is the other look the question needed.
          // (The same array when nothing changes, so nothing that reads it re-renders on every answer.)
          return { answers, recheck: s.recheck.includes(questionId) ? s.recheck.filter((id) => id !== questionId) : s.recheck }
        }),
      setNote: (text) => set({ note: cutNote(text) }),
      clearRecheck: () => set({ recheck: [] }),
      dismissNotice: () => set({ notice: null }),
    }),
    {
      name: STORAGE_KEY,
      version: STORE_VERSION,
      storage: device.storage,
      partialize: ({ answers, step, editing, questionnaireVersion, note, recheck }) => ({ answers, step, editing, questionnaireVersion, note, recheck }),
      // A newer shape cannot be guessed at: migrateShape gives nothing, and merge sets the copy aside.
      migrate: (state, version) => migrateShape(state, version) as Saved,
      merge: device.merge,
    },
  ),
)

// What was loaded is written back at once, so storage holds exactly the record the app now trusts
// (answers carried forward to today's questions, anything unusable left out).
if (device.hadCopy()) useAnswers.setState({})
