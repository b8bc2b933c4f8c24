/**
 * The app's shell when its offline copy is damaged: a file missing from the service worker's
 * cache, or cut short in it. Online, the next visit mends the copy; offline, the page says
 * plainly what went wrong instead of showing buttons that do nothing. These tests run their own
 * static server (tests/e2e/support/staticServer.ts), which they stop to be truly offline.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { E2E_PORT, expect, expectNoAxeViolations, heading, takeExpected, test, titles } from './helpers'
import { serveStatic, type StaticServer } from './support/staticServer'

const built = resolve(import.meta.dirname, '../..', process.env.ACHILLES_OUT_DIR ?? 'dist')
/** Ports of their own, between the preview server's and pwa.spec.ts's (+8 to +10). */
const mainScriptPort = E2E_PORT + 1
const truncatedPort = E2E_PORT + 2
const wizardPort = E2E_PORT + 3

/** Vite's record of the build: which file each source module became */
const manifest = () => JSON.parse(builtFile('/.vite/manifest.json')) as Record<string, { file: string }>
/** The app's main script (src/boot.tsx, which the page's small entry starts), e.g. /assets/boot-abc123.js */
const mainScript = () => `/${manifest()['src/boot.tsx']!.file}`
/** The wizard's chunk, which loads when the person starts. */
const wizardChunk = () => `/${manifest()['src/ui/Wizard.tsx']!.file}`
const builtFile = (path: string) => readFileSync(resolve(built, path.replace(/^\//, '')), 'utf8')

/** Damages the service worker's cached copy of one file, as a storage fault could: gone, or cut in half. */
async function damageCachedCopy(page: Page, path: string, how: 'delete' | 'truncate') {
  const done = await page.evaluate(
    async ([path, how]) => {
      const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'))
      if (!name) return 'no precache'
      const cache = await caches.open(name)
      const key = (await cache.keys()).find((r) => new URL(r.url).pathname === path)
      if (!key) return `no ${path} in the precache`
      if (how === 'delete') return (await cache.delete(key)) ? 'ok' : 'not deleted'
      const response = (await cache.match(key))!
      const text = await response.text()
      await cache.put(key, new Response(text.slice(0, Math.floor(text.length / 2)), { headers: response.headers }))
      return 'ok'
    },
    [path, how] as const,
  )
  expect(done).toBe('ok')
}

/** The state of a file's cached copy: missing, whole (the same as the built file) or damaged. */
const cachedCopy = (page: Page, path: string) =>
  page.evaluate(
    async ([path, built]) => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name)
        const key = (await cache.keys()).find((r) => new URL(r.url).pathname === path)
        if (key) return (await (await cache.match(key))!.text()) === built ? 'whole' : 'damaged'
      }
      return 'missing'
    },
    [path, builtFile(path)] as const,
  )

/**
 * Comes back to the app as on another day: the browser's own HTTP cache has let the files go
 * (it keeps them only for a while), and the old page is closed, so nothing is reused from it.
 */
async function visitAgain(context: BrowserContext, page: Page, origin: string) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  await cdp.detach()
  await page.close()
  const next = await context.newPage()
  await next.goto(`${origin}/`)
  return next
}

/** A first visit that installs the app, then a visit under its service worker. */
async function install(page: Page, origin: string) {
  await page.goto(`${origin}/`)
  await page.evaluate(async () => void (await navigator.serviceWorker.ready))
  await page.reload()
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
}

/** The network off and the server gone. */
async function goOffline(context: BrowserContext, server: StaticServer) {
  await server.close()
  await context.setOffline(true)
}

/** The server back on the same port and the network on. */
async function goOnline(context: BrowserContext, port: number) {
  const server = await serveStatic(built, port)
  await context.setOffline(false)
  return server
}

const notStarted = (page: Page) => page.getByRole('alert').filter({ hasText: 'The check has not started' })

/** Starts the check from the welcome screen and expects its first screen. */
async function startCheck(page: Page) {
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expect(heading(page)).toHaveText(titles.scope)
}

test('a main script missing from the offline copy is fetched and stored again on the next visit online, so the app works offline again', async ({
  context,
  page,
  guard,
}) => {
  let server = await serveStatic(built, mainScriptPort)
  guard.appOrigins.add(server.origin)
  const script = mainScript()
  try {
    await install(page, server.origin)
    await damageCachedCopy(page, script, 'delete')

    // Online, the app opens and works, and the copy is whole again.
    const online = await visitAgain(context, page, server.origin)
    await startCheck(online)
    await expect.poll(() => cachedCopy(online, script), 'the cached main script').toBe('whole')

    // So offline, it opens and works too, where the person left it.
    await goOffline(context, server)
    const offline = await visitAgain(context, online, server.origin)
    await expect(heading(offline)).toHaveText(titles.scope)
    await expect(offline.getByRole('button', { name: 'Continue', exact: true })).toBeEnabled()
  } finally {
    await server.close()
  }
})

