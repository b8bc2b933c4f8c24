import { readFileSync } from 'node:fs'
import {
  answer,
  APP_ORIGIN,
  answerAll,
  answerWithKeyboard,
  continueOn,
  expect,
  expectNoAxeViolations,
  expectScreen,
  heading,
  openApp,
  option,
  passOtherSigns,
  passWarningSigns,
  question,
  scopeQuestions,
  soonQuestions,
  tabTo,
  test,
  tick,
  titles,
  urgentQuestions,
  watchContext,
} from './helpers'

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

test.describe('on a 360×800 phone', () => {
  test.use({ viewport: { width: 360, height: 800 } })

  test('a person with nothing notable walks from welcome to their summary, every screen passes axe, Back keeps their answers and a section can be changed from the review', async ({
    page,
  }) => {
    await openApp(page)
    await expectNoAxeViolations(page, 'welcome')
    await page.getByRole('button', { name: 'Start the check' }).click()

    await expectScreen(page, titles.urgent)
    await expectNoAxeViolations(page, 'warning signs')
    await answerAll(page, Object.values(urgentQuestions), 'No')
    await continueOn(page)

    await expectScreen(page, titles.soon)
    await expectNoAxeViolations(page, 'more signs')
    await answerAll(page, Object.values(soonQuestions), 'No')
    await continueOn(page)

    await expectScreen(page, titles.scope)
    await expectNoAxeViolations(page, 'is it for you')
    await answer(page, scopeQuestions.age, '16 or older')
    await answer(page, scopeQuestions.surgery, 'No')
    await answer(page, scopeQuestions.location, 'In the Achilles tendon or at the back of the heel')
    await continueOn(page)

    await expectScreen(page, titles.pain)
    await answer(page, 'Which side hurts?', 'Left')
    await tick(page, 'Where exactly does it hurt?', 'In the tendon, a few finger-widths above the heel')
    await answer(page, 'How long have you had this pain?', '2 to 6 weeks')
    await answer(page, 'How did it start?', 'Slowly, over days or weeks')
    await tick(page, 'When does it hurt?', 'First steps in the morning', 'At the start of activity, easing as you warm up')
    await answer(page, 'At its worst, how much does it hurt?', '4')
    await answer(page, 'What does it feel like when you are active?', 'A dull ache or stiffness')
    await answer(page, 'Over the last 2 weeks, is it getting better or worse?', 'About the same')
    await tick(page, 'What are your main activities?', 'Running on roads or tracks')
    await answer(page, 'Do you have a race, match, show or other event coming up?', 'Yes')
    await page.getByLabel('When is the event?').fill(daysFromToday(70))
    await expectNoAxeViolations(page, 'your pain (with the event date shown)')
    await continueOn(page)

    await expectScreen(page, titles.tried)
    await tick(page, 'What have you tried for this pain?', 'Rest', 'Ice or ice baths')
    await answer(page, 'Is a doctor or physiotherapist treating you for this pain now?', 'No')
    await expectNoAxeViolations(page, "what you've tried")
    await continueOn(page)

    await expectScreen(page, titles.footwear)
    await expectNoAxeViolations(page, 'shoes')
    await answer(page, 'What do you wear on your feet on most days?', 'Cushioned or supportive sports shoes')

    // Back once, mid-way: the earlier answers are still there.
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expectScreen(page, titles.tried)
    await expect(option(page, 'What have you tried for this pain?', 'Rest', 'checkbox')).toBeChecked()
    await expect(option(page, 'What have you tried for this pain?', 'Ice or ice baths', 'checkbox')).toBeChecked()
    await expect(option(page, 'Is a doctor or physiotherapist treating you for this pain now?', 'No')).toBeChecked()
    await continueOn(page)

    await expectScreen(page, titles.footwear)
    await expect(option(page, 'What do you wear on your feet on most days?', 'Cushioned or supportive sports shoes')).toBeChecked()
    await answer(page, 'What kind of shoes do you run or train in?', 'Neutral shoes with a medium heel')
    await answer(page, 'Have you changed the shoes you run, train or work in', 'No')
    await answer(page, 'Does the back of any of your shoes press or rub', 'No')
    await answer(page, 'At home, how much of the time are you barefoot?', 'Rarely or never')
    await continueOn(page)

    await expectScreen(page, titles.orthotics)
    await expectNoAxeViolations(page, 'orthotics')
    await answer(page, 'Do you wear orthotics, arch supports, heel cups or special insoles?', 'No')
    await answer(page, 'Do you put a heel lift or heel raise in your shoes?', 'No')
    await continueOn(page)

    await expectScreen(page, titles.training)
    await expectNoAxeViolations(page, 'training')
    await answer(page, 'In a usual week, how many hours do you train or play sport?', '3 to 6 hours')
    await answer(page, 'In the 6 weeks before the pain started', 'A little more')
    await answer(page, 'How much of your training is hills, speed work', 'Some')
    await answer(page, 'How much of your training is easy', 'Most of it')
    await answer(page, 'How many full rest days do you take in a usual week?', 'One')
    await answer(page, 'Have you recently started training on a new surface', 'No')
    await continueOn(page)

    await expectScreen(page, titles.stress)
    await expectNoAxeViolations(page, 'stress')
    await answer(page, 'How many hours a week do you work, paid or unpaid?', '40 to 60')
    await answer(page, 'Lately, how much stress do you feel', 'Some')
    await answer(page, 'How do you usually sleep?', 'Well, 7 hours or more')
    await continueOn(page)

    await expectScreen(page, titles.diet)
    await expectNoAxeViolations(page, 'food')
    await answer(page, 'How often do you eat processed or packaged food', 'Rarely')
    await answer(page, 'How often do you have sugary drinks, sweets or desserts?', 'A few times a week')
    await answer(page, 'How often do you eat fried food', 'Rarely')
    await answer(page, 'Has a doctor told you that you have diabetes', 'No')
    await continueOn(page)

    await expectScreen(page, titles.stretching)
    await answer(page, 'Do you stretch the calf or Achilles on the sore side?', 'Sometimes')
    await answer(page, 'Do any of your stretches let your heel drop over the edge of a step?', 'No')
    await answer(page, 'Does the pain feel worse on the day after you stretch?', 'No')
    await answer(page, 'Do you do yoga?', 'No')
    await expectNoAxeViolations(page, 'stretching (with the follow-up questions shown)')
    await continueOn(page)

    await expectScreen(page, titles.injuries)
    await tick(page, "Have you had any of these injuries before, even if they don't bother you now?", 'A sprained ankle')
    await answer(page, 'Which side were those injuries on?', 'The other side')
    await answer(page, 'Have you had many running or sports injuries over the years?', 'No')
    await expectNoAxeViolations(page, 'old injuries')
    await continueOn(page)

    await expectScreen(page, titles.localCare)
    await expectNoAxeViolations(page, 'trigger points')
    await answer(page, 'Have you pressed or rubbed tender spots in your calf muscles?', 'No')
    await continueOn(page)

    await expectScreen(page, titles.review)
    await expectNoAxeViolations(page, 'review')
    const shoes = page.getByRole('region', { name: 'Your shoes' })
    await expect(shoes).toContainText('Cushioned or supportive sports shoes')

    // Change one section from the review, and come straight back to it.
    await page.getByRole('button', { name: 'Change: Your shoes' }).click()
    await expectScreen(page, titles.footwear)
    await expect(page.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0)
    await answer(page, 'What do you wear on your feet on most days?', 'Flat, flexible shoes')
    await expectNoAxeViolations(page, 'shoes, changed from the review')
    await page.getByRole('button', { name: 'Save and return to review' }).click()

    await expectScreen(page, titles.review)
    await expect(shoes).toContainText('Flat, flexible shoes')
    await expect(shoes).not.toContainText('Cushioned or supportive sports shoes')
    await page.getByRole('button', { name: 'See my summary' }).click()

    await expectScreen(page, 'Your summary')
    await expectNoAxeViolations(page, 'summary')
    await expect(page.locator('main [data-urgency]')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 2, name: 'What the article suggests' })).toBeVisible()
    const cards = page.locator('main article[data-rule]')
    await expect(cards.first()).toBeVisible()
    expect(await cards.count()).toBeGreaterThan(1)
    await expect(page.getByRole('heading', { level: 2, name: 'Watch for' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Watch for' }).getByRole('listitem')).toHaveText(redFlags.watchFor)
  })

  test('someone who felt a snap is sent to the urgent advice straight after the first section, and their summary starts with the urgent warning', async ({
    page,
  }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Start the check' }).click()
    await passWarningSigns(page, { snap: 'Yes' })

    await expectScreen(page, titles.urgentAdvice)
    await expectNoAxeViolations(page, 'urgent advice')
    const warning = page.locator('main section[data-urgency="urgent"]')
    await expect(warning.locator('[data-flag="possible-rupture"]')).toContainText('A sudden snap, pop or kick-like feeling')
    await expect(page.getByRole('button', { name: 'Answer the other questions first' })).toBeVisible()
    await page.getByRole('button', { name: 'See my summary now' }).click()

    await expectScreen(page, 'Your summary: get medical help today')
    await expectNoAxeViolations(page, 'summary with an urgent warning')
    const first = page.locator('main section').first()
    await expect(first).toHaveAttribute('data-urgency', 'urgent')
    await expect(first.getByRole('heading', { level: 2 })).toHaveText('Get medical help today')
    await expect(first.locator('[data-flag="possible-rupture"]')).toBeVisible()
  })

  test('someone under 16 is told kindly that the check is not made for them, and their summary shows no suggestions', async ({
    page,
  }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Start the check' }).click()
    await passWarningSigns(page)
    await passOtherSigns(page)

    await expectScreen(page, titles.scope)
    await answer(page, scopeQuestions.age, 'Under 16')
    await answer(page, scopeQuestions.surgery, 'No')
    await answer(page, scopeQuestions.location, 'In the Achilles tendon or at the back of the heel')
    await continueOn(page)

    await expectScreen(page, titles.outOfScope)
    await expectNoAxeViolations(page, 'not made for you')
    const message = page.locator('main section[data-urgency="out-of-scope"]')
    await expect(message.getByRole('heading', { name: 'Who can help instead' })).toBeVisible()
    await expect(message.locator('[data-flag="under-16"]')).toContainText('Under 16')
    await expect(message.locator('[data-flag="under-16"]')).toContainText('see a GP (family doctor) or a physiotherapist')
    await page.getByRole('button', { name: 'See my summary' }).click()

    await expectScreen(page, 'Your summary')
    await expectNoAxeViolations(page, 'summary when out of scope')
    await expect(page.locator('main section').first()).toHaveAttribute('data-urgency', 'out-of-scope')
    await expect(page.getByText("Because this check isn't made for you, we don't show the article's suggestions.")).toBeVisible()
    await expect(page.getByRole('heading', { name: 'What the article suggests' })).toHaveCount(0)
    await expect(page.locator('main article[data-rule]')).toHaveCount(0)
  })
})

test('continuing without answering a required question shows the error summary, keeps the person on the same screen and moves focus to it', async ({
  page,
}) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await expectScreen(page, titles.urgent)
  await answer(page, urgentQuestions.snap, 'No')
  await answer(page, urgentQuestions.pushOff, 'No')
  await continueOn(page)

  const summary = page.getByRole('alert')
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('heading')).toHaveText('Please answer these questions')
  await expect(summary.getByRole('link')).toHaveCount(4)
  await expect(summary).toBeFocused()
  await expect(heading(page)).toHaveText(titles.urgent)
  await expect(page.getByText('Choose an answer to go on.')).toHaveCount(4)
  await expect(question(page, urgentQuestions.snap).getByText('Choose an answer to go on.')).toHaveCount(0)
  await expect(question(page, urgentQuestions.weight).getByText('Choose an answer to go on.')).toBeVisible()
  await expectNoAxeViolations(page, 'warning signs with the error summary')

  // Once every question has an answer, the person goes on.
  await answerAll(page, [urgentQuestions.weight, urgentQuestions.calf, urgentQuestions.infection, urgentQuestions.medicine], 'No')
  await continueOn(page)
  await expectScreen(page, titles.soon)
})

