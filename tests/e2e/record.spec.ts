/**
 * The person's record on their own terms (docs/decisions/009): saved as a file, opened on another
 * device (or over the answers already there, after asking), refused when the file is damaged, from
 * a newer app or not ours at all, and deleted from this device on request. Each device is a browser
 * context of its own, so nothing reaches the second one except through the file.
 */
import type { Locator, Page } from '@playwright/test'
import { calmAnswers as calmAnswersForRecord } from '../support/calmAnswers'
import { answer, continueOn, expect, expectNoAxeViolations, expectScreen, heading, openApp, tabTo, test, titles } from './helpers'
import {
  chooseFile,
  dialogButton,
  downloadFrom,
  jsonFile,
  messages,
  noteBox,
  openAtSummary,
  openFileWithButton,
  refusal,
  resealed,
  saveOnAnotherDevice,
  settledStoredText,
  shownRules,
  statusWith,
  storedRecord,
  storedText,
  summaryTitle,
  UNREADABLE_KEY,
  type FileToOpen,
  type SavedElsewhere,
} from './support/recordHelpers'
import { goldenCase, openWithSaved, QUESTIONNAIRE_VERSION } from './support/seed'

/**
 * A person with every kind of answer: single choices, several "choose all that apply", the pain
 * scale and an event date (10 days after the case's writing, so which event rules fire depends on
 * today; both devices share today, which is all the comparison needs).
 */
const dancer = goldenCase('dancer-show-in-ten-days')
/** A note a person might type, with what breaks careless code: markup, quotes, ampersands, emoji, right-to-left words, blank lines. */
const note = 'Ask about <b>the show</b> & "rehearsals"\n<img src=x onerror="window.__pwned=1">\n\nIs 5 km OK? 🩰🦶🏽 שלום\n  indented line'

const saveButton = 'Save answers as a file'
const openButton = 'Open answers from a file'

/** Says yes to "Replace your answers?": the review opens with the file's answers and note in, and says so. */
async function replaceWithFile(page: Page, dialog: Locator, elsewhere: SavedElsewhere) {
  await dialogButton(dialog, 'Replace my answers').click()
  await expectScreen(page, titles.review)
  await expect(statusWith(page, messages.opened)).toBeVisible()
  const replaced = (await storedRecord(page))!
  expect(replaced.state.answers).toEqual(elsewhere.record.state.answers)
  expect(replaced.state.note).toBe(note)
}

