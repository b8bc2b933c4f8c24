import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import {
  answer,
  APP_ORIGIN,
  answerWithKeyboard,
  continueOn,
  expect,
  expectNoAxeViolations,
  expectScreen,
  heading,
  openApp,
  option,
  optionalSectionTitles,
  answerWarningSigns,
  passScope,
  question,
  scopeQuestions,
  soonQuestions,
  expectSummary,
  tabTo,
  test,
  tick,
  tickWithKeyboard,
  titles,
  urgentQuestions,
  watchContext,
} from './helpers'
import { storedRecord } from './support/recordHelpers'

const redFlags = JSON.parse(readFileSync(new URL('../../rules/red-flags.json', import.meta.url), 'utf8')) as {
  welcomeList: string[]
  watchFor: string[]
}

/** a date some days from today, as the date input's value (YYYY-MM-DD, local time) */
function daysFromToday(days: number) {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** the sentence a screen reader hears when an answer brings up another question */
const appeared = (page: Page, legendStart: string) =>
  page.locator('main [aria-live="polite"]').filter({ hasText: `A new question appeared below: ${legendStart}` })

test.describe('on a 360×800 phone', () => {
  test.use({ viewport: { width: 360, height: 800 } })

  test('a person with nothing notable walks from welcome to their summary, every screen passes axe (a plainer follow-up after "Not sure" too), Back keeps their answers and a section can be changed from the review', async ({
    page,
  }) => {
    await openApp(page)
    await expectNoAxeViolations(page, 'welcome')
    await page.getByRole('button', { name: 'Start the check' }).click()

    await expectScreen(page, titles.scope)
    await expectNoAxeViolations(page, 'is it for you')
    await answer(page, scopeQuestions.age, '16 or older')
    await answer(page, scopeQuestions.surgery, 'No')
    await expect(question(page, scopeQuestions.sinceSurgery), 'no operation, no question about one').toHaveCount(0)
    await tick(page, scopeQuestions.where, 'In the tendon, a few finger-widths above the heel')
    await answer(page, scopeQuestions.side, 'Left')
    await continueOn(page)

    await expectScreen(page, titles.urgent)
    await expectNoAxeViolations(page, 'warning signs')
    // "Not sure" brings up the same sign asked in plainer words, right below, and a screen reader hears so.
    await expect(question(page, urgentQuestions.snapPlain)).toHaveCount(0)
    await answer(page, urgentQuestions.snap, 'Not sure')
    await expect(question(page, urgentQuestions.snapPlain)).toBeVisible()
    await expect(appeared(page, urgentQuestions.snapPlain)).toHaveCount(1)
    await expectNoAxeViolations(page, 'warning signs with the plainer follow-up shown')
    await answer(page, urgentQuestions.snapPlain, 'No')
    await expect(question(page, urgentQuestions.seenSince), 'nothing happened in one moment, so nothing to have examined').toHaveCount(0)
    await answer(page, urgentQuestions.weightNow, 'I can walk normally')
    await answer(page, urgentQuestions.calf, 'No')
    await expect(question(page, urgentQuestions.clotRisk), 'no calf pain, no question about clots').toHaveCount(0)
    await tick(page, urgentQuestions.heel, 'Neither of these')
    await answer(page, urgentQuestions.fever, 'No')
    await tick(page, urgentQuestions.medicines, 'None of these')
    await continueOn(page)

    // No warning sign holds: no urgent advice, straight on.
    await expectScreen(page, titles.soon)
    await expectNoAxeViolations(page, 'signs worth an assessment')
    await tick(page, soonQuestions.signs, 'None of these')
    await continueOn(page)

    await expectScreen(page, titles.pain)
    await answer(page, 'How long have you had this pain?', '2 weeks to less than 6 weeks')
    await answer(page, 'How did it start?', 'Slowly, over days or weeks')
    await tick(
      page,
      'When does it hurt, and how does it feel?',
      'First steps in the morning',
      'At the start of activity, easing as you warm up',
      'A dull ache or stiffness when I am active',
    )
    await answer(page, 'At its worst, how much does it hurt?', '4')
    await answer(page, 'Over the last 2 weeks, is it getting better or worse?', 'About the same')
    await answer(page, 'Do you have a race, match, show or other event coming up?', 'Yes')
    await page.getByLabel('When is the event?').fill(daysFromToday(70))
    await expectNoAxeViolations(page, 'your pain (with the event date shown)')
    await continueOn(page)

    await expectScreen(page, titles.tried)
    await tick(page, 'What have you tried for this pain', 'Rest', 'Ice or ice baths')
    await expectNoAxeViolations(page, "what you've tried")
    await continueOn(page)

    await expectScreen(page, titles.training)
    await expectNoAxeViolations(page, 'activity and training')
    await tick(page, 'What are your main activities?', 'Running on roads or tracks')
    await answer(page, 'In a usual week, how many hours do you train or play sport?', '3 to 6 hours')
    await answer(page, 'In the 6 weeks before the pain started', 'A little more')
    await answer(page, 'What is most of your training like?', 'Mostly easy, at a pace where you could chat in full sentences')
    await answer(page, 'How many full rest days do you take in a usual week?', 'One')
    await continueOn(page)

    await expectScreen(page, titles.footwear)
    await expectNoAxeViolations(page, 'shoes')
    await answer(page, 'What do you wear on your feet on most days', 'Cushioned or supportive sports shoes')

    // Back once, mid-way: the earlier answers are still there.
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expectScreen(page, titles.training)
    await expect(option(page, 'What are your main activities?', 'Running on roads or tracks', 'checkbox')).toBeChecked()
    await expect(option(page, 'In a usual week, how many hours do you train or play sport?', '3 to 6 hours')).toBeChecked()
    await expect(option(page, 'How many full rest days do you take in a usual week?', 'One')).toBeChecked()
    await continueOn(page)

    await expectScreen(page, titles.footwear)
    await expect(option(page, 'What do you wear on your feet on most days', 'Cushioned or supportive sports shoes')).toBeChecked()
    await answer(page, 'What kind of shoes do you run or train in?', 'Neutral shoes with a medium heel')
    await answer(page, 'Have you changed the shoes you run, train or work in', 'No')
    await answer(page, 'At home, how much of the time are you barefoot?', 'Rarely or never')
    await continueOn(page)

    await expectScreen(page, titles.orthotics)
    await expectNoAxeViolations(page, 'orthotics')
    await answer(page, 'Do you wear orthotics, arch supports, heel cups or special insoles?', 'No')
    await continueOn(page)

    await expectScreen(page, titles.stress)
    await expectNoAxeViolations(page, 'stress')
    await tick(page, 'Lately, do any of these apply to you?', 'None of these')
    await continueOn(page)

    await expectScreen(page, titles.diet)
    await expectNoAxeViolations(page, 'food')
    await tick(page, 'Which of these do you have on most days?', 'Sugary drinks, sweets or desserts')
    await answer(page, 'Has a doctor told you that you have diabetes', 'No')
    await continueOn(page)

    await expectScreen(page, titles.stretching)
    await answer(page, 'Do you stretch the calf or Achilles on the sore side?', 'Yes, on flat ground')
    await answer(page, 'Does the pain feel worse on the day after you stretch?', 'No')
    await expectNoAxeViolations(page, 'stretching (with the follow-up question shown)')
    await continueOn(page)

    await expectScreen(page, titles.injuries)
    await tick(page, "Have you had any of these injuries before, even if they don't bother you now?", 'A sprained ankle')
    await answer(page, 'Which side were those injuries on?', 'The other side')
    await expectNoAxeViolations(page, 'old injuries')
    await continueOn(page)

    await expectScreen(page, titles.localCare)
    await expectNoAxeViolations(page, 'trigger points')
    await answer(page, 'Have you pressed or rubbed tender spots in your calf muscles?', 'No')
    await continueOn(page)

    await expectScreen(page, titles.review)
    await expectNoAxeViolations(page, 'review')
    // The warning signs are listed as answered, the plainer follow-up included.
    const signs = page.getByRole('region', { name: titles.urgent })
    await expect(signs).toContainText('Snap, kick or loss of push-off when it began')
    await expect(signs).toContainText('Not sure')
    await expect(signs).toContainText('Started in one moment, mid-movement')
    const shoes = page.getByRole('region', { name: 'Your shoes' })
    await expect(shoes).toContainText('Cushioned or supportive sports shoes')

    // Change one section from the review, and come straight back to it.
    await page.getByRole('button', { name: 'Change: Your shoes' }).click()
    await expectScreen(page, titles.footwear)
    await expect(page.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0)
    await answer(page, 'What do you wear on your feet on most days', 'Flat, flexible shoes')
    await expectNoAxeViolations(page, 'shoes, changed from the review')
    await page.getByRole('button', { name: 'Save and return to review' }).click()

    await expectScreen(page, titles.review)
    await expect(shoes).toContainText('Flat, flexible shoes')
    await expect(shoes).not.toContainText('Cushioned or supportive sports shoes')
    await page.getByRole('button', { name: 'See my summary' }).click()

    await expectScreen(page, 'Your summary')
    await expectNoAxeViolations(page, 'summary')
    await expect(page.locator('main [data-urgency]')).toHaveCount(0)
    await expect(page.locator('main [data-status="none"]')).toHaveText('None of your answers matched a warning sign.')
    await expect(page.getByRole('heading', { level: 2, name: 'Everything the article suggests for you' })).toBeVisible()
    // Each topic starts closed, its suggestions hidden until the person opens it.
    const topics = page.locator('main details[data-factor]')
    await expect(topics.first()).toBeVisible()
    expect(await topics.evaluateAll((els) => els.filter((el) => (el as HTMLDetailsElement).open).length), 'topics open at first').toBe(0)
    const cards = page.locator('main article[data-rule]')
    expect(await cards.count()).toBeGreaterThan(1)
    await expect(cards.first()).toBeHidden()
    await topics.first().locator(':scope > summary').click()
    await expect(topics.first().locator('article[data-rule]').first()).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Watch for' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Watch for' }).getByRole('listitem')).toHaveText(redFlags.watchFor)
  })

  test('someone who felt a snap is sent to the urgent advice straight after the warning signs, the second screen, and their summary starts with the urgent warning', async ({
    page,
  }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Start the check' }).click()
    await passScope(page)
    await expectScreen(page, titles.urgent)
    await expect(page.getByText(/^Step 2 of \d+: Warning signs$/)).toBeVisible()
    // A snap brings up whether anyone has examined the leg since.
    await answer(page, urgentQuestions.snap, 'Yes')
    await expect(question(page, urgentQuestions.seenSince)).toBeVisible()
    await answerWarningSigns(page, { snap: 'Yes', seenSince: 'No' })
    await continueOn(page)

    await expectScreen(page, titles.urgentAdvice)
    await expectNoAxeViolations(page, 'urgent advice')
    const warning = page.locator('main section[data-urgency="urgent"]')
    await expect(warning).toHaveAttribute('data-destination', 'today')
    await expect(warning.locator('[data-flag="possible-rupture"]')).toContainText('A sudden snap, pop, kick-like feeling or loss of push-off when the pain began')
    await expect(page.getByRole('button', { name: 'Answer the other questions first' })).toBeVisible()
    await page.getByRole('button', { name: 'See my summary now' }).click()

    await expectSummary(page, titles.urgentAdvice)
    await expectNoAxeViolations(page, 'summary with an urgent warning')
    const first = page.locator('main section').first()
    await expect(first).toHaveAttribute('data-urgency', 'urgent')
    await expect(first.getByRole('heading', { level: 2 })).toHaveText(titles.urgentAdvice)
    await expect(first.locator('[data-flag="possible-rupture"]')).toBeVisible()
  })

  test('someone under 16 is told kindly, right after the first screen, that the check is not made for them; no warning question is asked, the warning signs are listed, and their summary shows no suggestions', async ({
    page,
  }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Start the check' }).click()

    await expectScreen(page, titles.scope)
    await answer(page, scopeQuestions.age, 'Under 16')
    await answer(page, scopeQuestions.surgery, 'No')
    await tick(page, scopeQuestions.where, 'In the tendon, a few finger-widths above the heel')
    await answer(page, scopeQuestions.side, 'Left')
    await continueOn(page)

    await expectScreen(page, titles.outOfScope)
    await expectNoAxeViolations(page, 'not made for you')
    const message = page.locator('main section[data-urgency="out-of-scope"]')
    await expect(message.getByRole('heading', { name: 'Who can help instead' })).toBeVisible()
    await expect(message.locator('[data-flag="under-16"]')).toContainText('Under 16')
    await expect(message.locator('[data-flag="under-16"]')).toContainText('see a GP (family doctor) or a physiotherapist')
    // Nobody asked them about the warning signs, so the signs themselves are listed.
    await expect(page.getByRole('region', { name: 'Get medical help today if:' }).getByRole('listitem')).toHaveText(redFlags.welcomeList)
    const answered = Object.keys((await storedRecord(page))!.state.answers)
    expect(answered.length).toBeGreaterThan(0)
    expect(answered.filter((id) => !id.startsWith('scope.')), 'answers to anything but the first screen').toEqual([])
    await page.getByRole('button', { name: 'See my summary' }).click()

    await expectScreen(page, 'Your summary')
    await expectNoAxeViolations(page, 'summary when out of scope')
    await expect(page.locator('main section').first()).toHaveAttribute('data-urgency', 'out-of-scope')
    await expect(page.getByRole('region', { name: 'Get medical help today if:' }).getByRole('listitem')).toHaveText(redFlags.welcomeList)
    await expect(page.getByText("Because this check isn't made for you, we don't show the article's suggestions.")).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Everything the article suggests for you' })).toHaveCount(0)
    await expect(page.locator('main details[data-factor]')).toHaveCount(0)
    await expect(page.locator('main article[data-rule]')).toHaveCount(0)

    // Back goes the way they came: the exit, then the first screen, never the warning signs.
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expectScreen(page, titles.outOfScope)
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expectScreen(page, titles.scope)
  })
})

