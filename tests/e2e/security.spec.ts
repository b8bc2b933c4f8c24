/**
 * What the app's security headers and policy do for a person: no other page, not even one on
 * another port of the same host, can show the app in a frame (where it could show their answers
 * and trick them into deleting them); Trusted Types are enforced and the service worker still
 * registers, so offline use and updates keep working. The headers come from the build
 * (`_headers`, src/pwa/securityPolicy.ts) and `vite preview` sends them.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { APP_ORIGIN, E2E_PORT, expect, heading, openOffline, takeExpected, test, titles } from './helpers'
import { STORAGE_KEY, storedText } from './support/recordHelpers'
import { goldenCase, savedRecord } from './support/seed'
import { serveStatic } from './support/staticServer'

const built = resolve(import.meta.dirname, '../..', process.env.ACHILLES_OUT_DIR ?? 'dist')
/** Ports of their own, between shell.spec.ts's (+1 to +3) and pwa.spec.ts's (+8 to +10). */
const framerPort = E2E_PORT + 4
const noHeadersPort = E2E_PORT + 5
const trustedTypesPort = E2E_PORT + 6

const builtText = (path: string) => readFileSync(resolve(built, path), 'utf8')
/** The policy in the built page's <meta> tag. */
const pagePolicy = () => builtText('index.html').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]


/** Another site's page, on another port of this host, that shows `target` in a frame. */
async function framingPage(target: string) {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html lang="en"><title>Another page</title><h1>Another page</h1><iframe src="${target}" title="framed" width="900" height="700"></iframe></html>`)
  })
  await new Promise<void>((done) => server.listen(framerPort, '127.0.0.1', done))
  return { origin: `http://127.0.0.1:${framerPort}`, close: () => new Promise<void>((done) => server.close(() => done())) }
}

/** A person's answers, at their summary, on the device for `origin`. */
async function answersOnDevice(page: Page, origin: string) {
  await page.goto(`${origin}/`)
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, savedRecord({ answers: goldenCase('nothing-notable-office-walker').answers })])
  await page.reload()
  await expect(heading(page)).toHaveText(/^Your summary/)
  return storedText(page)
}

test('the preview server sends the security headers on the page, its scripts and the service worker, and the built _headers file holds the same, with the page’s own policy', async ({
  page,
}) => {
  const policy = pagePolicy()
  // The page's own policy enforces Trusted Types and allows one named policy.
  expect(policy).toContain("require-trusted-types-for 'script'")
  expect(policy).toMatch(/; trusted-types [a-z-]+(;|$)/)

  // Loading the page raises no console error about any of these headers (an unknown feature would).
  await page.goto('/')
  await expect(heading(page)).toHaveText(titles.welcome)

  const mainScript = builtText('index.html').match(/<script type="module"[^>]*src="([^"]+)"/)![1]
  const sent: Record<string, string>[] = []
  for (const path of ['/', '/sw.js', mainScript]) {
    const response = await page.request.get(path)
    expect(response.ok(), path).toBe(true)
    const headers = response.headers()
    expect(headers['content-security-policy'], path).toBe(`${policy}; frame-ancestors 'none'`)
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['referrer-policy'], path).toBe('no-referrer')
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture']) {
      expect(headers['permissions-policy'], `${path}: ${feature}`).toContain(`${feature}=()`)
    }
    sent.push(headers)
  }

  // What static hosts read: one rule for every path, with the same headers.
  const file = builtText('_headers')
  expect(file).toMatch(/^\/\*$/m)
  expect(file).toContain(`\n  Content-Security-Policy: ${policy}; frame-ancestors 'none'\n`)
  expect(file).toContain('\n  X-Frame-Options: DENY\n')
  expect(file).toContain('\n  Referrer-Policy: no-referrer\n')
  expect(file).toContain(`\n  Permissions-Policy: ${sent[0]['permissions-policy']}\n`)
  // It is for the host, not the app: the service worker does not store it.
  expect(builtText('sw.js')).not.toContain('_headers')
})