test.describe('answers saved as a file', () => {
  test('open on another device exactly as saved: the same answers, note and suggestions, after a stop at "Check your answers"', async ({
    browser,
    page,
    guard,
  }) => {
    // Device A: the person at their summary saves the file.
    const elsewhere = await saveOnAnotherDevice(browser, guard, { answers: dancer.answers, note })
    const recordA = elsewhere.record
    // The seeded record survived the app's own checks, so every kind of answer is really in play.
    expect(recordA.state.answers, 'the answers on device A').toEqual(dancer.answers)
    expect(Object.values(recordA.state.answers).some(Array.isArray), 'a "choose all that apply" answer').toBe(true)
    expect(Object.values(recordA.state.answers).some((v) => typeof v === 'number'), 'a pain-scale answer').toBe(true)
    expect(recordA.state.answers['pain.eventDate'], 'an event date').toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(elsewhere.noteShown, 'the note on device A').toBe(note)
    expect(elsewhere.rules.length, 'suggestions shown on device A').toBeGreaterThan(3)

    // The file is named after today, and the confirmation names it so the person can find it.
    const saved = elsewhere.file
    expect(saved.filename).toBe(`achilles-self-check-${elsewhere.today}.json`)
    expect(elsewhere.confirmation).toBe(`Saved as ${saved.filename} in your downloads. It holds your answers and your note, so keep it private.`)
    const file = JSON.parse(saved.text) as Record<string, unknown>
    // Answers to today's questions (rules/questionnaire.json's version, 2 since the redesign), so another device reads them without migrating.
    expect(file).toMatchObject({ app: 'achilles-self-check', kind: 'answers', format: 1, questionnaireVersion: QUESTIONNAIRE_VERSION })
    expect(recordA.state.questionnaireVersion, 'the version on device A').toBe(QUESTIONNAIRE_VERSION)
    expect(file.answers, 'the answers in the file').toEqual(recordA.state.answers)
    expect(file.note, 'the note in the file, byte for byte').toBe(note)
    expect(file.integrity).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/)
    // The copy of the result for people reading the file lists the suggestions shown.
    const listed = (file.result as { suggestions: { id: string }[] }).suggestions.map((s) => s.id).sort()
    expect(listed, 'the suggestions listed in the file').toEqual(elsewhere.rules)

    // Device B: a new device, nothing on it, opens the file from the welcome screen.
    await openApp(page)
    expect(await storedText(page), 'device B starts with nothing').toBeNull()
    await openFileWithButton(page, saved.path)
    await expectScreen(page, titles.review)
    await expect(statusWith(page, messages.opened)).toBeVisible()
    const recordB = (await storedRecord(page))!
    expect(recordB.state.answers, 'the answers on device B').toEqual(recordA.state.answers)
    expect(recordB.state.note, 'the note on device B').toBe(recordA.state.note)

    await page.getByRole('button', { name: 'See my summary' }).click()
    await expectScreen(page, elsewhere.title)
    expect(await shownRules(page), 'the suggestions on device B').toEqual(elsewhere.rules)
    await expect(noteBox(page)).toHaveValue(note)
    // The note's markup stayed text: nothing in it ran or became an element.
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  })

  test('opened at a summary that already has answers, asks first with focus on Cancel: Cancel changes nothing, "Replace my answers" brings in the file', async ({
    browser,
    page,
    guard,
  }) => {
    const elsewhere = await saveOnAnotherDevice(browser, guard, { answers: dancer.answers, note })

    // This device has other answers and its own note.
    const office = goldenCase('nothing-notable-office-walker')
    await openAtSummary(page, { answers: office.answers, note: 'My own question' })
    const before = await settledStoredText(page)
    const titleBefore = (await heading(page).textContent()) ?? ''
    const rulesBefore = await shownRules(page)
    expect(rulesBefore, 'the two people see different suggestions, so a replacement shows').not.toEqual(elsewhere.rules)

    const dialog = page.getByRole('dialog', { name: 'Replace your answers?' })
    await openFileWithButton(page, elsewhere.file.path)
    await expect(dialog).toBeVisible()
    // The safe choice has focus, never the destructive one.
    await expect(dialogButton(dialog, 'Cancel')).toBeFocused()
    await dialogButton(dialog, 'Cancel').click()
    await expect(dialog).toBeHidden()
    expect(await settledStoredText(page), 'the saved copy after Cancel').toBe(before)
    await expect(heading(page)).toHaveText(titleBefore)
    expect(await shownRules(page)).toEqual(rulesBefore)
    await expect(noteBox(page)).toHaveValue('My own question')
    await expect(statusWith(page, messages.opened)).toHaveCount(0)

    // The same file again (the chooser must accept it twice), and this time the person agrees.
    await openFileWithButton(page, elsewhere.file.path)
    await expect(dialog).toBeVisible()
    await expect(dialogButton(dialog, 'Cancel')).toBeFocused()
    await replaceWithFile(page, dialog, elsewhere)

    await page.getByRole('button', { name: 'See my summary' }).click()
    await expectScreen(page, elsewhere.title)
    expect(await shownRules(page)).toEqual(elsewhere.rules)
    await expect(noteBox(page)).toHaveValue(note)
  })
})

type SavedJson = Record<string, unknown> & { answers: Record<string, unknown> }

/** The saved file with the pain-scale answer changed by hand to another valid one (0 to 10), so only the checksum can tell. */
function withOneAnswerChanged(file: SavedJson): SavedJson {
  const worst = file.answers['pain.worst']
  if (typeof worst !== 'number') throw new Error('the saved file needs a pain-scale answer to change')
  return { ...file, answers: { ...file.answers, 'pain.worst': worst === 2 ? 3 : 2 } }
}

