import { describe, expect, test } from 'vitest'
import { resumeStep } from '../../src/machine/resume'
import { loadSaved, STORE_VERSION, UNREADABLE_KEY } from '../../src/store/saved'
import { calm, snapped, under16 } from './support/answers'

const save = (state: object, version = STORE_VERSION) => JSON.stringify({ state, version })

describe('loading saved answers', () => {
  test('a good saved copy comes back as it was, with no message', () => {
    const state = { answers: { ...calm, 'pain.worst': 6, 'pain.where': ['insertion'] }, step: 'footwear', editing: false, questionnaireVersion: 1 }
    expect(loadSaved(save(state))).toEqual({ saved: state, notice: null })
  })

  test('nothing saved means a fresh start with no message', () => {
    expect(loadSaved(null)).toEqual({ saved: null, notice: null })
  })

  test('a corrupted copy gives a clear message, a fresh start, and is set aside rather than lost', () => {
    const loaded = loadSaved('{"state": {"answers": {"urgent.snap": "no"')
    expect(loaded.saved).toBeNull()
    expect(loaded.notice).toMatch(/could not read the answers saved on this device/)
    expect(localStorage.getItem(UNREADABLE_KEY)).toBe('{"state": {"answers": {"urgent.snap": "no"')
  })

  test('answers that do not fit the questions are dropped one by one, and the person is told', () => {
    const loaded = loadSaved(
      save({
        answers: {
          'urgent.snap': 'no',
          'urgent.weight': 'maybe', // not an option
          'pain.worst': 42, // off the scale
          'pain.where': ['insertion', 'insertion'], // repeated
          'pain.eventDate': '<script>alert(1)</script>', // not a date
          'made.up': 'yes', // no such question
          'pain.side': 'left',
        },
        step: 'pain',
        editing: false,
        questionnaireVersion: 1,
      }),
    )
    expect(loaded.saved?.answers).toEqual({ 'urgent.snap': 'no', 'pain.side': 'left' })
    expect(loaded.notice).toBe('5 saved answers could not be used. Please check your answers again.')
  })

  test('answers saved for an older version of the questions keep what still fits and say why the rest went', () => {
    const loaded = loadSaved(save({ answers: { 'urgent.snap': 'no', 'footwear.colour': 'red' }, step: 'review', editing: false, questionnaireVersion: 0 }))
    expect(loaded.saved?.answers).toEqual({ 'urgent.snap': 'no' })
    expect(loaded.notice).toBe('One saved answer could not be used because the questions have changed. Please check your answers again.')
  })

  test.each([0, -1, 0.5, '1', null])('a copy claiming version %s is treated as unreadable', (version) => {
    const loaded = loadSaved(JSON.stringify({ state: { answers: calm, step: 'review' }, version }))
    expect(loaded.saved).toBeNull()
    expect(loaded.notice).toMatch(/could not read the answers/)
  })

  test.each([null, [], 'answers'])('answers stored as %j are unreadable, and the message says so', (answers) => {
    const loaded = loadSaved(save({ answers, step: 'pain', editing: false, questionnaireVersion: 1 }))
    expect(loaded.saved?.answers).toEqual({})
    expect(loaded.notice).toMatch(/could not read the answers/)
  })

  test('a date that is not on the calendar, and "nothing yet" beside a treatment, are dropped', () => {
    const loaded = loadSaved(
      save({
        answers: { 'pain.eventDate': '2026-02-31', 'tried.list': ['none', 'rest'], 'injuries.past': ['none'] },
        step: 'review',
        editing: false,
        questionnaireVersion: 1,
      }),
    )
    expect(loaded.saved?.answers).toEqual({ 'injuries.past': ['none'] })
    expect(loaded.notice).toBe('2 saved answers could not be used. Please check your answers again.')
  })

  test('keys such as __proto__ are ignored rather than trusted', () => {
    const loaded = loadSaved('{"state":{"answers":{"__proto__":{"urgent.snap":"yes"},"constructor":"x","urgent.snap":"no"},"step":"soon","editing":false,"questionnaireVersion":1},"version":1}')
    expect(loaded.saved?.answers).toEqual({ 'urgent.snap': 'no' })
    expect(Object.getPrototypeOf(loaded.saved?.answers)).toBe(Object.prototype)
  })

  test('a copy from a newer version of the app is not guessed at', () => {
    const loaded = loadSaved(save({ answers: calm, step: 'review' }, STORE_VERSION + 1))
    expect(loaded.saved).toBeNull()
    expect(loaded.notice).toMatch(/newer version/)
  })

  test('an unknown position falls back to the review of what was kept', () => {
    const loaded = loadSaved(save({ answers: calm, step: 'nowhere', editing: 'yes', questionnaireVersion: 1 }))
    expect(loaded.saved).toMatchObject({ step: 'review', editing: false })
    expect(loaded.notice).toMatch(/could not tell where you were/)
  })
})

describe('where a returning person resumes', () => {
  test('on the step they were on', () => {
    expect(resumeStep('footwear', { ...calm })).toBe('footwear')
    expect(resumeStep('welcome', {})).toBe('welcome')
  })

  test('never past an unanswered warning-sign question, whatever the saved step says', () => {
    expect(resumeStep('result', {})).toBe('urgent')
    const { ['soon.nerve']: _, ...missingOne } = calm
    expect(resumeStep('diet', missingOne)).toBe('soon')
  })

  test('on the result after an urgent warning, even with later sections unanswered', () => {
    expect(resumeStep('result', { 'urgent.snap': 'yes', 'urgent.pushOff': 'no', 'urgent.weight': 'no', 'urgent.calf': 'no', 'urgent.infection': 'no', 'urgent.medicine': 'no' })).toBe('result')
    expect(resumeStep('urgentAdvice', snapped)).toBe('urgentAdvice')
    expect(resumeStep('urgentAdvice', calm)).toBe('soon')
  })

  test('on the out-of-scope screen when the answers put them out of scope', () => {
    expect(resumeStep('diet', under16)).toBe('outOfScope')
    expect(resumeStep('outOfScope', calm)).toBe('pain')
  })
})
