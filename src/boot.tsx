/**
 * The app, started by src/main.tsx once the prerendered welcome screen has painted: it hydrates that
 * screen (or renders where a returning person left off), follows other tabs, and registers the
 * service worker.
 */
import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './ui/App'
import { stopHoldingEarlyPresses } from './ui/earlyPresses'
import { useAnswers } from './session/answersStore'
import { followOtherWindows } from './session/lifecycle'
import { START_NOTICE_ID } from './pwa/startNotice'

const root = document.getElementById('root')!

// The script runs: the built page's "has not started" notice (src/pwa/startNotice.ts) is not needed.
document.getElementById(START_NOTICE_ID)?.remove()

/**
 * Inside a frame, the app does not start. Another page, even one on this same site, could show a
 * person's answers in it and trick them into deleting them. The server's headers forbid framing
 * (src/pwa/securityPolicy.ts); this is for hosts that cannot send them. The page says so and
 * offers the app in its own window instead.
 */
function refuseFrame() {
  const box = document.createElement('div')
  box.setAttribute('role', 'alert')
  box.className = 'mx-auto max-w-2xl p-6'
  const title = document.createElement('h1')
  title.className = 'text-2xl font-bold text-slate-900'
  title.textContent = 'This check opens only in its own window'
  const why = document.createElement('p')
  why.className = 'mt-3 text-lg text-slate-800'
  why.textContent = 'This keeps your answers private: no other page can show them or change them.'
  const link = document.createElement('a')
  link.href = '/'
  link.target = '_blank'
  link.rel = 'noopener noreferrer'
  link.className = 'mt-4 inline-block text-lg font-semibold text-brand-700 underline underline-offset-4'
  link.textContent = 'Open the check in its own window'
  box.append(title, why, link)
  root.replaceChildren(box)
}

if (window.top !== window.self) {
  refuseFrame()
} else {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  )

  // "Delete everything" in another window of this app holds here too.
  followOtherWindows()

  // The built page already holds the welcome screen (scripts/prerenderWelcome.ts). Hydrate it when that is
  // what this person sees; someone coming back mid-check gets a fresh render of where they were.
  // In a task of its own, after this module's code has run: two shorter tasks keep a tap waiting less than one long one.
  setTimeout(() => {
    stopHoldingEarlyPresses()
    if (root.firstElementChild && useAnswers.getState().step === 'welcome' && !useAnswers.getState().notice) {
      hydrateRoot(root, app)
    } else {
      root.textContent = ''
      createRoot(root).render(app)
    }
  })

  // The service worker (offline use, updates) registers once the page has loaded, off the first screen's path.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    const register = () => void import('./pwa/updates').then((m) => m.startUpdates())
    if (document.readyState === 'complete') register()
    else window.addEventListener('load', register, { once: true })
  }
}
