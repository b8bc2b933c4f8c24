import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './ui/App'
import { useAnswers } from './session/answersStore'
import { followOtherWindows } from './session/lifecycle'
import './index.css'

const root = document.getElementById('root')!
const app = (
  <StrictMode>
    <App />
  </StrictMode>
)

// "Delete everything" in another window of this app holds here too.
followOtherWindows()

// The built page already holds the welcome screen (scripts/prerenderWelcome.ts). Hydrate it when that is
// what this person sees; someone coming back mid-check gets a fresh render of where they were.
if (root.firstElementChild && useAnswers.getState().step === 'welcome' && !useAnswers.getState().notice) {
  hydrateRoot(root, app)
} else {
  root.textContent = ''
  createRoot(root).render(app)
}

// The service worker (offline use, updates) registers once the page has loaded, off the first screen's path.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void import('./pwa/updates').then((m) => m.startUpdates()), { once: true })
}
