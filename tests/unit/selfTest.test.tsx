/**
 * A number to compare next time: an optional heel-raise count, offered on the result only when no
 * warning sign applies, stopped at sharp pain, and printed with the key facts.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, test } from 'vitest'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import type { AnswerValue, Answers } from '../../src/content/schema'
import { ResultScreen } from '../../src/ui/screens/ResultScreen'
import { calm, snapped } from './support/answers'
import { resultScreenProps } from './support/resultScreen'

const section = questionnaire.sections.find((s) => s.id === 'self-test')

/** the result screen as the wizard shows it, with answers kept in state */
function Result({ start }: { start: Answers }) {
  const [answers, setAnswers] = useState(start)
  const onAnswer = (id: string, value: AnswerValue | undefined) => setAnswers((a) => ({ ...a, [id]: value! }))
  return <ResultScreen warningSigns={redFlags.welcomeList} {...resultScreenProps(answers)} selfTest={{ section, answers, onAnswer }} />
}

describe('the self-test on the result', () => {
  test('is offered when no warning sign applies, and the counts go onto the printed key facts', async () => {
    const user = userEvent.setup()
    const { container } = render(<Result start={calm} />)
    const offered = screen.getByRole('region', { name: 'A number to compare next time' })
    await user.click(within(within(offered).getByRole('group', { name: /left leg/ })).getByRole('radio', { name: '11 to 15' }))
    await user.click(within(within(offered).getByRole('group', { name: /right leg/ })).getByRole('radio', { name: '16 to 20' }))
    const facts = container.querySelector('[data-print-facts]')!
    expect(facts.textContent).toContain('Heel raises, left leg: 11 to 15')
    expect(facts.textContent).toContain('Heel raises, right leg: 16 to 20')
  })

  test('stopping at sharp pain brings up the advice to ease off and mention it, first in the plan', async () => {
    const user = userEvent.setup()
    const { container } = render(<Result start={calm} />)
    expect(container.querySelector('[data-plan-rule="sharp-pain"]')).toBeNull()
    await user.click(within(screen.getByRole('group', { name: /left leg/ })).getByRole('radio', { name: 'I stopped because of sharp pain' }))
    expect(container.querySelector('[data-plan-rule]')?.getAttribute('data-plan-rule')).toBe('sharp-pain')
  })

  test('is not offered to someone with a warning sign', () => {
    render(<Result start={snapped} />)
    expect(screen.queryByRole('region', { name: 'A number to compare next time' })).toBeNull()
  })
})