test('continuing without answering a required question shows the error summary, keeps the person on the same screen and moves focus to it', async ({
  page,
}) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.scope)
  await answer(page, scopeQuestions.age, '16 or older')
  await continueOn(page)

  const summary = page.getByRole('alert')
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('heading')).toHaveText('Please answer these questions')
  await expect(summary.getByRole('link')).toHaveText(['Operation on this tendon or heel', 'Where it hurts', 'Side'])
  await expect(summary).toBeFocused()
  await expect(heading(page)).toHaveText(titles.scope)
  await expect(page.getByText('Choose an answer to go on.')).toHaveCount(3)
  await expect(question(page, scopeQuestions.age).getByText('Choose an answer to go on.')).toHaveCount(0)
  await expect(question(page, scopeQuestions.side).getByText('Choose an answer to go on.')).toBeVisible()
  await expectNoAxeViolations(page, 'is it for you, with the error summary')

  // Once every question has an answer, the person goes on.
  await answer(page, scopeQuestions.surgery, 'No')
  await tick(page, scopeQuestions.where, 'Where the tendon joins the heel bone')
  await answer(page, scopeQuestions.side, 'Right')
  await continueOn(page)
  await expectScreen(page, titles.urgent)

  // A plainer follow-up after "Not sure" must be answered too.
  await answer(page, urgentQuestions.snap, 'Not sure')
  await continueOn(page)
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText([
    'Started in one moment, mid-movement',
    'Weight on the leg now',
    'One calf swollen, warm and sore',
    'Back of the heel now',
    'Fever since the pain began',
    'Medicines',
  ])
  await expect(question(page, urgentQuestions.snapPlain).getByText('Choose an answer to go on.')).toBeVisible()
  await expect(heading(page)).toHaveText(titles.urgent)
})

