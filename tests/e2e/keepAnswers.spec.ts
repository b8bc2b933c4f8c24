/**
 * Answers that outlive the browser's clean-up (src/session/persistence.ts): once the person has
 * answered something, the app asks the browser to keep its storage; where the browser refuses, it
 * says once, on the next calm screen, how to keep the answers (Home Screen, or a copy as a file).
 * The browser's answer is set by the test (Chromium's own depends on how much the site is used).
 */
import type { Page } from '@playwright/test'
import { continueOn, expect, expectScreen, heading, openApp, test } from './helpers'
import { downloadFrom } from './support/recordHelpers'
import { goldenCase } from './support/seed'
import { answerScreen } from './support/walk'

const KEY = 'achilles-self-check:keep-answers-said'
const calm = goldenCase('nothing-notable-office-walker').answers
const titles = {
  scope: 'First, is this check for you?',
  urgent: 'Warning signs that need help today',
  soon: 'Signs worth an assessment',
  pain: 'Where and how it hurts',
  tried: "What you've tried so far",
}

/**
 * Counts the page's calls to navigator.storage.persist(); with `grant`, the browser's answer is
 * that one, otherwise the real browser answers.
 */
async function watchPersist(page: Page, grant?: boolean) {
  await page.addInitScript((grant) => {
    const w = window as unknown as { __persistCalls: number }
    w.__persistCalls = 0
    const storage = navigator.storage
    const real = storage.persist.bind(storage)
    if (grant !== undefined) storage.persisted = async () => false
    storage.persist = async () => {
      w.__persistCalls++
      return grant ?? real()
    }
  }, grant)
}
const persistCalls = (page: Page) => page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls)

/** the notice, by what it says */
const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Your browser may delete your answers' })

/** answers the current screen as the calm case does, then Continue, and expects the next screen */
async function answerAndContinue(page: Page, next: string) {
  await answerScreen(page, calm)
  await continueOn(page)
  await expectScreen(page, next)
}

test('the app asks the browser to keep its storage once the person has answered something, and not before', async ({ page }) => {
  await watchPersist(page)
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.scope)
  await page.waitForLoadState('networkidle')
  expect(await persistCalls(page), 'asked before any answer').toBe(0)

  await page.getByRole('radio', { name: /^16 or older/ }).locator('xpath=ancestor::label[1]').click()
  await expect.poll(() => persistCalls(page), { message: 'asked once the first answer is in' }).toBe(1)
  await answerAndContinue(page, titles.urgent)
  expect(await persistCalls(page), 'asked only once').toBe(1)
})

test('when the browser refuses, the first screen after the warning signs says once how to keep the answers, with Save a copy; never again after a reload', async ({
  page,
}) => {
  await watchPersist(page, false)
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.scope)
  await answerScreen(page, calm)
  await expect.poll(() => persistCalls(page)).toBe(1)
  // Never under the person's finger, and never among the warning signs.
  await expect(notice(page)).toHaveCount(0)
  await continueOn(page)
  await expectScreen(page, titles.urgent)
  await expect(notice(page)).toHaveCount(0)
  await answerAndContinue(page, titles.soon)
  await expect(notice(page)).toHaveCount(0)
  await answerAndContinue(page, titles.pain)

  // Said here: how Safari clears storage, the Home Screen in words, and a copy as a file.
  await expect(notice(page)).toBeVisible()
  await expect(notice(page)).toContainText('Safari does this after 7 days.')
  await expect(notice(page)).toContainText('To keep them, add this app to your Home Screen. In Safari, tap Share, then “Add to Home Screen”.')
  // The heading still gets focus: the notice is announced, not in the way.
  await expect(heading(page)).toBeFocused()
  const saved = await downloadFrom(page, () => notice(page).getByRole('button', { name: 'Save a copy' }).click())
  expect(saved.filename).toMatch(/^achilles-self-check-\d{4}-\d{2}-\d{2}\.json$/)
  expect(JSON.parse(saved.text).answers['scope.side']).toBe(calm['scope.side'])
  await expect(notice(page)).toContainText(`Saved as ${saved.filename} in your downloads.`)
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY), 'remembered as said').not.toBeNull()

  // Once: the next screen is without it, and so is every screen after a reload.
  await answerAndContinue(page, titles.tried)
  await expect(notice(page)).toHaveCount(0)
  await page.reload()
  await expect(heading(page)).toHaveText(titles.tried)
  await expect.poll(() => persistCalls(page), { message: 'asked again on this visit' }).toBe(1)
  await answerAndContinue(page, 'Your activity and training')
  await expect(notice(page)).toHaveCount(0)
})

test('OK closes the notice at once', async ({ page }) => {
  await watchPersist(page, false)
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.scope)
  for (const next of [titles.urgent, titles.soon, titles.pain]) await answerAndContinue(page, next)
  await expect(notice(page)).toBeVisible()
  await notice(page).getByRole('button', { name: 'OK' }).click()
  await expect(notice(page)).toHaveCount(0)
  await expect(heading(page)).toHaveText(titles.pain)
})

test('when the browser agrees to keep the answers, nothing is said', async ({ page }) => {
  await watchPersist(page, true)
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.scope)
  for (const next of [titles.urgent, titles.soon, titles.pain, titles.tried]) {
    await answerAndContinue(page, next)
    await expect(notice(page)).toHaveCount(0)
  }
  expect(await persistCalls(page)).toBe(1)
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull()
})