/** The refused files, made from a real saved file, in an order where each message differs from the one before (so each refusal is seen to happen). */
function refusedFiles(savedText: string): { what: string; file: FileToOpen; message: string }[] {
  const file = JSON.parse(savedText) as SavedJson
  const pretty = (value: unknown) => jsonFile(JSON.stringify(value, null, 2))
  return [
    { what: 'a file cut short', file: jsonFile(savedText.slice(0, Math.floor(savedText.length / 2))), message: messages.damaged },
    { what: 'a file of a newer format', file: pretty({ ...file, format: 99 }), message: messages.newer },
    { what: 'an answer changed by hand', file: pretty(withOneAnswerChanged(file)), message: messages.damaged },
    { what: 'newer questions', file: pretty({ ...file, questionnaireVersion: 99 }), message: messages.newer },
    { what: 'a file from another app', file: jsonFile('{"hello":1}', 'notes.json'), message: messages.notOurs },
  ]
}

/** The hand-changed file with its checksum made right again: it must be accepted, or the refusal above proved nothing about the checksum. */
const changedByHandAndResealed = (savedText: string): FileToOpen =>
  jsonFile(JSON.stringify(resealed(withOneAnswerChanged(JSON.parse(savedText) as SavedJson)), null, 2))

test.describe('files that cannot be opened', () => {
  test('at the summary, a damaged file, a file from a newer version and a file from another app are each refused with their own message, and nothing on the device changes', async ({
    page,
  }) => {
    await openAtSummary(page, { answers: dancer.answers, note })
    const saved = await downloadFrom(page, () => page.getByRole('button', { name: saveButton }).click())
    const before = await settledStoredText(page)
    const title = (await heading(page).textContent()) ?? ''
    const rules = await shownRules(page)

    let checkedAxe = false
    for (const { what, file, message } of refusedFiles(saved.text)) {
      await openFileWithButton(page, file)
      await expect(refusal(page), what).toHaveText(message)
      await expect(page.getByRole('dialog'), `${what}: no "Replace" question`).toHaveCount(0)
      expect(await settledStoredText(page), `${what}: the saved copy`).toBe(before)
      await expect(heading(page), `${what}: still at the summary`).toHaveText(title)
      expect(await shownRules(page), `${what}: the suggestions`).toEqual(rules)
      await expect(noteBox(page), `${what}: the note`).toHaveValue(note)
      await expect(statusWith(page, messages.opened), `${what}: no "answers are in" notice`).toHaveCount(0)
      if (!checkedAxe) await expectNoAxeViolations(page, `summary with a refused file (${what})`)
      checkedAxe = true
    }

    // Control: the hand-changed file with a matching checksum is accepted (the "Replace" question comes up).
    await openFileWithButton(page, changedByHandAndResealed(saved.text))
    const dialog = page.getByRole('dialog', { name: 'Replace your answers?' })
    await expect(dialog).toBeVisible()
    await dialogButton(dialog, 'Cancel').click()
    expect(await settledStoredText(page)).toBe(before)
  })

  test('on the welcome screen, the same files are refused in an alert with their own message, and the app stays on the welcome screen with nothing stored', async ({
    browser,
    page,
    guard,
  }) => {
    const elsewhere = await saveOnAnotherDevice(browser, guard, { answers: dancer.answers, note })
    await openApp(page)
    const before = await storedText(page)

    let checkedAxe = false
    for (const { what, file, message } of refusedFiles(elsewhere.file.text)) {
      await openFileWithButton(page, file)
      await expect(refusal(page), what).toHaveText(message)
      await expect(heading(page), `${what}: still on the welcome screen`).toHaveText(titles.welcome)
      await expect(page.getByRole('button', { name: 'Start the check' })).toBeVisible()
      expect(await settledStoredText(page), `${what}: the saved copy`).toBe(before)
      await expect(statusWith(page, messages.opened), `${what}: no "answers are in" notice`).toHaveCount(0)
      if (!checkedAxe) await expectNoAxeViolations(page, `welcome with a refused file (${what})`)
      checkedAxe = true
    }

    // Control: the resealed hand-changed file opens, and the refusal goes away.
    await openFileWithButton(page, changedByHandAndResealed(elsewhere.file.text))
    await expectScreen(page, titles.review)
    await expect(refusal(page)).toHaveCount(0)
  })
})

