/**
 * The picture of the leg on the "where does it hurt" question, in a real browser: mouse clicks,
 * taps on a touch screen and the keyboard each tick the region and its checkbox together, the
 * screen passes axe with regions chosen, and the answer stored is the one the checkboxes alone give.
 *
 * The question is found by its picture, not by its section: the test reads which section holds the
 * question with `picture: 'leg'` and opens the app there, with the screening answered before it.
 */
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, heading, tabTo, test } from './helpers'
import { goldenCase, openWithSaved, type Answers } from './support/seed'

interface Questionnaire {
  sections: { id: string; questions: { id: string; picture?: string; options?: { value: string; label: string }[] }[] }[]
}
const questionnaire = JSON.parse(readFileSync(new URL('../../rules/questionnaire.json', import.meta.url), 'utf8')) as Questionnaire

/** the section with the picture question, the question, and the sections a person answers before it */
const at = questionnaire.sections.findIndex((s) => s.questions.some((q) => q.picture === 'leg'))
const section = questionnaire.sections[at]!
const pictureQuestion = section.questions.find((q) => q.picture === 'leg')!
const earlierIds = new Set(questionnaire.sections.slice(0, at).flatMap((s) => s.questions.map((q) => q.id)))
/** the answers of a person with nothing notable, to the questions before that section */
const earlierAnswers: Answers = Object.fromEntries(Object.entries(goldenCase('nothing-notable-office-walker').answers).filter(([id]) => earlierIds.has(id)))

const label = (value: string) => {
  const found = pictureQuestion.options?.find((o) => o.value === value)
  if (!found) throw new Error(`the picture question has no option ${value}`)
  return found.label
}
const calf = label('calf')
const insertion = label('insertion')
const bump = label('bump')

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const picture = (page: Page) => page.getByRole('group', { name: /^Picture of the back of the leg/ })
const region = (page: Page, name: string) => picture(page).getByRole('checkbox', { name, exact: true })
/** the checkbox in the question's list (named by its label, then any hint), not the region of the same name */
function listBox(page: Page, name: string): Locator {
  const field = picture(page).locator('xpath=ancestor::fieldset[1]')
  return field.locator('input[type="checkbox"]').and(field.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)}(?:\\s|$)`) }))
}

/** each region is checked exactly when its checkbox in the list is */
async function expectRegionsAndListAgree(page: Page) {
  for (const r of await picture(page).getByRole('checkbox').all()) {
    const name = (await r.getAttribute('aria-label'))!
    const checked = await listBox(page, name).isChecked()
    await expect(r, name).toHaveAttribute('aria-checked', String(checked))
  }
}

/** the stored answer to the picture question (its id moves from pain.where to scope.where) */
async function storedWhere(page: Page) {
  return page.evaluate(() => {
    const answers = (JSON.parse(localStorage.getItem('achilles-self-check') ?? '{}')?.state?.answers ?? {}) as Record<string, unknown>
    const id = ['scope.where', 'pain.where'].find((k) => k in answers)
    return id === undefined ? undefined : answers[id]
  })
}

/** opens the app on the screen with the picture, everything before it answered */
async function openOnPicture(page: Page) {
  await openWithSaved(page, { answers: earlierAnswers, step: section.id })
  await expect(heading(page)).toBeVisible()
  await expect(picture(page)).toBeVisible()
  await expect(picture(page).getByRole('checkbox')).not.toHaveCount(0)
  for (const r of await picture(page).getByRole('checkbox').all()) await expect(r).toHaveAttribute('aria-checked', 'false')
}

test.describe('the picture of the leg, on a 360×800 phone', () => {
  test.use({ viewport: { width: 360, height: 800 } })

  test('clicking two regions with the mouse ticks their checkboxes, and clicking one again unticks it', async ({ page }) => {
    await openOnPicture(page)
    await region(page, calf).click()
    await region(page, insertion).click()
    await expect(region(page, calf)).toHaveAttribute('aria-checked', 'true')
    await expect(listBox(page, calf)).toBeChecked()
    await expect(listBox(page, insertion)).toBeChecked()
    await expect(listBox(page, bump)).not.toBeChecked()
    await expectRegionsAndListAgree(page)

    await region(page, calf).click()
    await expect(listBox(page, calf)).not.toBeChecked()
    await expect(listBox(page, insertion)).toBeChecked()
    await expectRegionsAndListAgree(page)
  })

  test('the keyboard reaches a region with Tab, and Space ticks it without scrolling the page, its checkbox following', async ({ page }) => {
    await openOnPicture(page)
    await tabTo(page, region(page, calf))
    const scrolled = await page.evaluate(() => window.scrollY)
    await page.keyboard.press('Space')
    await expect(region(page, calf)).toHaveAttribute('aria-checked', 'true')
    await expect(listBox(page, calf)).toBeChecked()
    expect(await page.evaluate(() => window.scrollY), 'Space does not scroll the page').toBe(scrolled)
    await expect(region(page, calf)).toBeFocused()

    await page.keyboard.press('Enter')
    await expect(region(page, calf)).toHaveAttribute('aria-checked', 'false')
    await expect(listBox(page, calf)).not.toBeChecked()

    // The list's checkbox, ticked with Space too, shows on the picture.
    await tabTo(page, listBox(page, insertion))
    await page.keyboard.press('Space')
    await expect(region(page, insertion)).toHaveAttribute('aria-checked', 'true')
    await expectRegionsAndListAgree(page)
  })

  test('the screen passes axe with regions chosen', async ({ page }) => {
    await openOnPicture(page)
    await region(page, calf).click()
    await region(page, bump).click()
    await expectRegionsAndListAgree(page)
    await expectNoAxeViolations(page, 'where it hurts, with the picture')
  })

  test('the answer stored after tapping the picture is the one the checkboxes alone give', async ({ page }) => {
    await openOnPicture(page)
    const steps = [calf, insertion, bump, calf]

    for (const name of steps) await region(page, name).click()
    await expectRegionsAndListAgree(page)
    await expect.poll(() => storedWhere(page)).toEqual(['insertion', 'bump'])
    const byPicture = await storedWhere(page)

    // Back to nothing chosen, with the list only (the store may keep an empty answer or none).
    await listBox(page, insertion).click()
    await listBox(page, bump).click()
    await expect.poll(async () => (await storedWhere(page)) ?? []).toEqual([])

    for (const name of steps) await listBox(page, name).click()
    await expectRegionsAndListAgree(page)
    await expect.poll(() => storedWhere(page)).toEqual(byPicture)
  })
})

test.describe('the picture of the leg, on a touch screen', () => {
  test.use({ viewport: { width: 360, height: 800 }, hasTouch: true })

  test('tapping two regions ticks their checkboxes', async ({ page }) => {
    await openOnPicture(page)
    await region(page, calf).tap()
    await region(page, insertion).tap()
    await expect(listBox(page, calf)).toBeChecked()
    await expect(listBox(page, insertion)).toBeChecked()
    await expectRegionsAndListAgree(page)
    await expect.poll(() => storedWhere(page)).toEqual(['calf', 'insertion'])

    await region(page, calf).tap()
    await expect(listBox(page, calf)).not.toBeChecked()
    await expectRegionsAndListAgree(page)
  })
})
