/**
 * What the redesigned warning signs (questionnaire version 2, red flags with destinations) do for a
 * person, on a phone: "Not sure" brings up the same sign asked in plainer words; an operation on the
 * tendon sends the person to their surgical team before any warning question; the result leads with
 * one place to go, what to do while waiting, and never an emergency department for a medicine.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import {
  answer,
  answerWarningSigns,
  continueOn,
  continueToReview,
  expect,
  expectNoAxeViolations,
  expectScreen,
  openApp,
  passOtherSigns,
  passScope,
  passWarningSigns,
  question,
  scopeQuestions,
  expectSummary,
  test,
  tick,
  titles,
  urgentQuestions,
} from './helpers'
import { flat, printToPdf } from './support/pdf'
import { storedRecord } from './support/recordHelpers'

const redFlags = JSON.parse(readFileSync(new URL('../../rules/red-flags.json', import.meta.url), 'utf8')) as {
  welcomeList: string[]
  flags: { id: string; summary: string; advice: string; whileWaiting?: string[] }[]
}
const flag = (id: string) => redFlags.flags.find((f) => f.id === id)!

/** the status that leads the screen: one destination, its flags, what to do while waiting and what else to mention */
const status = (page: Page) => page.locator('main section[data-destination]')
/** the tips under "While you wait" in the status */
const whileYouWait = (page: Page) => status(page).locator('h3:text-is("While you wait") + ul > li')

/** the sentence a screen reader hears when an answer brings up another question */
const appeared = (page: Page, legendStart: string) =>
  page.locator('main [aria-live="polite"]').filter({ hasText: `A new question appeared below: ${legendStart}` })

const start = async (page: Page) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
}

test.use({ viewport: { width: 360, height: 800 } })

test('"Not sure" about a swollen calf brings up a plainer question: "No" to it gives a summary with no urgent warning, "Not sure" again gives the urgent advice', async ({
  page,
}) => {
  await start(page)
  await passScope(page)

  await expectScreen(page, titles.urgent)
  await answer(page, urgentQuestions.snap, 'No')
  await answer(page, urgentQuestions.weightNow, 'I can walk normally')
  await expect(question(page, urgentQuestions.calfPlain)).toHaveCount(0)
  await answer(page, urgentQuestions.calf, 'Not sure')
  await expect(question(page, urgentQuestions.calfPlain)).toBeVisible()
  await expect(appeared(page, urgentQuestions.calfPlain)).toHaveCount(1)
  await expectNoAxeViolations(page, 'warning signs with the plainer calf question')
  await answer(page, urgentQuestions.calfPlain, 'No')
  // Not sure about the calf, so whether anything makes a clot likelier; no sign of one, so no question about breathing.
  await tick(page, urgentQuestions.clotRisk, 'None of these')
  await expect(question(page, urgentQuestions.breath)).toHaveCount(0)
  await tick(page, urgentQuestions.heel, 'Neither of these')
  await answer(page, urgentQuestions.fever, 'No')
  await tick(page, urgentQuestions.medicines, 'None of these')
  await continueOn(page)

  // No urgent advice: straight on to the next signs, and through the check.
  await passOtherSigns(page)
  await continueToReview(page)
  const signs = page.getByRole('region', { name: titles.urgent })
  await expect(signs).toContainText('One calf swollen, warm and sore')
  await expect(signs).toContainText('Sore calf bigger and warmer')
  await page.getByRole('button', { name: 'See my summary' }).click()

  await expectScreen(page, 'Your summary')
  await expect(page.locator('main [data-urgency]')).toHaveCount(0)
  await expect(page.locator('main [data-flag]')).toHaveCount(0)
  await expect(page.locator('main [data-status="none"]')).toHaveText('None of your answers matched a warning sign.')

  // On second thoughts, not sure about the plainer question either.
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(page, titles.review)
  await page.getByRole('button', { name: `Change: ${titles.urgent}` }).click()
  await expectScreen(page, titles.urgent)
  await answer(page, urgentQuestions.calfPlain, 'Not sure')
  // A clot is possible now: whether they are short of breath, which would make it an emergency.
  await expect(question(page, urgentQuestions.breath)).toBeVisible()
  await answer(page, urgentQuestions.breath, 'No')
  await expectNoAxeViolations(page, 'warning signs, changed to "Not sure" twice')
  await page.getByRole('button', { name: 'Save and return to review' }).click()

  await expectScreen(page, titles.urgentAdvice)
  await expectNoAxeViolations(page, 'urgent advice for a possible clot')
  await expect(status(page)).toHaveAttribute('data-urgency', 'urgent')
  await expect(status(page)).toHaveAttribute('data-destination', 'today')
  const clot = status(page).locator('[data-flag="possible-clot"]')
  await expect(clot).toContainText(flag('possible-clot').summary)
  await expect(clot).toContainText('Sore calf bigger and warmer: Not sure')
  await expect(clot).toContainText('Change it to fit: say what you noticed and that you are not sure.')
  await page.getByRole('button', { name: 'See my summary now' }).click()

  await expectSummary(page, titles.urgentAdvice)
  await expect(page.locator('main section').first()).toHaveAttribute('data-destination', 'today')
  await expect(status(page).locator('[data-flag="possible-clot"]')).toBeVisible()
})

