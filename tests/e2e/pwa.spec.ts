/**
 * The installed app, off the network and across updates. These tests run their own static server
 * (tests/e2e/support/staticServer.ts) instead of the shared preview server, because they stop it
 * (offline) or deploy another build to it (update).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { E2E_PORT, expect, expectNoAxeViolations, heading, expectSummary, openOffline, tabTo, test, titles } from './helpers'
import { flat, printToPdf } from './support/pdf'
import { shownRules, STORAGE_KEY, storedRecord } from './support/recordHelpers'
import { goldenCase, savedRecord } from './support/seed'
import { serveStatic, type StaticServer } from './support/staticServer'
import { answerScreen, walkToSummary } from './support/walk'

const root = resolve(import.meta.dirname, '../..')
const built = resolve(root, process.env.ACHILLES_OUT_DIR ?? 'dist')
/**
 * These tests' own servers, on ports counted from the preview server's. A second run beside this
 * one needs an E2E_PORT at least 11 away (and its own ACHILLES_OUT_DIR).
 */
const offlinePort = E2E_PORT + 8
const updatePort = E2E_PORT + 9
const questionsUpdatePort = E2E_PORT + 10

/**
 * Builds another version of the app into `env.ACHILLES_OUT_DIR`, as `npm run build` does: the
 * welcome screen's server build first (beside it, see scripts/prerenderWelcome.ts), then the app.
 */
function buildVersion(env: Record<string, string>) {
  for (const args of [['--ssr', 'src/ui/prerender.tsx', '--emptyOutDir'], []]) {
    execFileSync('npx', ['vite', 'build', ...args, '--logLevel', 'error'], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' })
  }
}

/** waits until the service worker is active, which means every precached file is stored */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

const savedAnswers = async (page: Page) => (await storedRecord(page))!.state.answers

/**
 * A returning person: the first visit installs the app, and the page opens again under its service
 * worker, with `saved` (a stored record, see seed.ts) on the device when given.
 */
async function openInstalled(page: Page, origin: string, saved?: string) {
  await page.goto(`${origin}/`)
  await waitForServiceWorker(page)
  if (saved) await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, saved])
  await page.reload()
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
}

/** Puts the build in `dir` on the server, and has the page's worker look for it, as the app's own hourly check would. */
async function deployNewVersion(page: Page, server: StaticServer, dir: string) {
  server.deploy(dir)
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
}

test('the manifest makes the app installable: name, short name, description, colours, 192 and 512 px icons, a maskable one and an SVG', async ({
  page,
}) => {
  await page.goto('/')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  const response = await page.request.get(href!)
  expect(response.ok()).toBe(true)
  const manifest = await response.json()
  expect(manifest).toMatchObject({ name: 'Achilles Self-Check', short_name: expect.any(String), display: 'standalone', start_url: '/' })
  expect(manifest.description.length).toBeGreaterThan(20)
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i)
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[]
  for (const [sizes, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ]) {
    expect(icons.some((i) => i.sizes === sizes && i.type === 'image/png' && (i.purpose ?? 'any').split(' ').includes(purpose)), `${sizes} ${purpose}`).toBe(true)
  }
  expect(icons.some((i) => i.type === 'image/svg+xml')).toBe(true)
  // Each icon is really there, and a PNG is the size it claims.
  for (const icon of icons) {
    const file = await page.request.get(icon.src)
    expect(file.ok(), icon.src).toBe(true)
    const body = await file.body()
    if (icon.type === 'image/png') {
      expect(body.readUInt32BE(16), `${icon.src} width`).toBe(Number(icon.sizes.split('x')[0]))
      expect(body.readUInt32BE(20), `${icon.src} height`).toBe(Number(icon.sizes.split('x')[1]))
    }
  }
})

