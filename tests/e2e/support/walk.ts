/**
 * Walks the wizard screen by screen the way a person does (taps on labels, Continue), giving the
 * answers of a record such as a golden case. Each question on screen is found by its
 * data-question id, so the walk follows whatever the questionnaire shows, follow-ups included.
 */
import { expect, type Page } from '@playwright/test'
import type { Answers } from './seed'

const h1 = (page: Page) => page.getByRole('heading', { level: 1 })

/** answers every question on the current screen that the record has an answer for */
export async function answerScreen(page: Page, answers: Answers) {
  const done = new Set<string>()
  // Answering can reveal follow-ups, so look again until nothing new appears.
  for (let round = 0; round < 10; round++) {
    const ids = await page.locator('main [data-question]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question')!))
    const todo = ids.filter((id) => !done.has(id) && answers[id] !== undefined)
    if (!todo.length) return
    for (const id of todo) {
      done.add(id)
      const field = page.locator(`main [data-question="${id}"]`)
      const value = answers[id]
      if ((await field.locator('input[type="date"]').count()) > 0) {
        await field.locator('input[type="date"]').fill(String(value))
      } else if (typeof value === 'number') {
        await field.locator('label', { hasText: new RegExp(`^${value}$`) }).click()
      } else {
        for (const v of Array.isArray(value) ? value : [value]) {
          const input = field.locator(`input[value="${v}"]`)
          if (!(await input.isChecked())) await input.locator('xpath=ancestor::label[1]').click()
          await expect(input).toBeChecked()
        }
      }
    }
  }
}

/**
 * from the first question screen to the summary; returns the headings passed on the way. On the
 * urgent advice it answers the other questions first, and from the out-of-scope screen (which has
 * no questions) it goes to the summary, as a person who wants the whole check would.
 */
export async function walkToSummary(page: Page, answers: Answers): Promise<string[]> {
  const seen: string[] = []
  const button = (name: string) => page.getByRole('button', { name, exact: true })
  for (let step = 0; step < 30; step++) {
    const title = (await h1(page).textContent()) ?? ''
    if (title.startsWith('Your summary')) return seen
    seen.push(title)
    if (await button('Answer the other questions first').count()) {
      await button('Answer the other questions first').click()
    } else if (await button('Continue').count()) {
      await answerScreen(page, answers)
      await button('Continue').click()
    } else {
      // The review, or the out-of-scope screen.
      await button('See my summary').click()
    }
    await expect(h1(page)).not.toHaveText(title)
  }
  throw new Error(`no summary after 30 screens: ${seen.join(' → ')}`)
}
