import { readdirSync, readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { continueOn, expect, expectNoAxeViolations, expectScreen, heading, test, titles } from './helpers'

const rulesDir = new URL('../../rules/recommendations/', import.meta.url)
const heldRules = readdirSync(rulesDir)
  .filter((f) => JSON.parse(readFileSync(new URL(f, rulesDir), 'utf8')).holdWhenUrgent)
  .map((f) => f.replace(/\.json$/, ''))

const calmScreening = {
  'urgent.snap': 'no',
  'urgent.pushOff': 'no',
  'urgent.weight': 'no',
  'urgent.calf': 'no',
  'urgent.infection': 'no',
  'urgent.medicine': 'no',
  'soon.rest': 'no',
  'soon.bothHeels': 'no',
  'soon.nerve': 'no',
  'soon.swelling': 'no',
  'soon.longOrWorse': 'no',
  'scope.age': '16-plus',
  'scope.surgery': 'no',
  'scope.location': 'achilles',
}

/** Opens the app as someone who saved these answers at this step earlier. */
async function openSaved(page: Page, answers: Record<string, unknown>, step: string) {
  await page.goto('/')
  await page.evaluate(
    ([a, s]) => localStorage.setItem('achilles-self-check', JSON.stringify({ state: { answers: a, step: s, editing: false, questionnaireVersion: 1 }, version: 1 })),
    [answers, step] as const,
  )
  await page.reload()
  await expect(heading(page)).toBeVisible()
}

test.use({ viewport: { width: 360, height: 800 } })

test('Start works as soon as the page has loaded, by keyboard, with focus on the first question screen', async ({ page }) => {
  await page.goto('/', { waitUntil: 'load' })
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Start the check' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectScreen(page, titles.urgent)
})

test('Start works for a click that comes with no pointer or key events, as assistive technology may send', async ({ page }) => {
  await page.goto('/', { waitUntil: 'load' })
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('main button')!.click())
  await expectScreen(page, titles.urgent)
})

test('the error summary links take focus to the unanswered question', async ({ page }) => {
  await page.goto('/', { waitUntil: 'load' })
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.urgent)
  await continueOn(page)
  const summary = page.getByRole('alert')
  await expect(summary).toBeFocused()
  await summary.getByRole('link').first().click()
  await expect(page.getByRole('group', { name: /^Did you feel a sudden snap/ }).getByRole('radio').first()).toBeFocused()
})

test('someone with a sign worth an assessment sees that first on the summary, and the summary passes axe', async ({ page }) => {
  await openSaved(page, { ...calmScreening, 'soon.nerve': 'yes', 'pain.where': ['insertion'] }, 'result')
  await expectScreen(page, 'Your summary: book an assessment', { focused: false })
  const first = page.locator('main [data-urgency], main [data-rule]').first()
  await expect(first).toHaveAttribute('data-urgency', 'soon')
  await expect(first.locator('[data-flag="nerve-symptoms"]')).toContainText('You answered: Numbness, tingling or pain spreading along the leg: Yes')
  await expectNoAxeViolations(page, 'result with a soon warning')
})

test('an urgent summary holds back advice to run, walk barefoot or work on the calf, and says so', async ({ page }) => {
  expect(heldRules.length).toBeGreaterThan(0)
  // A possible clot, in someone whose answers would otherwise bring up calf work and easy runs.
  const answers = {
    ...calmScreening,
    'urgent.calf': 'unsure',
    'pain.feel': 'ache',
    'pain.trend': 'better',
    'footwear.barefoot': 'rarely',
    'local.triggerPoints': 'no',
  }
  await openSaved(page, answers, 'result')
  await expectScreen(page, 'Your summary: get medical help today', { focused: false })
  await expect(page.locator('main [data-urgency]').first()).toHaveAttribute('data-urgency', 'urgent')
  await expect(page.locator('[data-flag="possible-clot"]')).toContainText('Not sure')
  for (const id of heldRules) await expect(page.locator(`[data-rule="${id}"]`)).toHaveCount(0)
  await expect(page.getByText(/We have left out (one|\d+) of the article's suggestions until a clinician has checked you/)).toBeVisible()
})

test('start over asks first, with focus on Cancel, and the dialog passes axe', async ({ page }) => {
  await openSaved(page, calmScreening, 'pain')
  await page.getByRole('button', { name: 'Start over' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start over?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoAxeViolations(page, 'start over dialog')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(heading(page)).toHaveText(titles.pain)
})

test('damaged saved answers give a clear notice that passes axe, and the check starts fresh', async ({ page }) => {
  await page.goto('/')
  await page.evaluate(() => localStorage.setItem('achilles-self-check', '{"state": {"answers": '))
  await page.reload()
  const notice = page.getByRole('status').filter({ hasText: 'We could not read the answers saved on this device' })
  await expect(notice).toBeVisible()
  await expectNoAxeViolations(page, 'notice about damaged answers')
  await page.getByRole('button', { name: 'OK' }).click()
  await expect(notice).toHaveCount(0)
  expect(await page.evaluate(() => localStorage.getItem('achilles-self-check:unreadable'))).toBe('{"state": {"answers": ')
})

test('no screen scrolls sideways on a 360 px phone', async ({ page }) => {
  const screens: [string, string][] = [
    ['welcome', 'welcome'],
    ['urgent', 'urgent'],
    ['pain', 'pain'],
    ['footwear', 'footwear'],
    ['review', 'review'],
    ['result', 'result'],
  ]
  for (const [name, step] of screens) {
    await openSaved(page, { ...calmScreening, 'pain.where': ['insertion', 'bump'], 'pain.worst': 10 }, step)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, `${name} is ${width}px wide`).toBeLessThanOrEqual(360)
  }
})
