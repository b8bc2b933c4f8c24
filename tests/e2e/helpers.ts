/**
 * Shared pieces of the browser tests: a `test` whose every run is watched for outside requests,
 * console errors, page errors and Content-Security-Policy violations; an axe check; and a few
 * steps a person takes (answer a question, continue, read the screen's heading).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test'

export { expect }

/** The preview server's port (playwright.config.ts): not `npm start`'s 4173, so both can run at once. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4180)
export const APP_ORIGIN = `http://127.0.0.1:${E2E_PORT}`

/** What went wrong in the browser during one test, none of which a person should ever meet. */
export interface Guard {
  /** The origins that count as the app's own: the preview server, and any server a test starts itself. */
  appOrigins: Set<string>
  outsideRequests: string[]
  consoleErrors: string[]
  pageErrors: string[]
  cspViolations: string[]
}

const cspMessage = /content[- ]security[- ]policy/i

/**
 * Watches a browser context for what no person should ever meet: each request that leaves the
 * app's origins, each console error, each uncaught page error and each CSP violation, recorded
 * into `guard` (with `label` in front, when a test watches a second device).
 */
export async function watchContext(context: BrowserContext, guard: Guard, label = '') {
  const tag = label ? `(${label}) ` : ''
  context.on('request', (request) => {
    const url = request.url()
    let origin: string
    try {
      origin = new URL(url).origin
    } catch {
      origin = url
    }
    if (!guard.appOrigins.has(origin)) guard.outsideRequests.push(`${tag}${request.method()} ${url}`)
  })
  // WebSockets are not requests to Playwright: watch each page for them too. The app opens none.
  const watchSockets = (page: Page) => page.on('websocket', (socket) => guard.outsideRequests.push(`${tag}WebSocket ${socket.url()}`))
  context.pages().forEach(watchSockets)
  context.on('page', watchSockets)
  context.on('console', (message) => {
    const where = message.page()?.url() ?? '?'
    if (cspMessage.test(message.text())) guard.cspViolations.push(`${tag}console (${message.type()}) on ${where}: ${message.text()}`)
    else if (message.type() === 'error') guard.consoleErrors.push(`${tag}on ${where}: ${message.text()}`)
  })
  context.on('weberror', (webError) => {
    const error = webError.error()
    guard.pageErrors.push(`${tag}on ${webError.page()?.url() ?? '?'}: ${error.stack ?? error.message}`)
  })
  // The page's own report of a blocked resource or script, whether or not the browser also logs it.
  await context.exposeBinding('__reportCspViolation', ({ page }, violation: string) => {
    guard.cspViolations.push(`${tag}securitypolicyviolation on ${page.url()}: ${violation}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (v: string) => void }).__reportCspViolation
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} [${e.sample}]`)
    })
  })
}

/**
 * `test`, with a guard that every test gets automatically: it watches every page of the test's
 * browser context (watchContext) and fails the test if anything was recorded.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context }, use) => {
      const guard: Guard = { appOrigins: new Set([APP_ORIGIN]), outsideRequests: [], consoleErrors: [], pageErrors: [], cspViolations: [] }
      await watchContext(context, guard)

      await use(guard)

      expect.soft(guard.outsideRequests, 'requests to anywhere but the app itself').toEqual([])
      expect.soft(guard.consoleErrors, 'console errors').toEqual([])
      expect.soft(guard.pageErrors, 'uncaught errors in the page').toEqual([])
      expect.soft(guard.cspViolations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})

/**
 * Runs axe (WCAG 2.0/2.1, A and AA) on the page as it is now and expects no violations. The check
 * is soft: a walk through the whole wizard reports every screen with a problem, not just the first,
 * and the test still fails.
 */
export async function expectNoAxeViolations(page: Page, screen: string) {
  // Legacy mode runs axe in the page itself; the default mode opens an extra page per run to merge
  // the results of frames, which this app has none of, and makes each check several times slower.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze()
  const readable = results.violations.map((v) =>
    [
      `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`),
    ].join('\n'),
  )
  expect
    .soft(results.violations.map((v) => v.id), `axe violations on the "${screen}" screen:\n${readable.join('\n')}\n`)
    .toEqual([])
}