test('after one visit, a new page opens with the network off and the server gone, and completes the whole check and prints', async ({
  context,
  page,
  guard,
}) => {
  const server = await serveStatic(built, offlinePort)
  guard.appOrigins.add(server.origin)
  try {
    await page.goto(`${server.origin}/`)
    await expect(heading(page)).toHaveText(titles.welcome)
    await waitForServiceWorker(page)
  } finally {
    await server.close()
  }
  const offline = await openOffline(context, page, server.origin)
  await offline.getByRole('button', { name: 'Start the check' }).click()
  const person = goldenCase('long-suffering-runner-tried-everything')
  const screens = await walkToSummary(offline, person.answers)
  // Every screen of the check came up: the warning signs, the pain, each factor, the review.
  expect(screens).toEqual(
    expect.arrayContaining([titles.scope, titles.urgent, titles.soon, titles.pain, titles.tried, titles.training, titles.footwear, titles.injuries, titles.review]),
  )
  await expectSummary(offline, titles.assessment, { focused: false })
  const rules = await offline.locator('main [data-rule]').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule')))
  expect(rules.sort()).toEqual([...person.expect.rules].sort())

  const printed = await printToPdf(offline)
  expect(flat(printed.text)).toContain('Achilles Self-Check: summary for my practitioner')
  expect(flat(printed.text)).toContain(`SOON: ${titles.assessment}`)
  expect(flat(printed.text)).toContain('My plan for the next two weeks')
  expect(printed.pages, 'the summary on one page').toBe(1)
  // Every suggestion in full, with all the answers, offline too.
  await offline.getByRole('checkbox', { name: 'Add every suggestion in full' }).check()
  const full = await printToPdf(offline)
  expect(full.pages).toBeGreaterThan(1)
  expect(flat(full.text)).toContain('All my answers')
  expect(flat(full.text)).toContain('What I have already tried')
  expect(flat(full.text)).toContain('Why shown:')
})

