/**
 * The picture of the leg on a "where does it hurt" question: tapping a region or pressing Space or
 * Enter on it answers exactly as its checkbox does, the two always show the same answer, and only
 * the regions the question offers are drawn.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, test } from 'vitest'
import type { AnswerValue, Question } from '../../src/content/schema'
import { QuestionField } from '../../src/ui/components/QuestionField'

const labels = {
  calf: 'In the calf muscle',
  insertion: 'Where the tendon joins the heel bone',
  bump: 'On a bump at the back of the heel',
  elsewhere: 'Somewhere else in the foot or leg',
}

const where: Question = {
  id: 'scope.where',
  type: 'multi',
  label: 'Where does it hurt? Tap the picture or choose all that apply.',
  short: 'Where it hurts',
  picture: 'leg',
  options: [
    { value: 'calf', label: labels.calf },
    { value: 'insertion', label: labels.insertion, hint: 'This spot is called the insertion.' },
    { value: 'bump', label: labels.bump },
    // Not drawn: the picture has no region for it.
    { value: 'elsewhere', label: labels.elsewhere, exclusive: true },
  ],
}

/** the question as a screen holds it: the answer kept in state, and every answer given recorded */
function renderQuestion(question: Question = where) {
  const answers: (AnswerValue | undefined)[] = []
  function Screen() {
    const [value, setValue] = useState<AnswerValue | undefined>()
    return (
      <QuestionField
        question={question}
        value={value}
        onAnswer={(id, v) => {
          expect(id).toBe(question.id)
          answers.push(v)
          setValue(v)
        }}
      />
    )
  }
  const { unmount } = render(<Screen />)
  return Object.assign(answers, { unmount })
}

const picture = () => screen.getByRole('group', { name: /^Picture of the back of the leg/ })
const region = (label: string) => within(picture()).getByRole('checkbox', { name: label })
/** the checkbox in the list (its name is its label, then its hint) */
function listBox(label: string) {
  const inputs = screen.getAllByRole('checkbox', { name: new RegExp(`^${label}`) }).filter((el) => el instanceof HTMLInputElement)
  expect(inputs).toHaveLength(1)
  return inputs[0]!
}

/** each region says it is checked exactly when its checkbox in the list is */
function expectRegionsAndListAgree() {
  for (const r of within(picture()).getAllByRole('checkbox')) {
    const box = listBox(r.getAttribute('aria-label')!) as HTMLInputElement
    expect(r, r.getAttribute('aria-label')!).toHaveAttribute('aria-checked', String(box.checked))
  }
}

async function tapEach(user: UserEvent, find: (label: string) => Element, ...labelList: string[]) {
  for (const label of labelList) {
    await user.click(find(label))
    expectRegionsAndListAgree()
  }
}

describe('the picture of the leg', () => {
  test('tapping regions gives the same answers as ticking the matching checkboxes', async () => {
    const user = userEvent.setup()
    const steps = [labels.calf, labels.insertion, labels.calf, labels.bump]

    const byPicture = renderQuestion()
    await tapEach(user, region, ...steps)
    byPicture.unmount()

    const byList = renderQuestion()
    await tapEach(user, listBox, ...steps)

    expect([...byPicture]).toEqual([['calf'], ['calf', 'insertion'], ['insertion'], ['insertion', 'bump']])
    expect([...byPicture]).toEqual([...byList])
  })

  test('Space and Enter on a focused region tick and untick it, and its checkbox follows', async () => {
    const user = userEvent.setup()
    const answers = renderQuestion()
    // The regions are in the tab order, first in the order the question lists them.
    await user.tab()
    expect(region(labels.calf)).toHaveFocus()

    await user.keyboard(' ')
    expect(region(labels.calf)).toHaveAttribute('aria-checked', 'true')
    expect(listBox(labels.calf)).toBeChecked()
    expectRegionsAndListAgree()

    await user.keyboard('{Enter}')
    expect(region(labels.calf)).toHaveAttribute('aria-checked', 'false')
    expect(listBox(labels.calf)).not.toBeChecked()
    expectRegionsAndListAgree()

    await user.tab()
    expect(region(labels.insertion)).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(listBox(labels.insertion)).toBeChecked()
    expectRegionsAndListAgree()

    // Each key press is one answer: nothing else (a click from the key, say) answers twice.
    expect([...answers]).toEqual([['calf'], [], ['insertion']])
  })

  test('a region follows its checkbox when the checkbox is ticked or unticked in the list', async () => {
    const user = userEvent.setup()
    renderQuestion()
    await user.click(listBox(labels.bump))
    expect(region(labels.bump)).toHaveAttribute('aria-checked', 'true')
    expectRegionsAndListAgree()
    await user.click(listBox(labels.bump))
    expect(region(labels.bump)).toHaveAttribute('aria-checked', 'false')
    expectRegionsAndListAgree()
  })

  test('choosing the exclusive option in the list clears the regions, and tapping a region then clears it', async () => {
    const user = userEvent.setup()
    const answers = renderQuestion()
    await tapEach(user, region, labels.calf, labels.bump)

    await user.click(listBox(labels.elsewhere))
    for (const r of within(picture()).getAllByRole('checkbox')) expect(r).toHaveAttribute('aria-checked', 'false')
    expectRegionsAndListAgree()

    await user.click(region(labels.insertion))
    expect(listBox(labels.elsewhere)).not.toBeChecked()
    expectRegionsAndListAgree()
    expect([...answers]).toEqual([['calf'], ['calf', 'bump'], ['elsewhere'], ['insertion']])
  })

  test('only the options the question offers and the picture knows are drawn, in the order of the list', () => {
    renderQuestion({ ...where, options: [...where.options, { value: 'knee', label: 'In the knee' }] })
    const drawn = within(picture()).getAllByRole('checkbox').map((r) => r.getAttribute('aria-label'))
    expect(drawn).toEqual([labels.calf, labels.insertion, labels.bump])
  })

  test('a multiple-choice question without a picture shows only its checkboxes', () => {
    const { picture: _, ...plain } = where as Extract<Question, { type: 'multi' }>
    renderQuestion(plain)
    expect(screen.queryByRole('group', { name: /^Picture/ })).toBeNull()
    expect(screen.getAllByRole('checkbox')).toHaveLength(4)
  })
})