test('a reload mid-way, or closing the page and opening a new one, brings the person back to the same screen with their answers kept', async ({
  page,
  context,
}) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await passScope(page)
  await expectScreen(page, titles.urgent)
  await answer(page, urgentQuestions.snap, 'Not sure')

  await page.reload()
  await expectScreen(page, titles.urgent, { focused: false })
  await expect(option(page, urgentQuestions.snap, 'Not sure')).toBeChecked()
  await expect(question(page, urgentQuestions.snapPlain), 'the follow-up is back with its question').toBeVisible()
  await answer(page, urgentQuestions.snapPlain, 'No')
  await answer(page, urgentQuestions.weightNow, 'I can walk normally')

  await page.close()
  const again = await context.newPage()
  await again.goto('/')
  await expectScreen(again, titles.urgent, { focused: false })
  await expect(option(again, urgentQuestions.snap, 'Not sure')).toBeChecked()
  await expect(option(again, urgentQuestions.snapPlain, 'No')).toBeChecked()
  await expect(option(again, urgentQuestions.weightNow, 'I can walk normally')).toBeChecked()
  await expect(question(again, urgentQuestions.calf).getByRole('radio', { checked: true })).toHaveCount(0)

  // The answers of the screen before are kept too.
  await again.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(again, titles.scope)
  await expect(option(again, scopeQuestions.age, '16 or older')).toBeChecked()
  await expect(option(again, scopeQuestions.surgery, 'No')).toBeChecked()
  await expect(option(again, scopeQuestions.where, 'In the tendon, a few finger-widths above the heel', 'checkbox')).toBeChecked()
  await expect(option(again, scopeQuestions.side, 'Left')).toBeChecked()
})

