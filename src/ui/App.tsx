/**
 * The shell that ships with the first screen: the welcome screen (prerendered into index.html) and
 * the store. Everything else (XState, the rules, every other screen) is the wizard's chunk: the
 * browser prefetches it while idle, starts loading it on the person's first touch, key or click,
 * and shows it once they press Start (or at once for someone resuming). App only chooses between
 * the welcome screen and the wizard; where in the wizard the person is belongs to the flow.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react'
import { ErrorBoundary, LoadFailed } from './ErrorBoundary'
import { Notice } from './components/Notice'
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

const DELETE_FAILED = 'Part of the app did not load, so nothing was deleted yet. Check your connection and try again.'

export function App() {
  const [Wizard, setWizard] = useState<WizardComponent | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [opening, setOpening] = useState(false)
  const [deleteMessage, setDeleteMessage] = useState<string | null>(null)
  const inWizard = useAnswers((s) => s.step !== 'welcome')
  const notice = useAnswers((s) => s.notice)
  const dismissNotice = useAnswers((s) => s.dismissNotice)
  // The person asked for the wizard here (Start, or a file's answers), so its first screen is new to them.
  const askedHere = useRef(false)

  const open = () => {
    setLoadFailed(false)
    loadWizard().then(
      (W) => setWizard(() => W),
      () => setLoadFailed(true),
    )
  }

  // Someone resuming needs the wizard now; anyone else only once they show intent, and then just
  // to have it ready (a failure there is reported when they press Start, which tries again).
  const showWizard = inWizard || opening
  useEffect(() => {
    if (showWizard) return open()
    const warmUp = () => {
      stopListening()
      loadWizard().catch(() => {})
    }
    const stopListening = () => intents.forEach((type) => window.removeEventListener(type, warmUp, true))
    intents.forEach((type) => window.addEventListener(type, warmUp, { capture: true, passive: true }))
    return stopListening
  }, [showWizard])

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
            deleteEverything().catch(() => setDeleteMessage(DELETE_FAILED))
          }}
        />
      ) : Wizard ? (
        <Wizard focusFirstScreen={askedHere.current} />
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
