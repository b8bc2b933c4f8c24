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
import { Notice } from './components/Notice'
import { ReplaceAnswersDialog } from './components/ReplaceAnswersDialog'
import { migrations, questionnaire } from '../content/questionnaire'
import { UpdatePrompt } from '../pwa/UpdatePrompt'
import { WelcomeScreen } from './screens/WelcomeScreen'
import { deleteDeviceData } from '../session/device'
import { holdsAnswers, useAnswers } from '../session/answersStore'

type WizardComponent = ComponentType<{ focusFirstScreen?: boolean; onDeletedAll?: () => void }>
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
  const [deletedAll, setDeletedAll] = useState(false)
  const [openFileMessage, setOpenFileMessage] = useState<string | null>(null)
  const [pendingImport, setPendingImport] = useState<(() => void) | null>(null)
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
    setDeletedAll(false)
    useAnswers.getState().setPosition('urgent', false)
    open()
  }

  // Answers from a file: checked by importFile.ts (loaded only now), then they take the place of the
  // record here and the person goes to their review. A person who came back here with answers
  // still on the device (Back from the first question) is asked first, as on the summary.
  const openFile = async (file: File) => {
    setOpenFileMessage(null)
    const { importFile } = await import('../domain/record/importFile')
    const read = await importFile(file, { questionnaire }, migrations)
    if (!read.ok) return setOpenFileMessage(read.message)
    const apply = () => {
      setStartedHere(true)
      setDeletedAll(false)
      useAnswers.getState().replaceAll(read.saved, read.notice)
      open()
    }
    if (holdsAnswers(useAnswers.getState())) setPendingImport(() => apply)
    else apply()
  }

  // The complete wipe, also from here, so a shared device can be cleared without finishing the check.
  const deleteAll = async () => {
    useAnswers.getState().clearAll()
    setOpenFileMessage(null)
    await deleteDeviceData()
    setDeletedAll(true)
  }

  return (
    <ErrorBoundary>
      <UpdatePrompt />
      {notice && <Notice message={notice} onDismiss={dismissNotice} />}
      {deletedAll && !started && (
        <Notice
          message="Everything this app kept on this device has been deleted: your answers, your note and any copy it set aside. Files you saved yourself are not touched."
          onDismiss={() => setDeletedAll(false)}
        />
      )}
      {!started ? (
        <WelcomeScreen
          onStart={start}
          onOpenFile={(file) => void openFile(file)}
          openFileMessage={openFileMessage}
          onDeleteAll={() => void deleteAll()}
        />
      ) : Wizard ? (
        <Wizard focusFirstScreen={startedHere} onDeletedAll={() => setDeletedAll(true)} />
      ) : loadFailed ? (
        <LoadFailed onRetry={open} />
      ) : (
        <p className="p-6 text-lg text-slate-800" role="status">
          Opening the check…
        </p>
      )}
      <ReplaceAnswersDialog pending={pendingImport} onClose={() => setPendingImport(null)} />
    </ErrorBoundary>
  )
}
