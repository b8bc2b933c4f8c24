/**
 * Built by `vite build --ssr` at build time only: renders the welcome screen to HTML so that
 * scripts/prerenderWelcome.ts can put it into dist/index.html. Never shipped to the browser.
 */
import { renderToString } from 'react-dom/server'
import { App } from './App'

export function renderWelcome(): string {
  // The App's first render, with no saved answers, is exactly the welcome screen that the browser hydrates.
  return renderToString(<App />)
}
