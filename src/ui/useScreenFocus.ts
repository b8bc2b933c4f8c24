import { useEffect, useRef } from 'react'

/**
 * Each new screen starts at the top with focus on its heading, and names itself in the tab title:
 * by its heading, or by `title` where the heading would carry the person's result into the
 * browser's history.
 */
export function useScreenFocus(step: string, focusFirstScreen: boolean, title?: string) {
  // A page that opens where the person left off keeps the browser's own focus.
  const firstRender = useRef(!focusFirstScreen)
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1')
    const name = title ?? heading?.textContent
    document.title = name ? `${name} – Achilles Self-Check` : 'Achilles Self-Check'
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    window.scrollTo(0, 0)
    heading?.focus({ preventScroll: true })
  }, [step])
}
