import { Component, type ReactNode } from 'react'

/**
 * If a screen fails, say so plainly instead of showing a blank page. The answers stay on the
 * device; reloading usually brings the person back where they were.
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
        <p className="mt-3 text-slate-800">
          If you have any of the warning signs (a sudden snap or pop, not being able to stand on the leg, a swollen warm calf,
          or a red, hot heel or a fever), get medical help today.
        </p>
        <button
          type="button"
          className="mt-6 min-h-12 rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </div>
    )
  }
}