/** The names of the caches this page's origin has. */
const cacheNames = (page: Page) => page.evaluate(() => caches.keys())

test('"Delete everything", with the keyboard alone, asks first, then removes answers, note, set-aside copy, session data and other caches but keeps the app\'s offline files, and nothing comes back after a reload', async ({
  page,
}) => {
  await openAtSummary(page, { answers: dancer.answers, note })
  // The service worker is active once every precached file is stored: that cache must survive.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const precache = (await cacheNames(page)).filter((name) => name.startsWith('workbox-precache'))
  expect(precache.length, 'the app\'s offline files are cached').toBeGreaterThan(0)
  // Other things the app could have left: a runtime cache, session data, a copy set aside as unreadable.
  await page.evaluate(async (unreadableKey) => {
    const cache = await caches.open('test-runtime')
    await cache.put('/test-runtime-entry', new Response('something cached at run time'))
    sessionStorage.setItem('achilles-self-check:session', 'something for this tab')
    localStorage.setItem(unreadableKey, '{"state":{"answers":{"pain.worst":')
  }, UNREADABLE_KEY)
  expect(await cacheNames(page)).toContain('test-runtime')
  const before = await settledStoredText(page)

  // The page's own button comes before the dialog's button of the same name.
  const deleteButton = page.getByRole('button', { name: 'Delete everything', exact: true }).first()
  const dialog = page.getByRole('dialog', { name: 'Delete everything?' })
  await tabTo(page, deleteButton, { max: 250 })
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialogButton(dialog, 'Cancel')).toBeFocused()

  // Enter on Cancel, the focused choice, keeps everything, and focus goes back where it was.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(deleteButton).toBeFocused()
  expect(await settledStoredText(page), 'the saved copy after Cancel').toBe(before)
  expect(await page.evaluate((key) => localStorage.getItem(key), UNREADABLE_KEY)).not.toBeNull()
  expect(await cacheNames(page)).toContain('test-runtime')
  await expect(heading(page)).toHaveText(summaryTitle)

  // Now for real: open it again, Shift+Tab from Cancel to the delete button, and Space.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialogButton(dialog, 'Cancel')).toBeFocused()
  await tabTo(page, dialogButton(dialog, 'Delete everything'), { key: 'Shift+Tab', max: 3 })
  await page.keyboard.press('Space')

  await expectScreen(page, titles.welcome)
  // The notice comes once the deletion has finished.
  await expect(statusWith(page, messages.deleted)).toBeVisible()
  const left = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    caches: await caches.keys(),
  }))
  expect(left.local, 'localStorage after deleting').toEqual([])
  expect(left.session, 'sessionStorage after deleting').toEqual([])
  expect(left.caches.filter((name) => !name.startsWith('workbox-precache')), 'caches other than the app\'s files').toEqual([])
  expect(left.caches, 'the app\'s offline files').toEqual(expect.arrayContaining(precache))

  // A reload brings back nothing, and says nothing.
  await page.reload()
  await expect(heading(page)).toHaveText(titles.welcome)
  await page.waitForLoadState('networkidle')
  await expect(statusWith(page, /\S/), 'no notice after the reload').toHaveCount(0)
  await expect(refusal(page)).toHaveCount(0)
  expect(await storedText(page), 'no saved copy after the reload').toBeNull()
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
  expect(await cacheNames(page)).toEqual(expect.arrayContaining(precache))
  // Starting again, the first questions are unanswered.
  await tabTo(page, page.getByRole('button', { name: 'Start the check' }))
  await page.keyboard.press('Enter')
  await expectScreen(page, titles.scope)
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0)
})

