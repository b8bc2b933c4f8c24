/**
 * Two tabs of the app open at once on one device (docs/decisions/014): both read and write the same
 * saved copy, so each must follow what the other did. Answers merge question by question, a file
 * opened in one tab replaces the record in both, and "Start over" in one holds in the other. The
 * person is told whenever their screen changed because of the other tab, and nothing they gave is
 * lost or comes back after they cleared it.
 */
import type { Page } from '@playwright/test'
import { calmAnswers } from '../support/calmAnswers'
import { answer, continueOn, expect, expectScreen, heading, option, test, tick, titles } from './helpers'
import { dialogButton, noteBox, openFileWithButton, saveOnAnotherDevice, statusWith, storedRecord, storedText, summaryTitle } from './support/recordHelpers'
import { goldenCase, openWithSaved } from './support/seed'

/** What a tab says when the other tab changed the answers it shows (src/session/lifecycle.ts), word for word. */
const changedElsewhere = 'Your answers were changed in another window of this app. This page now shows those changes.'
const fileElsewhere = 'Answers from a file were opened in another window of this app, so they are here too. Please check them.'
const deletedElsewhere = 'Your answers were deleted in another window of this app.'

const questions = {
  everyday: 'What do you wear on your feet on most days',
  change: 'Have you changed the shoes you run, train or work in',
  orthotics: 'Do you wear orthotics, arch supports',
  metabolic: 'Has a doctor told you that you have diabetes',
  diet: 'Which of these do you have on most days?',
}

/** The saved copy's answers, once they have settled to `expected` (the tabs tell each other in the background). */
async function expectStoredAnswers(page: Page, expected: Record<string, unknown>) {
  await expect.poll(async () => (await storedRecord(page))?.state.answers, { message: 'the answers saved on the device' }).toEqual(expected)
}

test('answers given in turn in two tabs, and at the same moment, are all kept; each tab shows the other\'s answers and says so', async ({ context, page }) => {
  const a = page
  await openWithSaved(a, { answers: calmAnswers, step: 'footwear' })
  await expectScreen(a, titles.footwear, { focused: false })
  const b = await context.newPage()
  await b.goto('/')
  await expectScreen(b, titles.footwear, { focused: false })
  await continueOn(b)
  await expectScreen(b, titles.orthotics)

  // In turn: a shoe answer here, an orthotics answer there, another shoe answer here.
  await answer(a, questions.everyday, 'Flat, flexible shoes')
  await answer(b, questions.orthotics, 'No')
  await answer(a, questions.change, 'No')
  await continueOn(b)
  await expectScreen(b, titles.stress)
  await continueOn(b)
  await expectScreen(b, titles.diet)
  await answer(b, questions.metabolic, 'No')
  // Both at the same moment: one answer changed here, a new one there.
  await Promise.all([answer(a, questions.everyday, 'Mostly barefoot'), tick(b, questions.diet, 'None of these')])

  await expectStoredAnswers(a, {
    ...calmAnswers,
    'footwear.everyday': 'barefoot',
    'footwear.change': 'no',
    'orthotics.use': 'no',
    'diet.metabolic': 'no',
    'diet.often': ['none'],
  })
  // Each tab was told, and shows the other tab's answers.
  await expect(statusWith(a, changedElsewhere)).toBeVisible()
  await expect(statusWith(b, changedElsewhere)).toBeVisible()
  await continueOn(a)
  await expectScreen(a, titles.orthotics)
  await expect(option(a, questions.orthotics, 'No')).toBeChecked()
  await b.getByRole('button', { name: 'Back', exact: true }).click()
  await b.getByRole('button', { name: 'Back', exact: true }).click()
  await b.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(b, titles.footwear)
  await expect(option(b, questions.everyday, 'Mostly barefoot')).toBeChecked()
  await expect(option(b, questions.change, 'No')).toBeChecked()

  // A new page load finds every answer too.
  await a.reload()
  await expect(heading(a)).toHaveText(titles.footwear)
  await expect(option(a, questions.everyday, 'Mostly barefoot')).toBeChecked()
  await expect(option(a, questions.change, 'No')).toBeChecked()
})

test('a file opened in one tab takes the place of the answers in the other, which follows it to the review and says so; "Start over" in one tab then holds in the other', async ({
  browser,
  context,
  page,
  guard,
}) => {
  const dancer = goldenCase('dancer-show-in-ten-days')
  const note = 'Ask about the show'
  const elsewhere = await saveOnAnotherDevice(browser, guard, { answers: dancer.answers, note })

  // Two tabs at the summary of an older record with a few answers.
  const a = page
  const older = { ...calmAnswers, 'footwear.everyday': 'flat' }
  await openWithSaved(a, { answers: older, step: 'result' })
  await expect(heading(a)).toHaveText(summaryTitle)
  const b = await context.newPage()
  await b.goto('/')
  await expect(heading(b)).toHaveText(summaryTitle)
  await b.bringToFront()

  await openFileWithButton(b, elsewhere.file.path)
  const dialog = b.getByRole('dialog', { name: 'Replace your answers?' })
  await dialogButton(dialog, 'Replace my answers').click()
  await expectScreen(b, titles.review)
  await expectStoredAnswers(b, dancer.answers)

  // The other tab follows: the file's answers, at their review, with a word on what happened.
  await expect(heading(a)).toHaveText(titles.review)
  await expect(statusWith(a, fileElsewhere)).toBeVisible()
  // One click there, then a note typed there: the file's answers stay, and the note is kept.
  await a.bringToFront()
  await a.getByRole('button', { name: 'See my summary' }).click()
  await expect(heading(a)).toHaveText(elsewhere.title)
  await noteBox(a).fill('My own question')
  await expectStoredAnswers(a, dancer.answers)
  await expect.poll(async () => (await storedRecord(a))?.state.note).toBe('My own question')
  // …and the tab that opened the file shows that note.
  await b.bringToFront()
  await b.getByRole('button', { name: 'See my summary' }).click()
  await expect(noteBox(b)).toHaveValue('My own question')

  // "Start over" in the first tab: the second follows to the welcome screen, says so, and a new
  // answer there brings back nothing that was cleared.
  await a.bringToFront()
  await a.getByRole('button', { name: 'Start over' }).click()
  await dialogButton(a.getByRole('dialog', { name: 'Start over?' }), 'Clear my answers').click()
  await expect(heading(a)).toHaveText(titles.welcome)
  await expect(heading(b)).toHaveText(titles.welcome)
  await expect(statusWith(b, deletedElsewhere)).toBeVisible()
  await b.bringToFront()
  await b.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(b, titles.scope)
  await answer(b, 'How old are you?', '16 or older')
  await expectStoredAnswers(b, { 'scope.age': '16-plus' })
  // The first tab, still on the welcome screen, writes nothing back either.
  await a.bringToFront()
  await a.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(a, titles.scope)
  await expect(option(a, 'How old are you?', '16 or older')).toBeChecked()
  await answer(a, 'Which side hurts?', 'Left')
  await expectStoredAnswers(a, { 'scope.age': '16-plus', 'scope.side': 'left' })
  expect(await storedText(b)).not.toContain('dance')
})