test('a main script cut short in the offline copy: offline, the page says the check has not started, without moving anything on the screen, and its reload link works once online, which mends the copy', async ({
  context,
  page,
  guard,
}) => {
  let server = await serveStatic(built, truncatedPort)
  guard.appOrigins.add(server.origin)
  const script = mainScript()
  try {
    await install(page, server.origin)
    await damageCachedCopy(page, script, 'truncate')

    // Offline: the damaged copy is not run. The welcome screen is there, and after a few seconds
    // the page says in plain words that the check has not started, with a way to try again.
    await goOffline(context, server)
    await context.addInitScript(() => {
      ;(window as unknown as { shifts: number }).shifts = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    const offline = await visitAgain(context, page, server.origin)
    await expect(heading(offline)).toHaveText(titles.welcome)
    const notice = notStarted(offline)
    await expect(notice).toBeVisible({ timeout: 10_000 })
    await expect(notice).toContainText('Reload the page to try again. If you are offline, connect to the internet first.')
    await expect(notice).toContainText('Your answers are still on this device.')
    await expectNoAxeViolations(offline, 'the check has not started')
    expect(await offline.evaluate(() => (window as unknown as { shifts: number }).shifts), 'layout shift while the notice appears').toBe(0)
    takeExpected(guard, 'consoleErrors', /boot-[^/]+\.js|ERR_INTERNET_DISCONNECTED|Failed to load resource/)

    // Back online, its link reloads the page, which now starts and works.
    server = await goOnline(context, truncatedPort)
    await Promise.all([offline.waitForEvent('load'), notice.getByRole('link', { name: 'Reload the page' }).click()])
    await startCheck(offline)
    await expect(notStarted(offline)).toHaveCount(0)
    await expect.poll(() => cachedCopy(offline, script), 'the cached main script').toBe('whole')
  } finally {
    await server.close()
  }
})

test('a wizard chunk cut short in the offline copy: online, Start opens the check and the copy is mended; offline, the message says the copy on this device is damaged and the device is offline, and Try again works once online', async ({
  context,
  page,
  guard,
}) => {
  let server = await serveStatic(built, wizardPort)
  guard.appOrigins.add(server.origin)
  const chunk = wizardChunk()
  try {
    await install(page, server.origin)
    await damageCachedCopy(page, chunk, 'truncate')

    // Online: no "check your connection" for a connection that works; the check opens.
    const online = await visitAgain(context, page, server.origin)
    await expect(heading(online)).toHaveText(titles.welcome)
    await startCheck(online)
    await expect.poll(() => cachedCopy(online, chunk), 'the cached wizard chunk').toBe('whole')

    // Damaged again, and now offline: the page cannot mend it, and says why in plain words.
    await online.evaluate(() => localStorage.clear())
    await damageCachedCopy(online, chunk, 'truncate')
    await goOffline(context, server)
    const offline = await visitAgain(context, online, server.origin)
    await expect(heading(offline)).toHaveText(titles.welcome)
    await offline.getByRole('button', { name: 'Start the check' }).click()
    const failed = offline.getByRole('alert').filter({ hasText: 'The check could not open' })
    await expect(failed).toBeVisible()
    await expect(failed).toContainText('Part of the app is missing or damaged on this device, and this device is offline')
    await expect(failed).toContainText('Connect to the internet, then try again.')
    await expect(failed).not.toContainText('Check your connection')
    expect(takeExpected(guard, 'consoleErrors', /Wizard-[^/]+\.js|ERR_INTERNET_DISCONNECTED|Failed to load resource/).length).toBeGreaterThan(0)

    // Back online, "Try again" opens the check.
    server = await goOnline(context, wizardPort)
    await failed.getByRole('button', { name: 'Try again' }).click()
    await expect(heading(offline)).toHaveText(titles.scope)
    // A request made while offline may report its failure only now (the browser's own timing).
    takeExpected(guard, 'consoleErrors', /Wizard-[^/]+\.js|ERR_INTERNET_DISCONNECTED|Failed to load resource/)
  } finally {
    await server.close()
  }
})

test.describe('with no service worker', () => {
  test.use({ serviceWorkers: 'block' })

  test('a wizard chunk that arrives damaged from the website: the message says so, not "check your connection", and its reload fetches it again', async ({
    page,
  }) => {
    // The website sends the chunk cut short, as a faulty proxy or an interrupted deploy could.
    const chunk = wizardChunk()
    const cutShort = `**${chunk}`
    await page.route(cutShort, (route) => route.fulfill({ contentType: 'text/javascript', body: builtFile(chunk).slice(0, 2000) }))
    await page.goto('/')
    await expect(heading(page)).toHaveText(titles.welcome)
    await page.getByRole('button', { name: 'Start the check' }).click()
    const failed = page.getByRole('alert').filter({ hasText: 'The check could not open' })
    await expect(failed).toContainText('Part of the app arrived damaged. Reload the page to fetch a fresh copy.')
    await expect(failed).not.toContainText(/connection/i)

    // Now whole again on the website: the reload brings it.
    await page.unroute(cutShort)
    await Promise.all([page.waitForEvent('load'), failed.getByRole('button', { name: 'Reload the page' }).click()])
    await expect(heading(page)).toHaveText(titles.scope)
  })
})
