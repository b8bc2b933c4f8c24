/**
 * The parts of the result screen the browser tests read, found the way the screen marks them: the
 * status at the top, the plan, "Watch for", the Print row with its "Add every suggestion in full"
 * box, and the topics below, each a <details> that starts closed.
 */
import type { Page } from '@playwright/test'
import { expect } from '../helpers'

/** What leads the result: the warning status (any level), or the line saying none of the answers matched a warning sign. */
export const statusLine = (page: Page) => page.locator('main [data-urgency], main [data-status="none"]').first()

/** The plan's items, "Your plan for the next two weeks", in order. */
export const planItems = (page: Page) => page.locator('main [data-plan-rule]')

/** the plan's rule ids as the screen shows them, in order */
export const planOnScreen = (page: Page) => planItems(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-plan-rule') ?? ''))

/** the plan's rule ids as page 1 of the printout gives them, in order */
export const planInPrint = (page: Page) =>
  page.locator('[data-print-summary] [data-print-plan]').evaluateAll((els) => els.map((el) => el.getAttribute('data-print-plan') ?? ''))

/** The "Watch for" section near the top. */
export const watchFor = (page: Page) => page.getByRole('region', { name: 'Watch for' })

/** The row with the Print button and the "Add every suggestion in full" box. */
export const printControls = (page: Page) => page.locator('main [data-print-controls]')
export const printButton = (page: Page) => page.getByRole('button', { name: 'Print summary' })
export const fullBox = (page: Page) => page.getByRole('checkbox', { name: 'Add every suggestion in full' })

/** Each topic of "Everything the article suggests for you", one <details> each. */
export const topics = (page: Page) => page.locator('main details[data-factor]')
export const topic = (page: Page, factorId: string) => page.locator(`main details[data-factor="${factorId}"]`)

/** Opens one topic as a person would, by tapping its summary line; its suggestions then show. */
export async function openTopic(page: Page, factorId: string) {
  const details = topic(page, factorId)
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator(':scope > summary').click()
  await expect(details).toHaveAttribute('open', '')
  await expect(details.locator('[data-rule]').first()).toBeVisible()
}

/** Opens every topic, one tap each; returns their ids. */
export async function openAllTopics(page: Page) {
  const ids = await topics(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-factor') ?? ''))
  for (const id of ids) await openTopic(page, id)
  return ids
}

/** Ticks "Add every suggestion in full", so the printout carries its second part. */
export async function addEverySuggestion(page: Page) {
  await fullBox(page).check()
  await expect(page.locator('[data-print-summary] [data-print-full]')).toBeAttached()
}
