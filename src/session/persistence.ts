/**
 * Answers that outlive the browser's clean-up. Browsers may clear a site's storage on their own:
 * under storage pressure, and Safari after seven days without a visit unless the app is on the
 * Home Screen. Once the person has answered something, ask the browser to keep this app's storage
 * (navigator.storage.persist()). Where it says no, tell the person once how to keep their answers
 * (add the app to the Home Screen, or save a copy as a file), and remember that it was said.
 */
import { create } from 'zustand'
import { questionnaire } from '../content/questionnaire'
import { holdsAnswers } from '../domain/record/saved'
import { useAnswers } from './answersStore'

/**
 * Set once the person has been told. It sits in localStorage beside the answers, so "Delete
 * everything" (which clears localStorage) removes it too, and a fresh start may say it again.
 */
export const KEEP_ANSWERS_SAID_KEY = 'achilles-self-check:keep-answers-said'

/**
 * Where the notice may appear: not on the warning-sign screens or an urgent warning, where nothing
 * should compete with the questions that keep a person safe. From "Where and how it hurts" on.
 */
const calmSteps = new Set([...questionnaire.sections.filter((s) => s.stage !== 'screening').map((s) => s.id), 'review', 'result'])

interface KeepAnswers {
  /** the browser refused (or cannot promise) to keep the answers, and the person has not been told yet */
  refused: boolean
  /** the notice is on screen now */
  telling: boolean
  /** whether this app runs from the Home Screen (or as an installed app), where Safari keeps its storage */
  installed: boolean
  dismiss: () => void
}

export const useKeepAnswers = create<KeepAnswers>()((set) => ({
  refused: false,
  telling: false,
  installed: false,
  dismiss: () => set({ telling: false }),
}))

/** true when the browser has promised to keep this app's storage, or does so now when asked */
async function askToKeep(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  // No API (older Safari) means no promise: the answers can be cleared like any site's.
  if (!storage?.persist) return false
  try {
    if (await storage.persisted?.()) return true
    return await storage.persist()
  } catch {
    return false
  }
}

function alreadySaid(): boolean {
  try {
    return localStorage.getItem(KEEP_ANSWERS_SAID_KEY) !== null
  } catch {
    return false
  }
}

function rememberSaid() {
  try {
    localStorage.setItem(KEEP_ANSWERS_SAID_KEY, '1')
  } catch {
    // Storage blocked: the answers are not kept either, and saying it twice does no harm.
  }
}

const runsInstalled = () => typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches

/**
 * Watches the answers: asks the browser once the person has answered something, and when it
 * refuses, shows the notice on the next calm screen the person moves to (never under their finger
 * on the screen they are answering), for that one screen. Returns a function that stops watching.
 */
export function watchKeepAnswers(): () => void {
  let asked = false
  /** the screen the person was on when the refusal came */
  let refusedOn: string | null = null
  let toldOn: string | null = null
  useKeepAnswers.setState({ refused: false, telling: false, installed: runsInstalled() })

  const follow = (state: ReturnType<typeof useAnswers.getState>) => {
    if (!asked && holdsAnswers(state)) {
      asked = true
      void askToKeep().then((kept) => {
        if (kept || alreadySaid()) return
        refusedOn = useAnswers.getState().step
        useKeepAnswers.setState({ refused: true })
      })
    }
    const { refused, telling } = useKeepAnswers.getState()
    if (telling && (state.step !== toldOn || !holdsAnswers(state))) {
      // Said once: it goes with the screen it was shown on, and with the answers.
      useKeepAnswers.setState({ telling: false })
    } else if (refused && !telling && toldOn === null && state.step !== refusedOn && calmSteps.has(state.step) && holdsAnswers(state)) {
      toldOn = state.step
      rememberSaid()
      useKeepAnswers.setState({ refused: false, telling: true })
    }
  }
  follow(useAnswers.getState())
  return useAnswers.subscribe(follow)
}