/** The page's one <h1>. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 })

/**
 * Expects the screen with this heading, and that focus moved to the heading (what every new screen
 * does, so that a screen reader announces it).
 */
export async function expectScreen(page: Page, title: string, { focused = true } = {}) {
  await expect(heading(page)).toHaveText(title)
  if (focused) await expect(heading(page)).toBeFocused()
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A question, by the start of its legend. Anchored at the start, so that a legend that ends another
 * ("Do any of these apply to you?" in "Lately, do any of these apply to you?") never finds both.
 */
export const question = (page: Page, legend: string) => page.getByRole('group', { name: new RegExp(`^${escapeRegExp(legend)}`) })

/**
 * One option of a question, by its label. The accessible name of an option that has a hint is its
 * label followed by the hint, so the match is on the label as a whole word group at the start. Only
 * the form's own inputs count: the picture of the leg beside a question has checkboxes of the same
 * names (tests/e2e/bodyMap.spec.ts tests those).
 */
export function option(page: Page, legend: string, label: string, role: 'radio' | 'checkbox' = 'radio'): Locator {
  const field = question(page, legend)
  return field.locator('input').and(field.getByRole(role, { name: new RegExp(`^${escapeRegExp(label)}(?:\\s|$)`) }))
}

/**
 * Taps an option where a person would: on its label (the pain scale's radios are visually hidden
 * inside their numbered labels), then expects it to be selected.
 */
async function choose(input: Locator) {
  if (!(await input.isChecked())) await input.locator('xpath=ancestor::label[1]').click()
  await expect(input).toBeChecked()
}

/** Chooses one answer of a single-choice question (or a number on the pain scale). */
export async function answer(page: Page, legend: string, label: string) {
  await choose(option(page, legend, label))
}

/** Ticks each of these answers of a "choose all that apply" question. */
export async function tick(page: Page, legend: string, ...labels: string[]) {
  for (const label of labels) await choose(option(page, legend, label, 'checkbox'))
}

/** Answers several single-choice questions with the same label, e.g. "No" to each warning sign. */
export async function answerAll(page: Page, legends: string[], label: string) {
  for (const legend of legends) await answer(page, legend, label)
}

export async function continueOn(page: Page) {
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
}

/**
 * Opens the app and waits until it can be used: the welcome screen is in the HTML before any script
 * runs, but its button only works once React has hydrated it and the wizard's code has loaded.
 */
export async function openApp(page: Page) {
  await page.goto('/')
  await expect(heading(page)).toHaveText('Check your Achilles or heel pain')
  await page.waitForLoadState('networkidle')
}

/** Presses Tab (or Shift+Tab) until the locator has focus; fails if it never does. */
export async function tabTo(page: Page, target: Locator, { key = 'Tab', max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press(key)
  }
  await expect(target, `reached with ${key} within ${max} presses`).toBeFocused({ timeout: 1 })
}

/**
 * Answers a single-choice question with the keyboard only: Tab into its radio group, then the
 * arrow keys (which select as they move) and Space.
 */
export async function answerWithKeyboard(page: Page, legend: string, label: string) {
  const group = question(page, legend)
  const radios = group.getByRole('radio')
  const target = option(page, legend, label)
  // Tab stops on the group once: on its checked radio, or on the first one when none is checked.
  for (let i = 0; i < 80 && !(await radios.evaluateAll((els) => els.some((el) => el === document.activeElement))); i++) {
    await page.keyboard.press('Tab')
  }
  const count = await radios.count()
  for (let i = 0; i < count && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown')
  }
  await expect(target).toBeFocused()
  if (!(await target.isChecked())) await page.keyboard.press('Space')
  await expect(target).toBeChecked()
}

/**
 * Ticks one answer of a "choose all that apply" question with the keyboard only: Tab to its
 * checkbox, then Space.
 */
export async function tickWithKeyboard(page: Page, legend: string, label: string) {
  const target = option(page, legend, label, 'checkbox')
  await tabTo(page, target)
  if (!(await target.isChecked())) await page.keyboard.press('Space')
  await expect(target).toBeChecked()
}

/** The first screen's questions ("First, is this check for you?"), by the start of their legends. */
export const scopeQuestions = {
  age: 'How old are you?',
  surgery: 'Have you ever had an operation on this Achilles tendon or heel?',
  /** shown when there was an operation */
  sinceSurgery: 'Since that operation, have you had any of these?',
  /** "choose all that apply", beside a picture of the leg */
  where: 'Where does it hurt?',
  side: 'Which side hurts?',
}

/**
 * The warning signs that need help today (the second screen), in the order they show, follow-ups
 * after the question that reveals them.
 */
export const urgentQuestions = {
  snap: 'When this pain began, did you feel a sudden snap or pop',
  /** after "Not sure" to the snap */
  snapPlain: 'Did the pain start in one moment, in the middle of a movement',
  /** after a snap (or "Not sure" twice) */
  seenSince: 'Since that happened, has a doctor or physiotherapist looked at your leg?',
  weightNow: 'Right now, how much weight can you take on that leg?',
  /** after "Not sure" to the weight */
  weightPlain: 'Holding on to something, could you stand on that leg alone',
  calf: 'Right now, is one calf swollen, warm and sore to touch?',
  /** after "Not sure" to the calf */
  calfPlain: 'Look at both calves side by side.',
  /** "choose all that apply", when the calf hurts or may be swollen */
  clotRisk: 'In the last 3 months, have you had any of these?',
  /** when a clot is possible */
  breath: 'Right now, are you short of breath, or do you have pain in your chest?',
  /** "choose all that apply" */
  heel: 'Right now, what is the skin at the back of your heel like?',
  /** after "Not sure" to the heel */
  heelPlain: 'Put the back of your hand on each heel in turn.',
  /** after broken skin */
  feet: 'Do you have diabetes, or less feeling in your feet than you used to?',
  fever: 'Since this pain began, have you had a fever',
  /** after "Not sure" to the fever */
  feverPlain: 'In the last few days, have you felt hot and shivery',
  /** "choose all that apply" */
  medicines: 'Do any of these apply to you?',
  /** after the antibiotic */
  stillTaking: 'Are you still taking that antibiotic?',
  /** after "I'm not sure what my medicines are" */
  medicinesPlain: 'In the past month, have you taken an antibiotic for any infection?',
}

/** The questions of "choose all that apply" among the warning signs, answered with a list of labels. */
const multiUrgent = new Set<keyof typeof urgentQuestions>(['clotRisk', 'heel', 'medicines'])

/** An answer to each warning sign that a person asks every time, none of which raises a flag. */
export const calmWarningSigns = {
  snap: 'No',
  weightNow: 'I can walk normally',
  calf: 'No',
  heel: ['Neither of these'],
  fever: 'No',
  medicines: ['None of these'],
} satisfies Partial<Record<keyof typeof urgentQuestions, string | string[]>>

/** The signs worth an assessment (the third screen): one "choose all that apply" question. */
export const soonQuestions = {
  signs: 'Do you have any of these?',
}

export const titles = {
  welcome: 'Check your Achilles or heel pain',
  scope: 'First, is this check for you?',
  urgent: 'Warning signs that need help today',
  soon: 'Signs worth an assessment',
  pain: 'Where and how it hurts',
  tried: "What you've tried so far",
  training: 'Your activity and training',
  footwear: 'Your shoes',
  orthotics: 'Orthotics and insoles',
  stress: 'Stress and sleep',
  diet: 'What you eat',
  stretching: 'Stretching and yoga',
  injuries: 'Old injuries',
  localCare: 'Calf trigger points',
  review: 'Check your answers',
  /** the urgent advice and the status of a summary, by where the person is sent */
  urgentAdvice: 'Get medical help today',
  emergency: 'Call emergency services now',
  prescriberToday: 'Call the prescriber or a pharmacist today, before your next dose',
  assessment: 'Book an assessment within a week or two',
  prescriberSoon: 'Talk to the prescriber or a pharmacist within a week or two',
  /** the out-of-scope screen, by who can help instead */
  outOfScope: "This check isn't made for you",
  surgicalTeam: 'Ask your surgical team',
}

/** The sections after the signs worth an assessment, in order: none has a required question. */
export const optionalSectionTitles = [
  titles.pain,
  titles.tried,
  titles.training,
  titles.footwear,
  titles.orthotics,
  titles.stress,
  titles.diet,
  titles.stretching,
  titles.injuries,
  titles.localCare,
]

/** The summary's heading, whatever the status: the status itself leads the screen, just below it. */
export const summaryTitle = 'Your summary'

/**
 * Expects the summary screen (and focus on its heading, unless `focused` is false), led by the
 * status that sends the person to the destination with this heading, e.g. "Get medical help today".
 */
export async function expectSummary(page: Page, destinationHeading: string, { focused = true } = {}) {
  await expectScreen(page, summaryTitle, { focused })
  const status = page.locator('main [data-urgency]').first()
  await expect(status.getByRole('heading', { level: 2 }), 'the status that leads the summary').toHaveText(destinationHeading)
}

/** On the first screen: a person the check is for (16 or older, no operation, pain in the tendon on the left), or as given; then Continue. */
export async function passScope(page: Page, answers: Partial<Record<keyof typeof scopeQuestions, string | string[]>> = {}) {
  await expectScreen(page, titles.scope)
  const given = { age: '16 or older', surgery: 'No', where: ['In the tendon, a few finger-widths above the heel'], side: 'Left', ...answers }
  for (const [key, value] of Object.entries(given)) {
    const legend = scopeQuestions[key as keyof typeof scopeQuestions]
    if (Array.isArray(value)) await tick(page, legend, ...value)
    else await answer(page, legend, value)
  }
  await continueOn(page)
}

/**
 * On the warning signs screen: each sign answered as calmWarningSigns does, or as given (follow-ups
 * too, answered once their question shows).
 */
export async function answerWarningSigns(page: Page, answers: Partial<Record<keyof typeof urgentQuestions, string | string[]>> = {}) {
  const given: Partial<Record<keyof typeof urgentQuestions, string | string[]>> = { ...calmWarningSigns, ...answers }
  // In the order of the screen, so that each follow-up has shown by the time it is answered.
  for (const key of Object.keys(urgentQuestions) as (keyof typeof urgentQuestions)[]) {
    const value = given[key]
    if (value === undefined) continue
    if (multiUrgent.has(key)) await tick(page, urgentQuestions[key], ...(Array.isArray(value) ? value : [value]))
    else await answer(page, urgentQuestions[key], String(value))
  }
}

/** Arriving on the warning signs screen: each sign answered as answerWarningSigns does, then Continue. */
export async function passWarningSigns(page: Page, answers: Partial<Record<keyof typeof urgentQuestions, string | string[]>> = {}) {
  await expectScreen(page, titles.urgent)
  await answerWarningSigns(page, answers)
  await continueOn(page)
}

/** On the signs worth an assessment: "None of these", or the signs given, then Continue. */
export async function passOtherSigns(page: Page, ...signs: string[]) {
  await expectScreen(page, titles.soon)
  await tick(page, soonQuestions.signs, ...(signs.length ? signs : ['None of these']))
  await continueOn(page)
}

/** From the pain section on, Continue through every section without answering, to the review. */
export async function continueToReview(page: Page) {
  for (const title of optionalSectionTitles) {
    await expectScreen(page, title)
    await continueOn(page)
  }
  await expectScreen(page, titles.review)
}

/**
 * With the network off and the old page closed: a new page of the app at `origin`, which must open
 * on its welcome screen from the service worker's copy alone. Returns the new page.
 */
export async function openOffline(context: BrowserContext, page: Page, origin: string): Promise<Page> {
  await context.setOffline(true)
  await page.close()
  const offline = await context.newPage()
  await offline.goto(`${origin}/`)
  await expect(heading(offline)).toHaveText(titles.welcome)
  return offline
}

/**
 * Takes what a test brings about on purpose (a file that cannot load offline, a blocked frame) out of
 * one of the guard's lists, so that anything else still fails the test; returns what it took.
 */
export function takeExpected(guard: Guard, list: 'consoleErrors' | 'cspViolations', pattern: RegExp): string[] {
  const found = guard[list].filter((e) => pattern.test(e))
  guard[list] = guard[list].filter((e) => !pattern.test(e))
  return found
}
