/**
 * The shell that ships with the first screen: the welcome screen (prerendered into index.html) and
 * the store. Everything else (XState, the rules, every other screen) is the wizard's chunk: it is
 * loaded and run once the page has loaded and the browser is idle (or on the person's first touch,
 * key or click, if that comes sooner), after the first paint and off its path, and shown once they
 * press Start (or at once for someone resuming). App only chooses between
 * the welcome screen and the wizard; where in the wizard the person is belongs to the flow.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react'
import { deleteFailedText, ErrorBoundary, LoadFailed, loadFailure, type LoadFailure } from './ErrorBoundary'
import { Notice } from './components/Notice'
import { replayEarlyPresses } from './earlyPresses'
import { UpdatePrompt } from '../pwa/UpdatePrompt'
import { WelcomeScreen } from './screens/WelcomeScreen'
import { useAnswers } from '../session/answersStore'
import { deleteEverything, loadFlow, openFile, start } from '../session/lifecycle'

type WizardComponent = ComponentType<{ focusFirstScreen: boolean }>
const intents = ['pointerdown', 'touchstart', 'keydown', 'focusin'] as const

let wizardModule: Promise<WizardComponent> | undefined
/** the wizard's screens and its flow, loaded together */
const loadWizard = () =>
  (wizardModule ??= Promise.all([import('./Wizard'), loadFlow()]).then(
    ([m]) => m.Wizard,
    (error: unknown) => {
      wizardModule = undefined // let the next try fetch it again
      throw error
    },
  ))

export function App() {
  const [Wizard, setWizard] = useState<WizardComponent | null>(null)
  const [loadFailed, setLoadFailed] = useState<LoadFailure | null>(null)
  const [opening, setOpening] = useState(false)
  const [deleteMessage, setDeleteMessage] = useState<string | null>(null)
  const inWizard = useAnswers((s) => s.step !== 'welcome')
  const notice = useAnswers((s) => s.notice)
  const dismissNotice = useAnswers((s) => s.dismissNotice)
  // The person asked for the wizard here (Start, or a file's answers), so its first screen is new to them.
  const askedHere = useRef(false)

  const open = () => {
    setLoadFailed(null)
    loadWizard().then(
      (W) => setWizard(() => W),
      (error: unknown) => setLoadFailed(loadFailure(error)),
    )
  }

  // Someone resuming needs the wizard now; anyone else gets it ready when the browser is idle after
  // load, or as soon as they show intent (a failure there is reported when they press Start, which
  // tries again).
  const showWizard = inWizard || opening
  useEffect(() => {
    if (showWizard) return open()
    const warmUp = () => {
      stopListening()
      loadWizard().catch(() => {})
    }
    // After load, when the browser is idle: so Start shows the first question at once.
    const whenIdle = () => (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200)))(warmUp)
    const stopListening = () => {
      intents.forEach((type) => window.removeEventListener(type, warmUp, true))
      window.removeEventListener('load', whenIdle)
    }
    intents.forEach((type) => window.addEventListener(type, warmUp, { capture: true, passive: true }))
    if (document.readyState === 'complete') whenIdle()
    else window.addEventListener('load', whenIdle, { once: true })
    return stopListening
  }, [showWizard])

  // The welcome screen is live now: a press made before the app started (src/main.tsx) counts.
  useEffect(() => replayEarlyPresses(), [])

  // Once the flow has taken the person in, the request is done; back on the welcome screen (start
  // over, delete everything), it is new to the person: focus its heading.
  const wasInWizard = useRef(inWizard)
  useEffect(() => {
    if (inWizard) setOpening(false)
    else if (wasInWizard.current) {
      document.title = 'Achilles Self-Check'
      document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true })
    }
    wasInWizard.current = inWizard
  }, [inWizard])

  const ask = (then: () => unknown) => {
    askedHere.current = true
    setOpening(true)
    setDeleteMessage(null)
    then()
  }

  return (
    <ErrorBoundary>
      <UpdatePrompt />
      {notice && <Notice message={notice} onDismiss={dismissNotice} />}
      {!showWizard ? (
        <WelcomeScreen
          onStart={() => ask(() => start().catch(() => {}))}
          onRead={async (file) => {
            const read = await openFile(file)
            return 'refused' in read ? read : { ...read, apply: () => ask(read.apply) }
          }}
          deleteMessage={deleteMessage}
          onDeleteAll={() => {
            setDeleteMessage(null)
            deleteEverything().catch((error: unknown) => setDeleteMessage(deleteFailedText[loadFailure(error)]))
          }}
        />
      ) : Wizard ? (
        <Wizard focusFirstScreen={askedHere.current} />
      ) : loadFailed ? (
        <LoadFailed failure={loadFailed} onRetry={open} />
      ) : (
        <p className="p-6 text-lg text-slate-800" role="status">
          Opening the check…
        </p>
      )}
    </ErrorBoundary>
  )
}
