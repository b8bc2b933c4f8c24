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
  const state = { answers, step: 'review', editing: false, questionnaireVersion: 2, note: '', recheck }
  localStorage.setItem('achilles-self-check', JSON.stringify({ state, version: 1 }))
}

const reviewSection = (title: string) => screen.getByRole('region', { name: title })

test('an answer that needs another look is marked on its line, and an unanswered one is listed in its section', { timeout: 20_000 }, async () => {
  const { 'pain.duration': _, ...rest } = person
  saveWithRecheck(['scope.side', 'pain.duration'], rest)
  const App = await loadApp()
  render(<App />)
  await screen.findByRole('heading', { level: 1, name: 'Check your answers' }, { timeout: 10_000 })
  const scope = reviewSection('First, is this check for you?')
  const side = within(scope).getByText('Right').closest('dd')!
  expect(side).toHaveTextContent('Needs another look')
  const pain = reviewSection('Where and how it hurts')
  expect(within(pain).getByText('About the same').closest('dd')).not.toHaveTextContent('Needs another look')
  const duration = within(pain).getByText('Not answered').closest('dd')!
  expect(duration).toHaveTextContent('Needs another look')
  // Nothing else is marked.
  expect(screen.getAllByText('Needs another look')).toHaveLength(2)
})

test('confirming the review clears the marks, so they do not come back after a reload', { timeout: 20_000 }, async () => {
  saveWithRecheck(['scope.side'])
  const user = userEvent.setup()
  const App = await loadApp()
  render(<App />)
  await screen.findByRole('heading', { level: 1, name: 'Check your answers' }, { timeout: 10_000 })
  expect(screen.getByText('Needs another look')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'See my summary' }))
  await screen.findByRole('heading', { level: 1, name: 'Your summary' })
  expect(JSON.parse(localStorage.getItem('achilles-self-check')!).state.recheck).toEqual([])
})

test('a copy saved with the first version of the questions opens at the warning signs, whose new questions need an answer', { timeout: 20_000 }, async () => {
  // Version 1 asked the side and the place in the pain section, and the warning signs in other words.
  const state = {
    answers: {
      'urgent.snap': 'no',
      'urgent.pushOff': 'no',
      'urgent.weight': 'no',
      'urgent.calf': 'no',
      'urgent.infection': 'no',
      'urgent.medicine': 'no',
      'scope.age': '16-plus',
      'scope.surgery': 'no',
      'scope.location': 'achilles',
      'pain.side': 'right',
      'pain.where': ['mid-tendon'],
      'pain.worst': 4,
    },
    step: 'review',
    editing: false,
    questionnaireVersion: 1,
    note: '',
    recheck: [],
  }
  localStorage.setItem('achilles-self-check', JSON.stringify({ state, version: 1 }))
  const App = await loadApp()
  render(<App />)
  await screen.findByRole('heading', { level: 1, name: 'Warning signs that need help today' }, { timeout: 10_000 })
  expect(
    screen.getByText('The questions have been updated since you last visited. 2 of your answers need another look: they are marked on the review page.'),
  ).toBeInTheDocument()
  // The snap answer came across; the new question about weight has no answer yet.
  expect(within(screen.getByRole('group', { name: /^When this pain began/ })).getByRole('radio', { name: 'No' })).toBeChecked()
  for (const radio of within(screen.getByRole('group', { name: /^Right now, how much weight/ })).getAllByRole('radio')) expect(radio).not.toBeChecked()
  // What is kept on the device is the carried-forward record.
  const saved = JSON.parse(localStorage.getItem('achilles-self-check')!).state
  expect(saved).toMatchObject({
    questionnaireVersion: 2,
    answers: { 'urgent.snap': 'no', 'urgent.calf': 'no', 'scope.age': '16-plus', 'scope.surgery': 'no', 'scope.where': ['mid-tendon'], 'scope.side': 'right', 'pain.worst': 4 },
    recheck: ['urgent.snap', 'urgent.calf'],
  })
  expect(Object.keys(saved.answers)).toHaveLength(7)
})