test('a reload mid-way, or closing the page and opening a new one, brings the person back to the same screen with their answers kept', async ({
  page,
  context,
}) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Start the check' }).click()
  await passWarningSigns(page)
  await passOtherSigns(page)
  await expectScreen(page, titles.scope)
  await answer(page, scopeQuestions.age, '16 or older')

  await page.reload()
  await expectScreen(page, titles.scope, { focused: false })
  await expect(option(page, scopeQuestions.age, '16 or older')).toBeChecked()
  await answer(page, scopeQuestions.surgery, 'No')

  await page.close()
  const again = await context.newPage()
  await again.goto('/')
  await expectScreen(again, titles.scope, { focused: false })
  await expect(option(again, scopeQuestions.age, '16 or older')).toBeChecked()
  await expect(option(again, scopeQuestions.surgery, 'No')).toBeChecked()
  await expect(option(again, scopeQuestions.location, 'In the Achilles tendon or at the back of the heel')).not.toBeChecked()

  // The answers of the screens before are kept too.
  await again.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(again, titles.soon)
  for (const legend of Object.values(soonQuestions)) await expect(option(again, legend, 'No')).toBeChecked()
  await again.getByRole('button', { name: 'Back', exact: true }).click()
  await expectScreen(again, titles.urgent)
  for (const legend of Object.values(urgentQuestions)) await expect(option(again, legend, 'No')).toBeChecked()
})

