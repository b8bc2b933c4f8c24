/**
 * The tab title (src/ui/useScreenFocus.ts): it goes into the browser's history, which "Delete
 * everything" cannot clear, so a screen whose heading carries the person's result is given a
 * neutral name instead. The whole walk, in Chromium, is in tests/e2e/result.spec.ts.
 */
import { render } from '@testing-library/react'
import { expect, test } from 'vitest'
import { useScreenFocus } from '../../src/ui/useScreenFocus'

function Screen({ step, heading, title }: { step: string; heading: string; title?: string }) {
  useScreenFocus(step, true, title)
  return (
    <main>
      <h1 tabIndex={-1}>{heading}</h1>
    </main>
  )
}

test('a screen given a neutral name keeps its heading out of the tab title; a question screen is named by its heading', () => {
  const { rerender } = render(<Screen step="scope" heading="First, is this check for you?" />)
  expect(document.title).toBe('First, is this check for you? – Achilles Self-Check')
  rerender(<Screen step="urgentAdvice" heading="Get medical help today" title="Your summary" />)
  expect(document.title).toBe('Your summary – Achilles Self-Check')
  expect(document.activeElement).toHaveTextContent('Get medical help today')
})