test('a person after an operation on the tendon, with no new signs since, is pointed to their surgical team right after the first screen, sees the warning signs listed, and is never asked the warning questions', async ({
  page,
}) => {
  await start(page)
  await expectScreen(page, titles.scope)
  await answer(page, scopeQuestions.age, '16 or older')
  await answer(page, scopeQuestions.surgery, 'Yes')
  // An operation brings up what has happened since.
  await expect(question(page, scopeQuestions.sinceSurgery)).toBeVisible()
  await expectNoAxeViolations(page, 'is it for you, after an operation')
  await tick(page, scopeQuestions.sinceSurgery, 'None of these')
  await tick(page, scopeQuestions.where, 'In the tendon, a few finger-widths above the heel')
  await answer(page, scopeQuestions.side, 'Right')
  await continueOn(page)

  await expectScreen(page, titles.surgicalTeam)
  await expectNoAxeViolations(page, 'ask your surgical team')
  await expect(status(page)).toHaveAttribute('data-urgency', 'out-of-scope')
  await expect(status(page)).toHaveAttribute('data-destination', 'surgical-team')
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText('Who can help instead')
  await expect(status(page).locator('[data-flag="after-surgery"]')).toContainText(flag('after-surgery').summary)
  await expect(status(page).locator('[data-flag="after-surgery"]')).toContainText(flag('after-surgery').advice)
  // Nothing was asked about the warning signs, so they are listed for the person to check themselves.
  await expect(page.getByRole('region', { name: 'Get medical help today if:' }).getByRole('listitem')).toHaveText(redFlags.welcomeList)
  const answered = Object.keys((await storedRecord(page))!.state.answers)
  expect(answered).toContain('scope.sinceSurgery')
  expect(answered.filter((id) => !id.startsWith('scope.')), 'answers to anything but the first screen').toEqual([])

  await page.getByRole('button', { name: 'See my summary' }).click()
  await expectScreen(page, 'Your summary')
  await expectNoAxeViolations(page, 'summary pointing to the surgical team')
  await expect(page.locator('main section').first()).toHaveAttribute('data-destination', 'surgical-team')
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText(titles.surgicalTeam)
  await expect(page.getByRole('region', { name: 'Get medical help today if:' }).getByRole('listitem')).toHaveText(redFlags.welcomeList)
  await expect(page.locator('main article[data-rule]')).toHaveCount(0)
  // Back goes the way they came: this screen, then the first one, never the warning signs.
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(page, titles.surgicalTeam)
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(page, titles.scope)
})

test('a repaired tendon that gave way is sent for help today right after the first screen, with the operation to mention, and no warning question is asked', async ({
  page,
}) => {
  await start(page)
  await expectScreen(page, titles.scope)
  await answer(page, scopeQuestions.age, '16 or older')
  await answer(page, scopeQuestions.surgery, 'Yes')
  await tick(page, scopeQuestions.sinceSurgery, 'A new snap or pop, or a sudden loss of strength in the leg')
  await tick(page, scopeQuestions.where, 'In the tendon, a few finger-widths above the heel')
  await answer(page, scopeQuestions.side, 'Left')
  await continueOn(page)

  await expectScreen(page, titles.urgentAdvice)
  await expectNoAxeViolations(page, 'help today after an operation')
  await expect(status(page)).toHaveAttribute('data-urgency', 'urgent')
  await expect(status(page)).toHaveAttribute('data-destination', 'today')
  await expect(status(page).locator('[data-flag="post-op-snap"]')).toContainText(flag('post-op-snap').summary)
  // The operation is the other thing to say when they get there, with no destination of its own.
  const mention = status(page).locator('h3:text-is("When you go, also mention") + ul > li')
  await expect(mention).toHaveCount(1)
  await expect(mention).toHaveAttribute('data-flag', 'after-surgery')
  await expect(status(page).getByRole('heading', { name: titles.surgicalTeam })).toHaveCount(0)
  await expect(whileYouWait(page)).toHaveText(flag('post-op-snap').whileWaiting ?? [])
  const answered = Object.keys((await storedRecord(page))!.state.answers)
  expect(answered.filter((id) => !id.startsWith('scope.')), 'answers to anything but the first screen').toEqual([])

  await page.getByRole('button', { name: 'See my summary' }).click()
  await expectSummary(page, titles.urgentAdvice)
  await expect(page.locator('main section').first()).toHaveAttribute('data-destination', 'today')
  await expect(status(page).locator('[data-flag="post-op-snap"]')).toBeVisible()
  await expect(page.locator('main article[data-rule]')).toHaveCount(0)
})

