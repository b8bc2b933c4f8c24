import { Component, type ReactNode } from 'react'
import { redFlags } from '../content/questionnaire'
import { setAsideAndReload } from '../session/lifecycle'
import { StaticWarnings } from './components/StaticWarnings'

/** The warning signs, shown whenever the check itself cannot go on: they matter more than the app. */
const StillGetHelp = () => (
  <div className="mt-4">
    <StaticWarnings signs={redFlags.welcomeList} heading="Get medical help today if:" />
  </div>
)

const button = 'mt-6 mr-3 min-h-12 rounded-lg px-5 py-3 font-semibold'

/**
 * Why part of the app's code did not load, as far as the page can tell. Offline, the copy on this
 * device was missing or damaged (the service worker refuses a damaged copy, src/pwa/sw.ts) and
 * could not be fetched again. Online, a file that arrived but could not be read is damaged (a new
 * version never comes to that: the service worker fetches it again first); anything else did not
 * arrive from the website.
 */
export type LoadFailure = 'offline' | 'damaged' | 'unavailable'

export const loadFailure = (error: unknown): LoadFailure =>
  !navigator.onLine ? 'offline' : error instanceof SyntaxError ? 'damaged' : 'unavailable'

const failureText: Record<LoadFailure, string> = {
  offline:
    'Part of the app is missing or damaged on this device, and this device is offline, so it cannot be fetched again. Connect to the internet, then try again.',
  damaged: 'Part of the app arrived damaged. Reload the page to fetch a fresh copy.',
  unavailable: 'Part of the app could not be fetched from the website. Try again in a moment.',
}

/** What to say when "Delete everything" could not load its code. */
export const deleteFailedText: Record<LoadFailure, string> = {
  offline: 'Nothing was deleted yet. Part of the app is missing on this device, and this device is offline. Connect to the internet, then delete again.',
  damaged: 'Nothing was deleted yet. Part of the app arrived damaged. Reload the page, then delete again.',
  unavailable: 'Nothing was deleted yet. Part of the app could not be fetched from the website. Try again in a moment.',
}

/** Part of the app's code could not be loaded: say what went wrong, as truly as the page can, and offer the way out. */
export function LoadFailed({ failure = 'unavailable', onRetry }: { failure?: LoadFailure; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-bold text-slate-900">The check could not open</h1>
      <p className="mt-3 text-lg text-slate-800">
        {failureText[failure]} Your answers are still on this device.
      </p>
      <StillGetHelp />
      {failure === 'damaged' ? (
        // A module that could not be read stays broken in this page: only a new page loads it again.
        <button type="button" className={`${button} bg-brand-700 text-white`} onClick={() => window.location.reload()}>
          Reload the page
        </button>
      ) : (
        <button type="button" className={`${button} bg-brand-700 text-white`} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

/**
 * If a screen fails, say so plainly instead of showing a blank page. Reloading usually brings the
 * person back where they were; if the saved answers themselves are the trouble, they can clear them.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <div role="alert" className="mx-auto max-w-2xl p-6">
        <h1 className="text-2xl font-bold text-slate-900">Something went wrong</h1>
        <p className="mt-3 text-lg text-slate-800">
          Sorry, this screen could not be shown. Your answers are still on this device. Reload the page to carry on.
        </p>
        <StillGetHelp />
        <button type="button" className={`${button} bg-brand-700 text-white`} onClick={() => window.location.reload()}>
          Reload
        </button>
        <button
          type="button"
          className={`${button} bg-white text-brand-700 ring-2 ring-inset ring-brand-700`}
          onClick={setAsideAndReload}
        >
          Clear my answers and start again
        </button>
      </div>
    )
  }
}
