/**
 * The whole wizard as a person uses it, in jsdom: answering, going back, editing from review,
 * reaching the result, and coming back after a reload.
 */
import { act, render, screen, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { beforeEach, describe, expect, test, vi } from 'vitest'

// Each test gets a fresh store (and so a fresh read of localStorage), as a new page load would.
let App: typeof import('../../src/ui/App').App
beforeEach(async () => {
  vi.resetModules()
  ;({ App } = await import('../../src/ui/App'))
})

async function start(user: UserEvent) {
  render(<App />)
  await user.click(await screen.findByRole('button', { name: 'Start the check' }))
  // The first load of the wizard's chunk can be slow in a cold test run.
  await screen.findByRole('heading', { level: 1, name: 'First, is this check for you?' }, { timeout: 10_000 })
}

async function answerAll(user: UserEvent, option: string) {
  for (const group of screen.getAllByRole('group')) {
    const choice = within(group).queryByRole('radio', { name: option })
    if (choice) await user.click(choice)
  }
}

async function next(user: UserEvent, heading: string) {
  await user.click(screen.getByRole('button', { name: /^(Continue|Save and return to review)$/ }))
  return screen.findByRole('heading', { level: 1, name: heading })
}

const group = (name: RegExp | string) => screen.getByRole('group', { name })

/**
 * One option of a question's own list, by (the start of) its label. The picture of the leg beside
 * "Where does it hurt?" has checkboxes of the same names; tests/unit/bodyMap.test.tsx tests those.
 */
function option(question: RegExp | string, role: 'radio' | 'checkbox', name: RegExp | string) {
  const inputs = within(group(question))
    .getAllByRole(role, { name })
    .filter((el) => el.tagName === 'INPUT')
  expect(inputs).toHaveLength(1)
  return inputs[0]
}

/** On the first screen: 16 or older, no operation, pain where the tendon joins the heel, on the left. */
async function answerScope(user: UserEvent) {
  await user.click(option('How old are you?', 'radio', '16 or older'))
  await user.click(option(/^Have you ever had an operation/, 'radio', 'No'))
  await user.click(option(/^Where does it hurt\?/, 'checkbox', /^Where the tendon joins the heel bone/))
  await user.click(option('Which side hurts?', 'radio', 'Left'))
}

/** On the warning signs: every one answered with its all-clear. */
async function answerWarningSigns(user: UserEvent) {
  await answerAll(user, 'No')
  await user.click(option(/^Right now, how much weight/, 'radio', 'I can walk normally'))
  await user.click(option(/^Right now, what is the skin at the back of your heel like/, 'checkbox', 'Neither of these'))
  await user.click(option(/^Do any of these apply to you\?/, 'checkbox', 'None of these'))
}

describe('walking through the check', () => {
  test('from welcome to result, with back, a revealed question and an edit from review', async () => {
    const user = userEvent.setup()
    await start(user)
    expect(screen.getByText('Step 1 of 13: Is it for you')).toBeInTheDocument()

    // Continue with nothing answered: told what is missing (age, operation, where, side), and kept here.
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    const alert = await screen.findByRole('alert')
    expect(within(alert).getAllByRole('link')).toHaveLength(4)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('First, is this check for you?')

    await answerScope(user)
    await next(user, 'Warning signs that need help today')
    expect(screen.getByText('Step 2 of 13: Warning signs')).toBeInTheDocument()
    await answerWarningSigns(user)
    await next(user, 'Signs worth an assessment')
    await user.click(option(/^Do you have any of these\?/, 'checkbox', 'None of these'))

    // Back keeps what was answered.
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await screen.findByRole('heading', { level: 1, name: 'Warning signs that need help today' })
    expect(option(/^When this pain began/, 'radio', 'No')).toBeChecked()
    expect(option(/^Right now, how much weight/, 'radio', 'I can walk normally')).toBeChecked()
    await next(user, 'Signs worth an assessment')
    expect(option(/^Do you have any of these\?/, 'checkbox', 'None of these')).toBeChecked()

    await next(user, 'Where and how it hurts')
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus()
    await user.click(within(group('At its worst, how much does it hurt?')).getByRole('radio', { name: '6' }))
    expect(screen.queryByLabelText('When is the event?')).toBeNull()
    await user.click(within(group(/^Do you have a race/)).getByRole('radio', { name: 'Yes' }))
    expect(screen.getByLabelText('When is the event?')).toBeInTheDocument()
    expect(screen.getByText(/A new question appeared below: When is the event\?/)).toBeInTheDocument()
    await user.click(within(group(/^Do you have a race/)).getByRole('radio', { name: 'No' }))
    expect(screen.queryByLabelText('When is the event?')).toBeNull()
    expect(screen.getByText(/A question no longer applies and was hidden: When is the event\?/)).toBeInTheDocument()

    await next(user, "What you've tried so far")
    await user.click(within(group(/^What have you tried/)).getByRole('checkbox', { name: 'Rest' }))
    await user.click(within(group(/^What have you tried/)).getByRole('checkbox', { name: 'Nothing yet' }))
    expect(within(group(/^What have you tried/)).getByRole('checkbox', { name: 'Rest' })).not.toBeChecked()

    await next(user, 'Your activity and training')
    await next(user, 'Your shoes')
    // Asked because it hurts where the tendon joins the heel.
    await user.click(within(group('Does the back of any of your shoes press or rub on a bump or sore spot on your heel?')).getByRole('radio', { name: 'Yes' }))
    for (const heading of ['Orthotics and insoles', 'Stress and sleep', 'What you eat', 'Stretching and yoga', 'Old injuries', 'Calf trigger points']) {
      await next(user, heading)
    }
    await next(user, 'Check your answers')

    const scopeReview = screen.getByRole('region', { name: 'First, is this check for you?' })
    expect(within(scopeReview).getByText('Where the tendon joins the heel bone')).toBeInTheDocument()
    const painReview = screen.getByRole('region', { name: 'Where and how it hurts' })
    expect(within(painReview).getByText('6 out of 10')).toBeInTheDocument()

    // Edit one section from review and come straight back.
    await user.click(screen.getByRole('button', { name: 'Change: Where and how it hurts' }))
    await screen.findByRole('heading', { level: 1, name: 'Where and how it hurts' })
    await user.click(within(group('At its worst, how much does it hurt?')).getByRole('radio', { name: '3' }))
    await next(user, 'Check your answers')
    expect(within(screen.getByRole('region', { name: 'Where and how it hurts' })).getByText('3 out of 10')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'See my summary' }))
    await screen.findByRole('heading', { level: 1, name: 'Your summary' })
    expect(document.querySelector('[data-urgency]')).toBeNull()
    // The topics are closed at first; opening "Shoes" shows its suggestion with the answer behind it.
    const shoes = screen.getByText(/^Shoes \(\d+\)$/).closest('details')!
    expect(shoes).not.toHaveAttribute('open')
    await user.click(within(shoes).getByText(/^Shoes/))
    expect(shoes).toHaveAttribute('open')
    expect(within(shoes).getAllByText('Shoe back rubs on the heel:').length).toBeGreaterThan(0)
    expect(within(screen.getByRole('main')).getByRole('heading', { name: 'Your plan for the next two weeks' })).toBeInTheDocument()
    expect(within(screen.getByRole('main')).getByRole('heading', { name: 'Watch for' })).toBeInTheDocument()
  }, 30_000)

  test('someone who felt a snap sees the urgent warning at once and can open the summary from there', async () => {
    const user = userEvent.setup()
    await start(user)
    await answerScope(user)
    await next(user, 'Warning signs that need help today')
    await answerWarningSigns(user)
    await user.click(option(/^When this pain began/, 'radio', 'Yes'))
    // A snap brings up whether anyone has examined the leg since.
    await user.click(option(/^Since that happened, has a doctor or physiotherapist looked at your leg/, 'radio', 'No'))
    await next(user, 'Get medical help today')
    expect(screen.getByText(/When my pain began I felt a snap or a kick at the back of my ankle/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'See my summary now' }))
    await screen.findByRole('heading', { level: 1, name: 'Your summary' })
    expect(screen.getByRole('heading', { level: 2, name: 'Get medical help today' })).toBeInTheDocument()
    const first = document.querySelector('main [data-urgency]')
    expect(first?.getAttribute('data-urgency')).toBe('urgent')
  })

  test('someone who answers the other questions first after an urgent sign is reminded on every later screen', async () => {
    const user = userEvent.setup()
    await start(user)
    await answerScope(user)
    await next(user, 'Warning signs that need help today')
    await answerWarningSigns(user)
    await user.click(option(/^When this pain began/, 'radio', 'Yes'))
    await user.click(option(/^Since that happened, has a doctor or physiotherapist looked at your leg/, 'radio', 'No'))
    await next(user, 'Get medical help today')
    await user.click(screen.getByRole('button', { name: 'Answer the other questions first' }))
    await screen.findByRole('heading', { level: 1, name: 'Signs worth an assessment' })
    expect(screen.getByText('Remember: get medical help today. These questions can wait.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'See my summary now' }))
    await screen.findByRole('heading', { level: 1, name: 'Your summary' })
  })

  test('start over asks first, then clears every answer', async () => {
    const user = userEvent.setup()
    await start(user)
    await answerScope(user)
    await user.click(screen.getByRole('button', { name: 'Start over' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(option(/^Have you ever had an operation/, 'radio', 'No')).toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Start over' }))
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }))
    await screen.findByRole('heading', { level: 1, name: 'Check your Achilles or heel pain' })
    // A record that holds nothing is not kept at all.
    expect(localStorage.getItem('achilles-self-check')).toBeNull()
  })
})