test('the whole check, the note and printing can be done with the keyboard alone', async ({ page }) => {
  // The browser's own print starts with a beforeprint event (headless Chromium sends it for window.print()).
  await page.addInitScript(() => window.addEventListener('beforeprint', () => ((window as unknown as { printed: number }).printed = 1 + ((window as unknown as { printed?: number }).printed ?? 0))))
  await openApp(page)
  const press = (key: string) => page.keyboard.press(key)
  const continueButton = page.getByRole('button', { name: 'Continue', exact: true })

  await tabTo(page, page.getByRole('button', { name: 'Start the check' }))
  await press('Enter')

  await expectScreen(page, titles.urgent)
  for (const legend of Object.values(urgentQuestions)) await answerWithKeyboard(page, legend, 'No')
  await tabTo(page, continueButton)
  await press('Enter')

  await expectScreen(page, titles.soon)
  for (const legend of Object.values(soonQuestions)) await answerWithKeyboard(page, legend, 'No')
  await tabTo(page, continueButton)
  await press('Enter')

  await expectScreen(page, titles.scope)
  await answerWithKeyboard(page, scopeQuestions.age, '16 or older')
  await answerWithKeyboard(page, scopeQuestions.surgery, 'No')
  await answerWithKeyboard(page, scopeQuestions.location, 'In the Achilles tendon or at the back of the heel')
  await tabTo(page, continueButton)
  await press('Space')

  await expectScreen(page, titles.pain)
  await answerWithKeyboard(page, 'At its worst, how much does it hurt?', '3')
  const activities = page.getByRole('group', { name: 'What are your main activities?' })
  await tabTo(page, activities.getByRole('checkbox', { name: 'Cycling' }))
  await press('Space')
  await expect(activities.getByRole('checkbox', { name: 'Cycling' })).toBeChecked()
  await tabTo(page, continueButton)
  await press('Enter')

  // The remaining sections have no required questions: Continue through each of them.
  for (const title of [titles.tried, titles.footwear, titles.orthotics, titles.training, titles.stress, titles.diet, titles.stretching, titles.injuries, titles.localCare]) {
    await expectScreen(page, title)
    await tabTo(page, continueButton)
    await press('Enter')
  }

  await expectScreen(page, titles.review)
  await expect(page.getByRole('region', { name: titles.pain })).toContainText('3 out of 10')
  await tabTo(page, page.getByRole('button', { name: 'See my summary' }))
  await press('Enter')

  await expectScreen(page, 'Your summary')
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
