/**
 * Presses on the prerendered welcome screen before the app has started. The entry (src/main.tsx)
 * fetches the app only after the first paint, so a quick press on Start could land on a button
 * nothing listens to yet. The entry holds such presses; the app, once it has taken over the page,
 * presses those buttons again, so no press is lost.
 */
const pressed: HTMLButtonElement[] = []

function hold(event: MouseEvent) {
  const button = event.target instanceof Element ? event.target.closest('button') : null
  if (button) pressed.push(button)
}

/** from the entry, before anything else: remember every button pressed until the app starts */
export function holdEarlyPresses() {
  document.addEventListener('click', hold, true)
}

/** the app is about to take over the page: from now on, React hears presses itself */
export function stopHoldingEarlyPresses() {
  document.removeEventListener('click', hold, true)
}

/** the app has taken over the page: press again, once each, what the person pressed meanwhile */
export function replayEarlyPresses() {
  for (const button of new Set(pressed.splice(0))) if (button.isConnected) button.click()
}
