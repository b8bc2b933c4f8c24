/**
 * When the wizard's code cannot load, what the page says must be true: "check your connection"
 * helps nobody whose connection works. (The real failures, a damaged offline copy online and
 * offline, are in tests/e2e/shell.spec.ts.)
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { LoadFailed, loadFailure } from '../../src/ui/ErrorBoundary'

/** The App, with the wizard's chunk failing to load with `error`. */
async function appWhoseWizardFails(error: Error) {
  vi.resetModules()
  vi.doMock('../../src/ui/Wizard', async () => {
    throw error
  })
  return (await import('../../src/ui/App')).App
}

async function pressStart() {
  await userEvent.setup().click(screen.getByRole('button', { name: 'Start the check' }))
  return screen.findByRole('alert', {}, { timeout: 10_000 }).then((alert) => {
    expect(within(alert).getByRole('heading', { name: 'The check could not open' })).toBeInTheDocument()
    return alert
  })
}

afterEach(() => {
  vi.doUnmock('../../src/ui/Wizard')
})

describe('the message when the wizard cannot load', () => {
  test('offline, it says the copy on this device is missing or damaged and the device is offline, and offers Try again', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const App = await appWhoseWizardFails(new TypeError('Failed to fetch dynamically imported module'))
    render(<App />)
    const alert = await pressStart()
    expect(alert).toHaveTextContent('Part of the app is missing or damaged on this device, and this device is offline')
    expect(alert).toHaveTextContent('Connect to the internet, then try again.')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  }, 30_000)

  test('online, a file that arrived but cannot be read is called damaged, not a connection problem, and the way out is a reload', () => {
    render(<LoadFailed failure={loadFailure(new SyntaxError('Unexpected end of input'))} onRetry={() => {}} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Part of the app arrived damaged. Reload the page to fetch a fresh copy.')
    expect(alert).not.toHaveTextContent(/connection/i)
    expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
  })

  test('online, a file that did not arrive is said to come from the website, with no word about the connection', () => {
    render(<LoadFailed failure={loadFailure(new TypeError('Failed to fetch dynamically imported module'))} onRetry={() => {}} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Part of the app could not be fetched from the website. Try again in a moment.')
    expect(alert).not.toHaveTextContent(/connection/i)
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