test('someone with a suspected tear is told, on screen and on paper, to keep their weight off the leg and not to test the tendon while they wait', async ({
  page,
}) => {
  const tips = flag('possible-rupture').whileWaiting ?? []
  expect(tips.some((t) => t.startsWith('Keep your weight off the leg'))).toBe(true)
  expect(tips.some((t) => t.startsWith("Don't test the tendon"))).toBe(true)

  await start(page)
  await passScope(page)
  await passWarningSigns(page, { snap: 'Yes', seenSince: 'No' })

  await expectScreen(page, titles.urgentAdvice)
  await expect(status(page).locator('[data-flag="possible-rupture"]')).toBeVisible()
  await expect(status(page).getByRole('heading', { level: 3, name: 'While you wait' })).toBeVisible()
  await expect(whileYouWait(page)).toHaveText(tips)
  await page.getByRole('button', { name: 'See my summary now' }).click()

  await expectSummary(page, titles.urgentAdvice)
  await expect(status(page).locator('[data-flag="possible-rupture"]')).toBeVisible()
  // The status at the top links to what to say and do, which follows the plan.
  await status(page).getByRole('link', { name: 'What to say and do while you wait' }).click()
  const sayAndDo = page.getByRole('region', { name: 'What to say and do' })
  await expect(sayAndDo.getByRole('heading', { level: 3, name: 'While you wait' })).toBeInViewport()
  const waitTips = sayAndDo.locator('h3:text-is("While you wait") + ul > li')
  await expect(waitTips).toHaveText(tips)
  await expect(waitTips.filter({ hasText: /^Keep your weight off the leg/ })).toBeVisible()
  await expect(waitTips.filter({ hasText: /^Don't test the tendon/ })).toBeVisible()

  // pdftotext breaks lines where the page does (and may join a word broken at a hyphen): compare with spaces and hyphens taken out.
  const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u00ad-]+/g, '')
  const body = squash((await printToPdf(page, 'A4')).text)
  const heading = body.indexOf(squash(`URGENT: ${titles.urgentAdvice}`))
  const waiting = body.indexOf(squash(`While I wait: ${tips.join(' ')}`))
  expect(heading, 'the status is printed').toBeGreaterThan(-1)
  expect(waiting, '"While I wait:" and every tip, in one run, in the status').toBeGreaterThan(heading)
  expect(waiting, 'before the key facts and the answers').toBeLessThan(body.indexOf(squash('Key facts')))
})

test('someone still taking a fluoroquinolone antibiotic is told to call the prescriber or a pharmacist today, and never sent to an emergency department', async ({
  page,
}) => {
  const antibiotic = "An antibiotic whose name ends in 'floxacin', now or in the past month"
  await start(page)
  await passScope(page)
  await expectScreen(page, titles.urgent)
  await expect(question(page, urgentQuestions.stillTaking)).toHaveCount(0)
  await tick(page, urgentQuestions.medicines, antibiotic)
  await expect(question(page, urgentQuestions.stillTaking)).toBeVisible()
  await answerWarningSigns(page, { medicines: [antibiotic], stillTaking: 'Yes' })
  await continueOn(page)

  await expectScreen(page, titles.prescriberToday)
  await expectNoAxeViolations(page, 'call the prescriber today')
  await expect(status(page)).toHaveAttribute('data-urgency', 'urgent')
  await expect(status(page)).toHaveAttribute('data-destination', 'prescriber-today')
  await expect(status(page).locator('[data-flag="fluoroquinolone-taking"]')).toContainText(flag('fluoroquinolone-taking').summary)
  await expect(status(page)).not.toContainText(/emergency department/i)
  await page.getByRole('button', { name: 'See my summary now' }).click()

  await expectSummary(page, titles.prescriberToday)
  await expect(page.locator('main section').first()).toHaveAttribute('data-destination', 'prescriber-today')
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText(titles.prescriberToday)
  await expect(status(page).locator('[data-flag="fluoroquinolone-taking"]')).toBeVisible()
  await expect(status(page)).not.toContainText(/emergency department/i)

  // On paper too: the one status, with no emergency department in it.
  const printed = page.locator('[data-print-summary] section[data-print-destination]')
  await expect(printed).toHaveCount(1)
  await expect(printed).toHaveAttribute('data-print-destination', 'prescriber-today')
  await expect(printed).not.toContainText(/emergency department/i)
  const { text } = await printToPdf(page, 'A4')
  expect(flat(text)).toContain(`URGENT: ${titles.prescriberToday}`)
})
