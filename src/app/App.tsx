/**
 * The shell that ships with the first screen: the welcome screen (prerendered into index.html)
 * and the store. The wizard (XState, the rules, every other screen) is its own chunk: the browser
 * prefetches it while idle (a <link rel="prefetch"> added by scripts/prerender.mjs), starts running
 * it on the person's first touch, key or click, and shows it once they press Start (or at once for
 * someone resuming). The welcome screen stays in place until then, so nothing swaps under a finger
 * or takes focus away.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react'
import { ErrorBoundary, LoadFailed } from './ErrorBoundary'
import { Notice } from '../components/Notice'
import { WelcomeScreen } from '../screens/WelcomeScreen'
import { useAnswers } from '../store/answersStore'

type WizardComponent = ComponentType<{ focusFirstScreen?: boolean }>
const intents = ['pointerdown', 'touchstart', 'keydown', 'focusin'] as const

let wizardModule: Promise<WizardComponent> | undefined
const loadWizard = () =>
  (wizardModule ??= import('./Wizard').then(
    (m) => m.Wizard,
    (error: unknown) => {
      wizardModule = undefined // let the next try fetch it again
      throw error
    },
  ))

export function App() {
  const [Wizard, setWizard] = useState<WizardComponent | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [startedHere, setStartedHere] = useState(false)
  const started = useAnswers((s) => s.step !== 'welcome')
  const notice = useAnswers((s) => s.notice)
  const dismissNotice = useAnswers((s) => s.dismissNotice)

  const open = () => {
    setLoadFailed(false)
    loadWizard().then(
      (W) => setWizard(() => W),
      () => setLoadFailed(true),
    )
  }

  // Someone resuming needs the wizard now; anyone else only once they show intent, and then just
  // to have it ready (a failure there is reported when they press Start, which tries again).
  useEffect(() => {
    if (useAnswers.getState().step !== 'welcome') return open()
    const warmUp = () => {
      stopListening()
      loadWizard().catch(() => {})
    }
    const stopListening = () => intents.forEach((type) => window.removeEventListener(type, warmUp, true))
    intents.forEach((type) => window.addEventListener(type, warmUp, { capture: true, passive: true }))
    return stopListening
  }, [])

  // After "start over", the welcome screen is new to the person: put focus on its heading.
  const wasStarted = useRef(started)
  useEffect(() => {
    if (wasStarted.current && !started) {
      document.title = 'Achilles Self-Check'
      document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true })
    }
    wasStarted.current = started
  }, [started])

  const start = () => {
    setStartedHere(true)
    useAnswers.getState().setPosition('urgent', false)
    open()
  }

  return (
    <ErrorBoundary>
      {notice && <Notice message={notice} onDismiss={dismissNotice} />}
      {!started ? (
        <WelcomeScreen onStart={start} />
      ) : Wizard ? (
        <Wizard focusFirstScreen={startedHere} />
      ) : loadFailed ? (
        <LoadFailed onRetry={open} />
      ) : (
        <p className="p-6 text-lg text-slate-800" role="status">
          Opening the check…
        </p>
      )}
    </ErrorBoundary>
  )
}