test('with the keyboard alone, "Save answers as a file" downloads the file, and "Open answers from a file" on the welcome screen and at the summary opens it', async ({
  browser,
  page,
  guard,
}) => {
  // Device A: Tab to the save button, Enter.
  const elsewhere = await saveOnAnotherDevice(browser, guard, { answers: dancer.answers, note }, async (a) => {
    await tabTo(a, a.getByRole('button', { name: saveButton }), { max: 250 })
    await a.keyboard.press('Enter')
  })
  const saved = elsewhere.file
  const recordA = elsewhere.record
  expect(elsewhere.confirmation).toContain(`Saved as ${saved.filename}`)
  expect((JSON.parse(saved.text) as { answers: unknown }).answers).toEqual(recordA.state.answers)

  // Device B, welcome screen: Tab to the open button, Enter opens the file chooser. Device A's page
  // was the last one used: bring this one to the front, as a person's own window would be.
  await openApp(page)
  await page.bringToFront()
  const open = page.getByRole('button', { name: openButton })
  await tabTo(page, open)
  await chooseFile(page, () => page.keyboard.press('Enter'), saved.path)
  await expectScreen(page, titles.review)
  await expect(statusWith(page, messages.opened)).toBeVisible()
  expect((await storedRecord(page))!.state.answers).toEqual(recordA.state.answers)

  // At the summary, the open button works with Space too, and the "Replace" question with the keyboard.
  await tabTo(page, page.getByRole('button', { name: 'See my summary' }))
  await page.keyboard.press('Enter')
  // The new screen puts focus on its heading: wait for that, or it would take focus back from the Tab presses below.
  await expectScreen(page, elsewhere.title)
  await tabTo(page, page.getByRole('button', { name: openButton }), { max: 250 })
  await chooseFile(page, () => page.keyboard.press('Space'), saved.path)
  const dialog = page.getByRole('dialog', { name: 'Replace your answers?' })
  await expect(dialog).toBeVisible()
  await expect(dialogButton(dialog, 'Cancel')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(heading(page)).toHaveText(summaryTitle)
})

test('"Delete everything" in one tab also empties another open tab, which does not write the answers back', async ({ context, page }) => {
  const person = goldenCase('nothing-notable-office-walker')
  await openWithSaved(page, { answers: person.answers, note: 'my question' })
  await expect(heading(page)).toHaveText('Your summary')
  const other = await context.newPage()
  await other.goto('/')
  await expect(heading(other)).toHaveText('Your summary')

  await other.getByRole('button', { name: 'Delete everything' }).click()
  await other.getByRole('dialog').getByRole('button', { name: 'Delete everything', exact: true }).click()
  await expect(heading(other)).toHaveText(titles.welcome)

  // The first tab follows: the welcome screen, a word on what happened, and nothing stored.
  await expect(heading(page)).toHaveText(titles.welcome)
  await expect(page.getByRole('status').filter({ hasText: 'Your answers were deleted in another window of this app.' })).toBeVisible()
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
  await page.reload()
  await expect(heading(page)).toHaveText(titles.welcome)
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
})

test.describe('back on the welcome screen with answers still on the device', () => {
  /** A person part-way through who pressed Back from the first questions: their answers and note are kept. */
  async function backAtWelcome(page: Page) {
    const office = goldenCase('nothing-notable-office-walker')
    await openWithSaved(page, { answers: office.answers, note: 'My own question', step: 'scope' })
    await expectScreen(page, titles.scope, { focused: false })
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expect(heading(page)).toHaveText(titles.welcome)
    const stored = await storedRecord(page)
    expect(stored?.state.answers, 'the answers are still on the device').toEqual(office.answers)
    return office
  }

  test('"Open answers from a file" asks before replacing them: Cancel keeps them, "Replace my answers" brings in the file', async ({ browser, page, guard }) => {
    const elsewhere = await saveOnAnotherDevice(browser, guard, { answers: dancer.answers, note })
    await page.bringToFront()
    const office = await backAtWelcome(page)
    const before = await settledStoredText(page)

    const dialog = page.getByRole('dialog', { name: 'Replace your answers?' })
    await openFileWithButton(page, elsewhere.file.path)
    await expect(dialog).toBeVisible()
    await expect(dialogButton(dialog, 'Cancel')).toBeFocused()
    await expectNoAxeViolations(page, 'welcome screen asking before a file replaces the answers')
    await dialogButton(dialog, 'Cancel').click()
    await expect(dialog).toBeHidden()
    await expect(heading(page)).toHaveText(titles.welcome)
    expect(await settledStoredText(page), 'the saved copy after Cancel').toBe(before)
    await expect(statusWith(page, messages.opened)).toHaveCount(0)

    // Starting the check again finds the person's own answers, not the file's.
    await page.getByRole('button', { name: 'Start the check' }).click()
    await expectScreen(page, titles.scope)
    expect((await storedRecord(page))!.state.answers).toEqual(office.answers)
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expect(heading(page)).toHaveText(titles.welcome)

    await openFileWithButton(page, elsewhere.file.path)
    await expect(dialog).toBeVisible()
    await replaceWithFile(page, dialog, elsewhere)
  })

  test('"Delete everything" is there too: it asks first, then removes the answers, the note and any set-aside copy', async ({ page }) => {
    await backAtWelcome(page)
    await page.evaluate((key) => localStorage.setItem(key, '{"state":{"answers":{"pain.worst":'), UNREADABLE_KEY)
    const before = await settledStoredText(page)

    const dialog = page.getByRole('dialog', { name: 'Delete everything?' })
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click()
    await expect(dialog).toBeVisible()
    await expect(dialogButton(dialog, 'Cancel')).toBeFocused()
    await expectNoAxeViolations(page, 'welcome screen asking before deleting everything')
    await dialogButton(dialog, 'Cancel').click()
    await expect(dialog).toBeHidden()
    expect(await settledStoredText(page), 'the saved copy after Cancel').toBe(before)

    await page.getByRole('button', { name: 'Delete everything', exact: true }).click()
    await dialogButton(dialog, 'Delete everything').click()
    await expect(statusWith(page, messages.deleted)).toBeVisible()
    await expect(heading(page)).toHaveText(titles.welcome)
    expect(await page.evaluate(() => Object.keys(localStorage)), 'localStorage after deleting').toEqual([])

    await page.reload()
    await expect(heading(page)).toHaveText(titles.welcome)
    expect(await page.evaluate(() => localStorage.length), 'nothing comes back after a reload').toBe(0)
    await page.getByRole('button', { name: 'Start the check' }).click()
    await expectScreen(page, titles.scope)
    await expect(page.getByRole('radio', { checked: true }), 'the first questions are unanswered').toHaveCount(0)
    await expect(page.getByRole('checkbox', { checked: true }), 'the first questions are unanswered').toHaveCount(0)
  })
})

test.describe('values checked where they enter', () => {
  const eventQuestion = 'Do you have a race, match, show or other event coming up?'
  const yearMessage = 'Please check the date: the year needs 4 digits, like 2026.'

  test('an event date with a stray digit in the year (20260) is not kept: the person is told at the field, the question stays unanswered, and a good date then saves and survives a reload with no notice', async ({
    page,
  }) => {
    await openWithSaved(page, { answers: calmAnswersForRecord, step: 'pain' })
    await expectScreen(page, titles.pain, { focused: false })
    await answer(page, eventQuestion, 'Yes')
    const date = page.getByLabel('When is the event?')

    // A good date first, then the year with one digit too many: the browser reports "20260-01-01".
    await date.fill('2026-01-01')
    await expect.poll(async () => (await storedRecord(page))?.state.answers['pain.eventDate']).toBe('2026-01-01')
    await date.fill('20260-01-01')
    await expect(page.getByText(yearMessage)).toBeVisible()
    await expect(date).toHaveAccessibleDescription(/Please check the date: the year needs 4 digits, like 2026\.$/)
    await expect.poll(async () => (await storedRecord(page))?.state.answers['pain.eventDate'], 'the stored event date').toBeUndefined()
    await expectNoAxeViolations(page, 'your pain, with a five-digit year')

    // On to the next screen and back: the field is empty, never "20260".
    await continueOn(page)
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expectScreen(page, titles.pain)
    await expect(page.getByLabel('When is the event?')).toHaveValue('')

    // A four-digit year is taken, and the message goes.
    await page.getByLabel('When is the event?').fill('2026-12-01')
    await expect(page.getByText(yearMessage)).toHaveCount(0)
    await expect.poll(async () => (await storedRecord(page))?.state.answers['pain.eventDate']).toBe('2026-12-01')
    await page.reload()
    await expectScreen(page, titles.pain, { focused: false })
    await expect(statusWith(page, /\S/), 'no notice after a reload').toHaveCount(0)
    await expect(page.getByLabel('When is the event?')).toHaveValue('2026-12-01')
  })

  test('a file nested thousands of levels deep is refused as damaged, with its message, and nothing on the device changes', async ({ page }) => {
    await openAtSummary(page, { answers: dancer.answers, note })
    const saved = await downloadFrom(page, () => page.getByRole('button', { name: saveButton }).click())
    const before = await settledStoredText(page)
    // The readable result copy in the file, 3,000 levels deep (the app works out its checksum to compare).
    const text = saved.text.replace(/"urgency": "[^"]*"/, `"urgency": ${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`)
    expect(text.length, 'still small enough to be read').toBeLessThan(256 * 1024)
    await openFileWithButton(page, jsonFile(text))
    await expect(refusal(page)).toHaveText(messages.damaged)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await settledStoredText(page)).toBe(before)
    await expect(heading(page)).toHaveText(summaryTitle)
  })

  test('with storage blocked (as in some private modes) the check still works, and "Delete everything" clears the answers and says so, at once or mid-check', async ({
    page,
  }) => {
    // What Chromium does when a site may not keep data: reading its storage or caches throws.
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage', 'caches'] as const) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException(`Failed to read the '${name}' property from 'Window': Access is denied for this document.`, 'SecurityError')
          },
        })
      }
    })
    const cannotSave = "Your answers can't be saved on this device"
    const dialog = page.getByRole('dialog', { name: 'Delete everything?' })
    await page.goto('/')
    await expect(heading(page)).toHaveText(titles.welcome)
    await page.waitForLoadState('networkidle')

    // Straight away, on a shared device: the deletion is confirmed, not mistaken for a failure to save.
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click()
    await dialogButton(dialog, 'Delete everything').click()
    await expect(statusWith(page, messages.deleted)).toBeVisible()
    await expect(statusWith(page, cannotSave)).toHaveCount(0)
    await page.getByRole('button', { name: 'OK' }).click()

    // Mid-check: the answers live in the page only, and the person is told so; deleting clears them.
    await page.getByRole('button', { name: 'Start the check' }).click()
    await expectScreen(page, titles.scope)
    await answer(page, 'How old are you?', '16 or older')
    await expect(statusWith(page, cannotSave)).toBeVisible()
    await page.getByRole('button', { name: 'Back', exact: true }).click()
    await expect(heading(page)).toHaveText(titles.welcome)
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click()
    await dialogButton(dialog, 'Delete everything').click()
    await expect(statusWith(page, messages.deleted)).toBeVisible()
    await expect(heading(page)).toHaveText(titles.welcome)
    await page.getByRole('button', { name: 'Start the check' }).click()
    await expectScreen(page, titles.scope)
    await expect(page.getByRole('radio', { checked: true }), 'the answer given before is gone').toHaveCount(0)
  })
})