test('the whole check, the note and printing can be done with the keyboard alone', async ({ page }) => {
  // The browser's own print starts with a beforeprint event (headless Chromium sends it for window.print()).
  await page.addInitScript(() => window.addEventListener('beforeprint', () => ((window as unknown as { printed: number }).printed = 1 + ((window as unknown as { printed?: number }).printed ?? 0))))
  await openApp(page)
  const press = (key: string) => page.keyboard.press(key)
  const continueButton = page.getByRole('button', { name: 'Continue', exact: true })

  await tabTo(page, page.getByRole('button', { name: 'Start the check' }))
  await press('Enter')

  await expectScreen(page, titles.scope)
  await answerWithKeyboard(page, scopeQuestions.age, '16 or older')
  await answerWithKeyboard(page, scopeQuestions.surgery, 'No')
  await tickWithKeyboard(page, scopeQuestions.where, 'In the tendon, a few finger-widths above the heel')
  await answerWithKeyboard(page, scopeQuestions.side, 'Left')
  await tabTo(page, continueButton)
  await press('Space')

  await expectScreen(page, titles.urgent)
  await answerWithKeyboard(page, urgentQuestions.snap, 'No')
  await answerWithKeyboard(page, urgentQuestions.weightNow, 'I can walk normally')
  // "Not sure" about the calf: its plainer follow-up and the question about clots come up, and are reached by Tab.
  await answerWithKeyboard(page, urgentQuestions.calf, 'Not sure')
  await answerWithKeyboard(page, urgentQuestions.calfPlain, 'No')
  await tickWithKeyboard(page, urgentQuestions.clotRisk, 'None of these')
  await tickWithKeyboard(page, urgentQuestions.heel, 'Neither of these')
  await answerWithKeyboard(page, urgentQuestions.fever, 'No')
  await tickWithKeyboard(page, urgentQuestions.medicines, 'None of these')
  await tabTo(page, continueButton)
  await press('Enter')

  await expectScreen(page, titles.soon)
  await tickWithKeyboard(page, soonQuestions.signs, 'None of these')
  await tabTo(page, continueButton)
  await press('Enter')

  await expectScreen(page, titles.pain)
  await answerWithKeyboard(page, 'At its worst, how much does it hurt?', '3')
  await tabTo(page, continueButton)
  await press('Enter')

  await expectScreen(page, titles.tried)
  await tabTo(page, continueButton)
  await press('Enter')

  await expectScreen(page, titles.training)
  await tickWithKeyboard(page, 'What are your main activities?', 'Cycling')
  await tabTo(page, continueButton)
  await press('Enter')

  // The remaining sections have no required questions: Continue through each of them.
  for (const title of optionalSectionTitles.slice(optionalSectionTitles.indexOf(titles.training) + 1)) {
    await expectScreen(page, title)
    await tabTo(page, continueButton)
    await press('Enter')
  }

  await expectScreen(page, titles.review)
  await expect(page.getByRole('region', { name: titles.pain })).toContainText('3 out of 10')
  await expect(page.getByRole('region', { name: titles.training })).toContainText('Cycling')
  await expect(page.getByRole('region', { name: titles.urgent })).toContainText('Sore calf bigger and warmer')
  await tabTo(page, page.getByRole('button', { name: 'See my summary' }))
  await press('Enter')

  await expectScreen(page, 'Your summary')
  await expect(page.locator('main [data-urgency]')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 2, name: 'Watch for' })).toBeVisible()

  const note = page.getByRole('textbox', { name: 'What I want to ask' })
  await tabTo(page, note)
  await page.keyboard.type('Can I still cycle to work?')
  await tabTo(page, page.getByRole('button', { name: 'Print summary' }))
  await press('Enter')
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1)
  await expect(page.locator('[data-print-summary] [data-note]')).toHaveText('Can I still cycle to work?')
})

