/**
 * The shell that ships with the first screen: the welcome screen (prerendered into index.html)
 * and the store. The wizard (XState, the rules, every other screen) is its own chunk: the browser
 * prefetches it while idle (a <link rel="prefetch"> added by scripts/prerender.mjs), and it runs
 * as soon as the person shows intent (a touch, a key, a click), or at once for someone resuming.
 * So the first screen needs only React and a few KB of our own code, and nothing competes with it.
 */
import { useEffect, useState, type ComponentType } from 'react'
import { Notice } from '../components/Notice'
import { WelcomeScreen } from '../screens/WelcomeScreen'
import { useAnswers } from '../store/answersStore'

const loadWizard = () => import('./Wizard').then((m) => m.Wizard)
const intents = ['pointerdown', 'touchstart', 'keydown', 'focusin'] as const
type WizardComponent = ComponentType<{ focusFirstScreen?: boolean }>

export function App() {
  const [Wizard, setWizard] = useState<WizardComponent | null>(null)
  const [startedEarly, setStartedEarly] = useState(false)
  const resuming = useAnswers((s) => s.step !== 'welcome')
  const notice = useAnswers((s) => s.notice)
  const dismissNotice = useAnswers((s) => s.dismissNotice)

  useEffect(() => {
    let live = true
    const load = () => {
      stopListening()
      loadWizard().then((W) => live && setWizard(() => W))
    }
    const stopListening = () => intents.forEach((type) => window.removeEventListener(type, load, true))
    if (useAnswers.getState().step !== 'welcome') load()
    else intents.forEach((type) => window.addEventListener(type, load, { capture: true, passive: true }))
    return () => {
      live = false
      stopListening()
    }
  }, [])

  return (
    <>
      {notice && <Notice message={notice} onDismiss={dismissNotice} />}
      {Wizard ? (
        <Wizard focusFirstScreen={startedEarly} />
      ) : resuming ? (
        <p className="p-6 text-lg text-slate-800">Opening your answers…</p>
      ) : (
        // Starting before the wizard has loaded just records the step; the wizard resumes there.
        <WelcomeScreen
          onStart={() => {
            setStartedEarly(true)
            useAnswers.getState().setPosition('urgent', false)
          }}
        />
      )}
    </>
  )
}
