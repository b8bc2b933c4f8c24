import { readdirSync, readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { continueOn, expect, expectNoAxeViolations, expectScreen, heading, expectSummary, openApp, test, titles } from './helpers'
import { addEverySuggestion, openAllTopics } from './support/resultHelpers'
import { openWithSaved, QUESTIONNAIRE_VERSION } from './support/seed'
import { calmAnswers } from '../support/calmAnswers'

const rulesDir = new URL('../../rules/recommendations/', import.meta.url)
const heldRules = readdirSync(rulesDir)
  .filter((f) => JSON.parse(readFileSync(new URL(f, rulesDir), 'utf8')).holdWhenUrgent)
  .map((f) => f.replace(/\.json$/, ''))

/** Every required question on the way to the pain section, answered so that no warning sign holds. */
const calmScreening = calmAnswers

/** Opens the app as someone who saved these answers at this step earlier. */
async function openSaved(page: Page, answers: Record<string, unknown>, step: string) {
  await page.goto('/')
  await page.evaluate(
    ([a, s, v]) => localStorage.setItem('achilles-self-check', JSON.stringify({ state: { answers: a, step: s, editing: false, questionnaireVersion: v }, version: 1 })),
    [answers, step, QUESTIONNAIRE_VERSION] as const,
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
  await expectScreen(page, titles.scope)
})

test('Start works for a click that comes with no pointer or key events, as assistive technology may send', async ({ page }) => {
  await page.goto('/', { waitUntil: 'load' })
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('main button')!.click())
  await expectScreen(page, titles.scope)
})

test('the error summary links take focus to the unanswered question', async ({ page }) => {
  await page.goto('/', { waitUntil: 'load' })
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.scope)
  await continueOn(page)
  const summary = page.getByRole('alert')
  await expect(summary).toBeFocused()
  await summary.getByRole('link').first().click()
  await expect(page.getByRole('group', { name: /^How old are you\?/ }).getByRole('radio').first()).toBeFocused()
  await summary.getByRole('link').last().click()
  await expect(page.getByRole('group', { name: /^Which side hurts\?/ }).getByRole('radio').first()).toBeFocused()
  // A "choose all that apply" beside a picture: focus goes to its first checkbox, not to the picture.
  await summary.getByRole('link', { name: 'Where it hurts' }).click()
  await expect(page.getByRole('group', { name: /^Where does it hurt\?/ }).locator('input').first()).toBeFocused()
})

test('someone with a sign worth an assessment sees that first on the summary, and the summary passes axe', async ({ page }) => {
  await openSaved(page, { ...calmScreening, 'soon.signs': ['numb'], 'scope.where': ['insertion'] }, 'result')
  await expectSummary(page, titles.assessment, { focused: false })
  const first = page.locator('main [data-urgency], main [data-rule]').first()
  await expect(first).toHaveAttribute('data-urgency', 'soon')
  await expect(first.getByRole('heading', { level: 2 })).toHaveText(titles.assessment)
  await expect(first.locator('[data-flag="nerve-symptoms"]')).toBeVisible()
  // What the person answered, with what to say, follows the plan.
  await expect(page.getByRole('region', { name: 'What to say and do' })).toContainText(
    'You answered: Other signs: Numbness, tingling, or pain that shoots or spreads along the leg',
  )
  await expectNoAxeViolations(page, 'result with a soon warning')
})

test('an urgent summary holds back advice to run, walk barefoot or work on the calf, and says so', async ({ page }) => {
  expect(heldRules.length).toBeGreaterThan(0)
  // A possible clot, in someone whose answers would otherwise bring up calf work and easy runs.
  const answers = {
    ...calmScreening,
    'urgent.calf': 'unsure',
    'urgent.calfPlain': 'unsure',
    'urgent.clotRisk': ['none'],
    'urgent.breath': 'no',
    'pain.when': ['ache'],
    'pain.trend': 'better',
    'footwear.barefoot': 'rarely',
    'local.triggerPoints': 'no',
  }
  const held = (id: string) =>
    page.locator(`[data-rule="${id}"], [data-plan-rule="${id}"], [data-print-rule="${id}"], [data-print-plan="${id}"]`)

  // Without the urgent sign, the same answers bring up some of the advice that waits: so its absence below means something.
  const { 'urgent.calfPlain': _plain, 'urgent.clotRisk': _risk, 'urgent.breath': _breath, ...calm } = answers
  await openWithSaved(page, { answers: { ...calm, 'urgent.calf': 'no' }, step: 'result' })
  await expectScreen(page, 'Your summary', { focused: false })
  const shownWhenCalm = await page.locator('main [data-rule]').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule')))
  expect(heldRules.filter((id) => shownWhenCalm.includes(id)), 'advice that would wait, shown without the urgent sign').not.toEqual([])

  await openWithSaved(page, { answers, step: 'result' })
  await expectSummary(page, titles.urgentAdvice, { focused: false })
  await expect(page.locator('main [data-urgency]').first()).toHaveAttribute('data-urgency', 'urgent')
  await expect(page.locator('main [data-urgency]').first().locator('[data-flag="possible-clot"]')).toBeVisible()
  await expect(page.getByRole('region', { name: 'What to say and do' })).toContainText('Not sure')
  // Every topic open, and the printout with every suggestion in full: the advice that waits is in none of them, not even hidden.
  await openAllTopics(page)
  await addEverySuggestion(page)
  for (const id of heldRules) await expect(held(id), `${id} is nowhere in the page`).toHaveCount(0)
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
  // Once the app has started (it starts after the first paint), so this page does not read the damaged copy itself.
  await openApp(page)
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
  const answers = { ...calmScreening, 'scope.where': ['insertion', 'bump'], 'pain.worst': 10 }
  const screens: [string, string, Record<string, unknown>][] = [
    ['welcome', 'welcome', answers],
    ['scope', 'scope', answers],
    ['urgent', 'urgent', answers],
    ['soon', 'soon', answers],
    ['pain', 'pain', answers],
    ['footwear', 'footwear', answers],
    ['review', 'review', answers],
    ['result', 'result', answers],
    // The warnings, with the longest status there is: a snap, so what to do while waiting, and more to mention.
    ['urgent advice', 'urgentAdvice', { ...answers, 'urgent.snap': 'yes', 'urgent.seenSince': 'no', 'urgent.medicines': ['steroid-injection', 'statin'] }],
    ['urgent result', 'result', { ...answers, 'urgent.snap': 'yes', 'urgent.seenSince': 'no', 'urgent.medicines': ['steroid-injection', 'statin'] }],
    ['out of scope', 'outOfScope', { ...answers, 'scope.surgery': 'yes', 'scope.sinceSurgery': ['none'] }],
  ]
  for (const [name, step, saved] of screens) {
    await openSaved(page, saved, step)
    if (step !== 'welcome') await expect(heading(page), `${name} is the screen measured`).not.toHaveText(titles.welcome)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, `${name} is ${width}px wide`).toBeLessThanOrEqual(360)
  }
})