test.describe('a new version', () => {
  const next = resolve(root, `build/update-next-${E2E_PORT}`)

  test.beforeAll(() => {
    // The second version: the same app built with another label, so every file and the service worker change.
    test.setTimeout(120_000)
    buildVersion({ ACHILLES_BUILD_ID: 'next', ACHILLES_OUT_DIR: next })
    if (!existsSync(resolve(next, 'sw.js'))) throw new Error('the second build has no service worker')
    expect(readFileSync(resolve(next, 'sw.js'), 'utf8')).not.toBe(readFileSync(resolve(built, 'sw.js'), 'utf8'))
  })

  test('is offered, never forced: the prompt waits while the person answers, after they accept with the keyboard every answer is still there, and another open tab says so instead of reloading', async ({
    page,
    guard,
  }) => {
    const server = await serveStatic(built, updatePort)
    guard.appOrigins.add(server.origin)
    try {
      await openInstalled(page, server.origin)
      const firstScript = await page.locator('script[type="module"]').getAttribute('src')

      // Half the check: the scope, the warning signs, and part of the pain section, answered but not yet continued.
      const person = goldenCase('nothing-notable-office-walker')
      await page.getByRole('button', { name: 'Start the check' }).click()
      for (const title of [titles.scope, titles.urgent, titles.soon]) {
        await expect(heading(page)).toHaveText(title)
        await answerScreen(page, person.answers)
        await page.getByRole('button', { name: 'Continue', exact: true }).click()
      }
      await expect(heading(page)).toHaveText(titles.pain)
      const { 'pain.duration': duration, 'pain.when': when, 'pain.trend': trend } = person.answers
      await answerScreen(page, { 'pain.duration': duration, 'pain.when': when, 'pain.trend': trend })
      const before = await savedAnswers(page)
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['scope.where', 'urgent.snap', 'soon.signs', 'pain.duration', 'pain.when', 'pain.trend']))

      // The same person has the app open in a second tab too, where they are on the same screen.
      const otherTab = await page.context().newPage()
      await otherTab.goto(`${server.origin}/`)
      await expect(heading(otherTab)).toHaveText(titles.pain)
      await page.bringToFront()

      // Deploy the second version; the app's own check (or the browser's) finds it.
      const markStillHere = (p: Page) => p.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
      const stillHere = (p: Page) => p.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
      await markStillHere(page)
      await markStillHere(otherTab)
      let navigations = 0
      page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++)
      let otherNavigations = 0
      otherTab.on('framenavigated', (frame) => frame === otherTab.mainFrame() && otherNavigations++)
      await deployNewVersion(page, server, next)

      const prompt = page.getByRole('status').filter({ hasText: 'A new version of this app is ready' })
      await expect(prompt).toBeVisible()
      await expect(otherTab.getByRole('status').filter({ hasText: 'A new version of this app is ready' }), 'the other tab hears of it too').toBeVisible()
      await expectNoAxeViolations(page, 'update prompt')
      // The person keeps answering; nothing reloads under them.
      await answerScreen(page, { 'pain.onset': person.answers['pain.onset'] })
      await page.waitForTimeout(2_000)
      expect(navigations).toBe(0)
      expect(await stillHere(page)).toBe(true)
      await expect(heading(page)).toHaveText(titles.pain)
      const beforeUpdate = await savedAnswers(page)
      expect(beforeUpdate['pain.onset']).toBe(person.answers['pain.onset'])

      // "Update now", with the keyboard only.
      const updateNow = page.getByRole('button', { name: 'Update now' })
      await tabTo(page, updateNow, { key: 'Shift+Tab' })
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])

      await expect(heading(page)).toHaveText(titles.pain)
      expect(await stillHere(page)).toBeUndefined()
      expect(await page.locator('script[type="module"]').getAttribute('src')).not.toBe(firstScript)
      expect(await savedAnswers(page)).toEqual(beforeUpdate)
      for (const [id, value] of Object.entries(beforeUpdate)) {
        if (!id.startsWith('pain.')) continue
        for (const v of Array.isArray(value) ? value : [value]) {
          await expect(page.locator(`main [data-question="${id}"] input[value="${v}"]`)).toBeChecked()
        }
      }
      await expect(prompt).toHaveCount(0)

      // The other tab now runs under the new version's worker, but is not reloaded under the
      // person: it says so, and reloads when they choose.
      const otherPrompt = otherTab.getByRole('status').filter({ hasText: 'This app was updated in another tab' })
      await expect(otherPrompt).toBeVisible()
      await otherTab.waitForTimeout(1_000)
      expect(otherNavigations, 'the other tab did not reload itself').toBe(0)
      expect(await stillHere(otherTab)).toBe(true)
      await expect(heading(otherTab)).toHaveText(titles.pain)
      await otherTab.bringToFront()
      await Promise.all([otherTab.waitForEvent('load'), otherTab.getByRole('button', { name: 'Reload' }).click()])
      await expect(heading(otherTab)).toHaveText(titles.pain)
      expect(await stillHere(otherTab)).toBeUndefined()
      expect(await otherTab.locator('script[type="module"]').getAttribute('src')).not.toBe(firstScript)
      expect(await savedAnswers(otherTab)).toEqual(beforeUpdate)
      await expect(otherTab.getByRole('status').filter({ hasText: /new version|updated in another tab/ })).toHaveCount(0)
    } finally {
      await server.close()
    }
  })
})