test('the built page holds the welcome screen before any script runs, and sets a strict Content-Security-Policy', async ({
  page,
  browser,
  guard,
}) => {
  const response = await page.request.get('/')
  expect(response.ok()).toBe(true)
  const html = await response.text()
  const text = html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

  expect(text).not.toContain('<!--welcome-->')
  expect(text).toMatch(/<h1[^>]*>Check your Achilles or heel pain<\/h1>/)
  expect(text).toContain('Get medical help today instead if:')
  for (const sign of redFlags.welcomeList) expect(text).toContain(`<li>${sign}</li>`)
  expect(text).toMatch(/<button[^>]*>Start the check<\/button>/)

  // A browser with scripts turned off shows the same screen.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: APP_ORIGIN })
  await watchContext(noScript, guard, 'scripts off')
  try {
    const bare = await noScript.newPage()
    await bare.goto('/')
    await expect(heading(bare)).toHaveText(titles.welcome)
    await expect(bare.getByRole('region', { name: 'Get medical help today instead if:' }).getByRole('listitem')).toHaveText(redFlags.welcomeList)
  } finally {
    await noScript.close()
  }

  // The policy travels in the page itself (any static host applies it) and, from `vite preview`, as a header.
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
  const header = response.headers()['content-security-policy']
  expect(meta, 'a Content-Security-Policy <meta> in the built page').toBeTruthy()
  expect(header, 'a Content-Security-Policy header from the preview server').toBeTruthy()
  for (const policy of [meta!, header!]) {
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...sources]) => [name, sources]),
    )
    expect(policy).not.toContain("'unsafe-inline'")
    expect(policy).not.toContain("'unsafe-eval'")
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src') ?? directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
  }
})
