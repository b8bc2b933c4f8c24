/**
 * The service worker (built by vite-plugin-pwa's injectManifest from this file; registered by
 * src/pwa/updates.ts). It precaches every file the app needs, so after one visit the app works
 * with no network, and it waits for the person before a new version takes over (SKIP_WAITING).
 *
 * What it adds to Workbox's standard precache: every entry carries its file's integrity (a
 * SHA-384 hash, added at build time in vite.config.ts), and each cached copy is checked against
 * it before it is used. A copy that is missing or damaged (a storage fault, a cleaner, a crash
 * while writing) is then treated as not cached: Workbox fetches the file again with the same
 * integrity, so the browser refuses a wrong copy, and puts the good one back in the cache. Online,
 * the damage heals on the next visit; offline, the file fails plainly instead of running broken
 * code, and the page says the app could not start (scripts/prerenderWelcome.ts).
 */
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import type { PrecacheEntry } from 'workbox-precaching'

/** The little of the service worker's global scope this file uses (the project's types are the page's). */
declare const self: {
  __WB_MANIFEST: PrecacheEntry[]
  addEventListener(type: 'message', listener: (event: { data?: { type?: string } }) => void): void
  skipWaiting(): Promise<void>
}

const manifest = self.__WB_MANIFEST

/** The integrity of each precached file, by the cache key Workbox stores it under. */
let integrityByKey: Map<string, string> | undefined
const integrityOf = (cacheKey: string) =>
  (integrityByKey ??= new Map(manifest.flatMap((e) => (e.integrity ? [[getCacheKeyForURL(e.url) ?? '', e.integrity] as const] : [])))).get(cacheKey)

async function matches(response: Response, integrity: string): Promise<boolean> {
  const [algorithm, expected] = integrity.split(/-(.*)/s)
  const name = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[algorithm]
  if (!name) return true // not a form this check knows: leave it to the browser's own check on fetch
  const digest = new Uint8Array(await crypto.subtle.digest(name, await response.clone().arrayBuffer()))
  return btoa(String.fromCharCode(...digest)) === expected
}

addPlugins([
  {
    // A cached copy that does not match its integrity counts as missing, which makes Workbox refetch and re-cache it.
    cachedResponseWillBeUsed: async ({ cachedResponse, request }) => {
      const integrity = integrityOf(request.url)
      if (!cachedResponse || !integrity) return cachedResponse
      return (await matches(cachedResponse, integrity)) ? cachedResponse : null
    },
  },
])

precacheAndRoute(manifest)
cleanupOutdatedCaches()
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')))

// A new version waits until the person chooses "Update now" (src/pwa/updates.ts).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting()
})
