/**
 * What the person answered, and where they were, kept on this device only (localStorage).
 *
 * The saved copy is versioned and checked on every load (see loadSaved). Nothing here ever
 * leaves the device.
 */
import { create } from 'zustand'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { questionnaire } from '../content/questionnaire'
import type { AnswerValue, Answers } from '../content/schema'
import { cutNote, loadSaved, STORAGE_KEY, STORE_VERSION, type Saved } from '../domain/record/saved'

export interface AnswersState extends Saved {
  /** A message for the person about what happened to their saved answers, until they close it. */
  notice: string | null
}

interface AnswersActions {
  setAnswer: (questionId: string, value: AnswerValue | undefined) => void
  setPosition: (step: string, editing: boolean) => void
  /** keeps the person's note exactly as typed, cut to NOTE_MAX_LENGTH */
  setNote: (text: string) => void
  /**
   * takes a whole record at once (answers opened from a file), so no half-replaced state is ever
   * saved, and tells the person (with the import's own notice, if it has one)
   */
  replaceAll: (saved: Saved, notice?: string | null) => void
  /** the person has looked again at every answer marked after the questions changed */
  clearRecheck: () => void
  dismissNotice: () => void
  /** forgets every answer on this device and goes back to the start */
  clearAll: () => void
}

/** whether anything the person gave is on this device: opening a file over it asks first */
export const holdsAnswers = ({ answers, note }: Pick<Saved, 'answers' | 'note'>) => Object.keys(answers).length > 0 || note.trim() !== ''

const empty: Saved = { answers: {}, step: 'welcome', editing: false, questionnaireVersion: questionnaire.version, note: '', recheck: [] }

/** Reads through loadSaved, so a damaged or old copy becomes a clean state and a notice. */
const storage: PersistStorage<Saved> = {
  getItem: (name) => {
    const loaded = loadSaved(localStorage.getItem(name))
    if (loaded.notice) pendingNotice = loaded.notice
    return loaded.saved ? { state: loaded.saved, version: STORE_VERSION } : null
  },
  setItem: (name, value: StorageValue<Saved>) => {
    try {
      localStorage.setItem(name, JSON.stringify(value))
    } catch {
      // Storage full, blocked or private mode: the check still works, but say that nothing is kept.
      if (!warnedUnsaved) {
        warnedUnsaved = true
        queueMicrotask(() => useAnswers.setState({ notice: UNSAVED_NOTICE }))
      }
    }
  },
  removeItem: (name) => localStorage.removeItem(name),
}
let pendingNotice: string | null = null
const OPENED_NOTICE = 'Your answers from the file are in. Please check them.'
let warnedUnsaved = false
const UNSAVED_NOTICE =
  "Your answers can't be saved on this device (its storage is full or blocked). You can still finish the check, but your answers will be gone if you close this page."


export const useAnswers = create<AnswersState & AnswersActions>()(
  persist(
    (set) => ({
      ...empty,
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
      setPosition: (step, editing) => set({ step, editing }),
      setNote: (text) => set({ note: cutNote(text) }),
      replaceAll: ({ answers, note, step, editing, recheck, questionnaireVersion }, notice) =>
        set({ answers, note: cutNote(note), step, editing, recheck, questionnaireVersion, notice: notice ?? OPENED_NOTICE }),
      clearRecheck: () => set({ recheck: [] }),
      dismissNotice: () => set({ notice: null }),
      clearAll: () => set({ ...empty, notice: null }),
    }),
    {
      name: STORAGE_KEY,
      version: STORE_VERSION,
      storage,
      partialize: ({ answers, step, editing, questionnaireVersion, note, recheck }) => ({ answers, step, editing, questionnaireVersion, note, recheck }),
      merge: (saved, current) => ({ ...current, ...(saved as Saved), notice: pendingNotice }),
    },
  ),
)

/**
 * Another window of this app deleted everything (or its storage was cleared): follow it here
 * instead of writing this window's answers back, so "Delete everything" holds for every open tab.
 */
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    const ours = e.key === null || e.key === STORAGE_KEY
    if (e.storageArea !== localStorage || !ours || e.newValue !== null) return
    if (!holdsAnswers(useAnswers.getState())) return
    useAnswers.setState({ ...empty, notice: 'Your answers were deleted in another window of this app.' })
    // Setting the state saved an empty copy again; remove it, as the other window did.
    localStorage.removeItem(STORAGE_KEY)
  })
}
