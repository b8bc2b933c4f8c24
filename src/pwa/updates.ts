/**
 * Registers the service worker (src/pwa/sw.ts, built by vite-plugin-pwa) and turns its news into the update
 * prompt. Updates are never applied on their own: a reload while someone is answering could take
 * away what they are typing, so the new version waits until the person presses "Update now".
 * Their answers are saved on every change (src/session/answersStore.ts), so the one reload that
 * follows keeps them all.
 */
import type { TrustedTypesWindow } from 'trusted-types/lib'
import { Workbox } from 'workbox-window'
import { SERVICE_WORKER_POLICY } from './securityPolicy'
import { useUpdate } from './updateStore'

/** Browsers look for a new version when the app is opened; an app left open for days should look too. */
const CHECK_EVERY_MS = 60 * 60 * 1000
const GIVE_UP_AFTER_MS = 10_000

const SW_URL = '/sw.js'

/**
 * The service worker's URL as a Trusted Types script URL. The page's policy requires Trusted
 * Types for every script URL (src/pwa/securityPolicy.ts) and allows this one policy, which
 * accepts exactly this one URL: nothing else can become a worker script through it.
 */
function serviceWorkerUrl() {
  const trustedTypes = (window as unknown as TrustedTypesWindow).trustedTypes
  if (!trustedTypes) return SW_URL // a browser without Trusted Types does not enforce them either
  const policy = trustedTypes.createPolicy(SERVICE_WORKER_POLICY, {
    createScriptURL: (url) => {
      if (url !== SW_URL) throw new TypeError(`${url} is not the app's service worker`)
      return url
    },
  })
  return policy.createScriptURL(SW_URL)
}

export function startUpdates() {
  let chosenHere = false
  // The same steps as vite-plugin-pwa's registerSW in 'prompt' mode, with the URL made trusted.
  const wb = new Workbox(serviceWorkerUrl(), { scope: '/', type: 'classic' })
  wb.addEventListener('controlling', (event) => {
    if (!event.isUpdate) return
    // The new version now controls this page. Reload only if the person asked for it in this tab.
    if (chosenHere) window.location.reload()
    else useUpdate.setState({ state: 'reload-needed' })
  })
  const onNeedRefresh = () => useUpdate.setState({ state: 'ready' })
  // A version installed by another tab of this app, while this one is open, waits too.
  wb.addEventListener('installed', (event) => event.isUpdate === undefined && event.isExternal && onNeedRefresh())
  wb.addEventListener('waiting', onNeedRefresh)
  const registered = wb
    .register({ immediate: true })
    .then((registration) => {
      if (!registration) return
      const check = () => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => {})
      }
      setInterval(check, CHECK_EVERY_MS)
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check())
    })
    // No worker (a private window may refuse one): the app still works while it is open, just not offline.
    .catch(() => {})
  const update = () => registered.then(() => wb.messageSkipWaiting())
  useUpdate.setState({
    apply: () => {
      if (useUpdate.getState().state === 'reload-needed') return window.location.reload()
      chosenHere = true
      useUpdate.setState({ state: 'applying' })
      void update()
      // Should the new version fail to take over (it was replaced meanwhile, or the browser dropped
      // it), a plain reload still gives the person whichever version is current, answers intact.
      setTimeout(() => window.location.reload(), GIVE_UP_AFTER_MS)
    },
  })
}
