/**
 * After the questions change, answers that need another look are marked on the review page, and
 * the mark goes once the person answers again or confirms the review.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, test, vi } from 'vitest'
import nothingNotable from '../../rules/cases/nothing-notable-office-walker.json'

beforeEach(() => {
  vi.resetModules()
})

/** the app as a new page load finds it: the store reads the saved copy when its module loads */
const loadApp = async () => (await import('../../src/ui/App')).App

const person = nothingNotable.answers

function saveWithRecheck(recheck: string[], answers: Record<string, unknown> = person) {
  const state = { answers, step: 'review', editing: false, questionnaireVersion: 1, note: '', recheck }
  localStorage.setItem('achilles-self-check', JSON.stringify({ state, version: 1 }))
}

const reviewSection = (title: string) => screen.getByRole('region', { name: title })

test('an answer that needs another look is marked on its line, and an unanswered one is listed in its section', { timeout: 20_000 }, async () => {
  const { 'pain.duration': _, ...rest } = person
  saveWithRecheck(['pain.side', 'pain.duration'], rest)
  const App = await loadApp()
  render(<App />)
  await screen.findByRole('heading', { level: 1, name: 'Check your answers' }, { timeout: 10_000 })
  const pain = reviewSection('Where and how it hurts')
  const side = within(pain).getByText('Right').closest('dd')!
  expect(side).toHaveTextContent('Needs another look')
  const duration = within(pain).getByText('Not answered').closest('dd')!
  expect(duration).toHaveTextContent('Needs another look')
  // Nothing else is marked.
  expect(screen.getAllByText('Needs another look')).toHaveLength(2)
})

test('confirming the review clears the marks, so they do not come back after a reload', { timeout: 20_000 }, async () => {
  saveWithRecheck(['pain.side'])
  const user = userEvent.setup()
  const App = await loadApp()
  render(<App />)
  await screen.findByRole('heading', { level: 1, name: 'Check your answers' }, { timeout: 10_000 })
  expect(screen.getByText('Needs another look')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'See my summary' }))
  await screen.findByRole('heading', { level: 1, name: 'Your summary' })
  expect(JSON.parse(localStorage.getItem('achilles-self-check')!).state.recheck).toEqual([])
})
