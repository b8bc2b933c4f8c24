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

/** The wizard's code could not be fetched (offline, or an update replaced it): say so and offer a retry. */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-bold text-slate-900">The check could not open</h1>
      <p className="mt-3 text-lg text-slate-800">
        Part of the app did not load. Check your connection and try again. Your answers are still on this device.
      </p>
      <StillGetHelp />
      <button type="button" className={`${button} bg-brand-700 text-white`} onClick={onRetry}>
        Try again
      </button>
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