describe('coming back later', () => {
  test('a reload brings the person back to the same screen with their answers', async () => {
    const user = userEvent.setup()
    await start(user)
    await answerScope(user)
    await next(user, 'Warning signs that need help today')
    await answerWarningSigns(user)
    await next(user, 'Signs worth an assessment')
    await user.click(option(/^Do you have any of these\?/, 'checkbox', /^Numbness, tingling/))

    // A new page load: a fresh module graph reading the same localStorage.
    document.body.innerHTML = ''
    vi.resetModules()
    const { App: Reloaded } = await import('../../src/ui/App')
    await act(async () => {
      render(<Reloaded />)
    })
    await screen.findByRole('heading', { level: 1, name: 'Signs worth an assessment' })
    expect(option(/^Do you have any of these\?/, 'checkbox', /^Numbness, tingling/)).toBeChecked()
    expect(option(/^Do you have any of these\?/, 'checkbox', 'None of these')).not.toBeChecked()
  })

  test('a damaged saved copy gives a clear message and a working fresh start', async () => {
    localStorage.setItem('achilles-self-check', '{not json')
    vi.resetModules()
    const { App: Fresh } = await import('../../src/ui/App')
    const user = userEvent.setup()
    render(<Fresh />)
    const notice = await screen.findByText(/could not read the answers saved on this device/)
    expect(notice.closest('[role="status"]')).not.toBeNull()
    await user.click(screen.getByRole('button', { name: 'OK' }))
    expect(screen.queryByText(/could not read the answers saved on this device/)).toBeNull()
    await user.click(await screen.findByRole('button', { name: 'Start the check' }))
    await screen.findByRole('heading', { level: 1, name: 'First, is this check for you?' })
  })
})

describe('when the wizard cannot load', () => {
  test('says so with the warning signs and a retry, and the retry opens the check once it can', async () => {
    let failing = true
    vi.resetModules()
    vi.doMock('../../src/ui/Wizard', async (importOriginal) => {
      if (failing) throw new Error('network down')
      return importOriginal()
    })
    const { App: Offline } = await import('../../src/ui/App')
    const user = userEvent.setup()
    render(<Offline />)
    await user.click(screen.getByRole('button', { name: 'Start the check' }))
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading', { name: 'The check could not open' })).toBeInTheDocument()
    expect(within(alert).getByText('Get medical help today if:')).toBeInTheDocument()
    failing = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('heading', { level: 1, name: 'First, is this check for you?' }, { timeout: 10_000 })
    vi.doUnmock('../../src/ui/Wizard')
  }, 30_000)
})