test('a page on another port of this host cannot show the app in a frame: the headers forbid it, and the person’s answers stay as they were', async ({
  page,
  guard,
}) => {
  const before = await answersOnDevice(page, APP_ORIGIN)
  const framer = await framingPage(`${APP_ORIGIN}/`)
  guard.appOrigins.add(framer.origin)
  try {
    await page.goto(`${framer.origin}/`)
    await expect(page.getByRole('heading', { name: 'Another page' })).toBeVisible()
    await page.waitForLoadState('load')
    // The browser refuses to show the app there: not the answers, not a button.
    const frame = page.frameLocator('iframe')
    await expect(frame.getByRole('heading', { name: /^Your summary|Check your Achilles/ })).toHaveCount(0)
    await expect(frame.getByRole('button')).toHaveCount(0)
    await expect(frame.getByText('Delete everything')).toHaveCount(0)
    // And it says why, in the console.
    await expect.poll(() => takeExpected(guard, 'cspViolations', /frame-ancestors/).length + takeExpected(guard, 'consoleErrors', /frame-ancestors|X-Frame-Options/).length).toBeGreaterThan(0)
  } finally {
    await framer.close()
  }
  await page.goto(`${APP_ORIGIN}/`)
  expect(await storedText(page)).toBe(before)
})

test('on a host that sends no framing headers, the app inside a frame does not start: it says it opens only in its own window, and opens there', async ({
  context,
  page,
  guard,
}) => {
  const app = await serveStatic(built, noHeadersPort)
  guard.appOrigins.add(app.origin)
  const framer = await framingPage(`${app.origin}/`)
  guard.appOrigins.add(framer.origin)
  try {
    // The static server sends the page's policy only: nothing about frames.
    expect((await page.request.get(`${app.origin}/`)).headers()['x-frame-options']).toBeUndefined()
    const before = await answersOnDevice(page, app.origin)

    await page.goto(`${framer.origin}/`)
    const frame = page.frameLocator('iframe')
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('This check opens only in its own window')
    await expect(frame.getByRole('alert')).toContainText('no other page can show them or change them')
    // Nothing of the app: not the answers, not a button.
    await page.waitForTimeout(500)
    await expect(frame.getByRole('button')).toHaveCount(0)
    await expect(frame.getByText('Delete everything')).toHaveCount(0)
    await expect(frame.getByRole('heading', { name: /^Your summary|Check your Achilles/ })).toHaveCount(0)

    // Its link opens the app in a window of its own, where the person's answers are, untouched.
    const [own] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: 'Open the check in its own window' }).click()])
    await expect(heading(own)).toHaveText(/^Your summary/)
    expect(await storedText(own)).toBe(before)
  } finally {
    await framer.close()
    await app.close()
  }
})

test('Trusted Types are enforced, the service worker still registers through its one policy, and the app then works offline, with no policy violation', async ({
  context,
  page,
  guard,
}) => {
  const server = await serveStatic(built, trustedTypesPort)
  guard.appOrigins.add(server.origin)
  try {
    await page.goto(`${server.origin}/`)
    await expect(heading(page)).toHaveText(titles.welcome)
    // A string cannot become markup: the browser refuses it (the one violation this test causes on purpose).
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>markup from a string</b>'
        return 'allowed'
      } catch (error) {
        return (error as Error).name
      }
    })
    expect(refused).toBe('TypeError')
    await expect.poll(() => takeExpected(guard, 'cspViolations', /require-trusted-types-for|TrustedHTML/).length).toBeGreaterThan(0)
    takeExpected(guard, 'consoleErrors', /TrustedHTML/)

    // The service worker registers, and takes over the next visit.
    await page.evaluate(async () => void (await navigator.serviceWorker.ready))
    await page.reload()
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
  } finally {
    await server.close()
  }
  // Offline, with the server gone: the app opens and works.
  const offline = await openOffline(context, page, server.origin)
  await offline.getByRole('button', { name: 'Start the check' }).click()
  await expect(heading(offline)).toHaveText(titles.scope)
  // Every other step ran with no violation: the guard checks that when the test ends.
})