test.describe('a new version whose questions changed', () => {
  /** the version of the questions deployed first (rules/, since the redesign), and the one that replaces it */
  const from = 2
  const to = 3
  const rulesCopy = resolve(root, `build/rules-questions-v${to}-${E2E_PORT}`)
  const next = resolve(root, `build/update-questions-v${to}-${E2E_PORT}`)
  /** the option values of "Side of past injuries" that the next version renames */
  const renamed: Record<string, string> = { same: 'same-side', other: 'other-side' }

  test.beforeAll(() => {
    // The next version of the questions, as a content change would make it: one question's option
    // values renamed and another reworded so that its answer needs another look, with the migration for both.
    test.setTimeout(120_000)
    rmSync(rulesCopy, { recursive: true, force: true })
    cpSync(resolve(root, 'rules'), rulesCopy, { recursive: true })
    const edit = <T>(file: string, change: (json: T) => void) => {
      const path = resolve(rulesCopy, file)
      const json = JSON.parse(readFileSync(path, 'utf8')) as T
      change(json)
      writeFileSync(path, JSON.stringify(json, null, 2))
    }
    type Questions = { version: number; sections: { questions: { id: string; label: string; options?: { value: string }[] }[] }[] }
    edit<Questions>('questionnaire.json', (q) => {
      expect(q.version).toBe(from)
      q.version = to
      const all = q.sections.flatMap((s) => s.questions)
      for (const option of all.find((x) => x.id === 'injuries.side')!.options!) option.value = renamed[option.value] ?? option.value
      all.find((x) => x.id === 'training.hours')!.label = 'Over the last month, how many hours a week did you train or play sport?'
    })
    edit<{ migrations: unknown[] }>('migrations.json', (m) => {
      m.migrations.push({ from, to, changes: [{ question: 'injuries.side', values: renamed }, { recheck: 'training.hours' }] })
    })
    // The golden cases are checked against the questions at build time: they move to the next version too.
    for (const file of readdirSync(resolve(rulesCopy, 'cases'))) {
      edit<{ answers: Record<string, unknown> }>(`cases/${file}`, ({ answers }) => {
        const side = answers['injuries.side']
        if (typeof side === 'string') answers['injuries.side'] = renamed[side] ?? side
      })
    }
    buildVersion({ ACHILLES_BUILD_ID: `questions-v${to}`, ACHILLES_OUT_DIR: next, ACHILLES_RULES_DIR: rulesCopy })
    expect(existsSync(resolve(next, 'sw.js')), 'the second build has a service worker').toBe(true)
  })

  test('after the update, answers are carried over to the new questions, and the one that needs another look is marked on the review page', async ({
    page,
    guard,
  }) => {
    const server = await serveStatic(built, questionsUpdatePort)
    guard.appOrigins.add(server.origin)
    try {
      // A person with a past injury on the same side, at their summary, under the first version's worker.
      const person = goldenCase('desk-worker-now-standing-all-day')
      expect(person.answers['injuries.side']).toBe('same')
      expect(person.answers['training.hours']).toBe('under-3')
      await openInstalled(page, server.origin, savedRecord({ answers: person.answers, note: 'My question' }))
      await expect(heading(page)).toHaveText(/^Your summary/)
      const rulesBefore = await shownRules(page)
      expect(rulesBefore.length).toBeGreaterThan(5)

      await deployNewVersion(page, server, next)
      await page.getByRole('button', { name: 'Update now' }).click()
      await page.waitForEvent('load')

      // The new version says what happened and shows the review, with the one answer to look at again marked.
      await expect(heading(page)).toHaveText(titles.review)
      await expect(
        page.getByRole('status').filter({ hasText: 'The questions have been updated since you last visited. One of your answers needs another look: it is marked on the review page.' }),
      ).toBeVisible()
      const marks = page.getByText('Needs another look', { exact: true })
      await expect(marks).toHaveCount(1)
      await expect(page.locator('dd').filter({ has: marks })).toHaveText(/^Less than 3 hours/)
      await expect(page.locator('dt', { hasText: 'Side of past injuries' }).locator('xpath=following-sibling::dd[1]')).toHaveText('The same side as this pain')
      await expectNoAxeViolations(page, 'review after the questions changed')

      const stored = (await storedRecord(page))!
      expect(stored.state.questionnaireVersion).toBe(to)
      expect(stored.state.answers, 'every answer kept, the renamed value carried over').toEqual({ ...person.answers, 'injuries.side': 'same-side' })
      expect(stored.state.note).toBe('My question')
      expect(stored.state.recheck).toEqual(['training.hours'])

      // Confirming the review is the other look: the same suggestions as before the update, no mark left.
      await page.getByRole('button', { name: 'See my summary' }).click()
      await expect(heading(page)).toHaveText(/^Your summary/)
      expect(await shownRules(page)).toEqual(rulesBefore)
      await expect
        .poll(async () => (await storedRecord(page))!.state.recheck)
        .toEqual([])
    } finally {
      await server.close()
    }
  })
})
