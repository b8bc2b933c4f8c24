/**
 * Every saved, imported or typed value is checked where it enters (docs/decisions/014): dates with
 * a four-digit year only, a saved copy with fields the app does not know set aside with a word to
 * the person, and a set-aside copy made to fit the storage. (An import too deep to be ours is tested
 * in Chromium, tests/e2e/record.spec.ts: Node's larger stack does not overflow where a browser's does;
 * the depth check itself is tested here, on raw text.)
 */
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { STORAGE_KEY, UNREADABLE_KEY } from '../../src/domain/record/saved'
import { calm } from './support/answers'

/** what a new page load makes of this saved copy: the store as it starts */
async function load(raw: string) {
  localStorage.clear()
  localStorage.setItem(STORAGE_KEY, raw)
  vi.resetModules()
  const { useAnswers } = await import('../../src/session/answersStore')
  return useAnswers
}

const save = (state: object) => JSON.stringify({ state, version: 1 })
const good = { answers: { ...calm, 'pain.worst': 6 }, step: 'footwear', editing: false, questionnaireVersion: 2, note: 'my note', recheck: [] }

describe('an event date', () => {
  let useAnswers: Awaited<ReturnType<typeof load>>
  beforeEach(async () => {
    useAnswers = await load(save(good))
  })

  test.each(['20260-01-01', '0-01-01', '+002026-01-01', '2026-1-1', '2026-02-30'])('"%s" is never stored, typed or not', (typed) => {
    useAnswers.getState().setAnswer('pain.eventDate', '2026-01-01')
    useAnswers.getState().setAnswer('pain.eventDate', typed)
    expect(useAnswers.getState().answers['pain.eventDate']).toBeUndefined()
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.answers['pain.eventDate']).toBeUndefined()
  })

  test('with a four-digit year is stored as typed', () => {
    useAnswers.getState().setAnswer('pain.eventDate', '9999-12-31')
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.answers['pain.eventDate']).toBe('9999-12-31')
  })

  test('an option a question does not have leaves it unanswered, and a question that does not exist is never stored', () => {
    useAnswers.getState().setAnswer('urgent.snap', 'maybe')
    useAnswers.getState().setAnswer('made.up', 'yes')
    useAnswers.getState().setAnswer('pain.worst', 11)
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.answers
    const rest: Record<string, unknown> = { ...good.answers }
    delete rest['urgent.snap']
    delete rest['pain.worst']
    expect(stored).toEqual(rest)
  })
})

describe('a saved copy with a field the app does not know', () => {
  test('("answrs" for "answers") is set aside whole, and the person is told, instead of starting empty without a word', async () => {
    const raw = save({ ...good, answers: undefined, answrs: good.answers })
    const useAnswers = await load(raw)
    expect(localStorage.getItem(UNREADABLE_KEY)).toBe(raw)
    expect(useAnswers.getState().notice).toBe(
      'Part of the answers saved on this device could not be read, so it was left out. Please check your answers.',
    )
  })

  test('beside good answers keeps the answers it can read, sets the copy aside and says so', async () => {
    const raw = save({ ...good, colour: 'blue' })
    const useAnswers = await load(raw)
    expect(useAnswers.getState().answers).toEqual(good.answers)
    expect(useAnswers.getState().note).toBe('my note')
    expect(localStorage.getItem(UNREADABLE_KEY)).toBe(raw)
    expect(useAnswers.getState().notice).toMatch(/^Part of the answers saved on this device could not be read/)
  })
})

describe('setting an unreadable copy aside', () => {
  // jsdom, like browsers, lets an origin keep about 5 million characters.
  const big = `{"state":{"answers":{"pain.worst":"${'9'.repeat(3_000_000)}`

  test('a copy too big to keep twice is moved aside rather than lost', async () => {
    const useAnswers = await load(big)
    expect(localStorage.getItem(UNREADABLE_KEY)).toBe(big)
    expect(useAnswers.getState().notice).toBe('We could not read the answers saved on this device, so the check starts fresh. Nothing was sent anywhere.')
  })

  test('when it cannot be kept at all, the person is told so', async () => {
    const setItem = Storage.prototype.setItem
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (key === UNREADABLE_KEY) throw new DOMException('full', 'QuotaExceededError')
      setItem.call(this, key, value)
    })
    const useAnswers = await load('{"state": {"answers": {"urgent.snap": "no"')
    expect(useAnswers.getState().notice).toBe(
      'We could not read the answers saved on this device, so the check starts fresh. Nothing was sent anywhere. There was no room on this device to keep a copy of what could not be read.',
    )
  })
})

describe('an import or saved copy nested deeper than anything the app writes', () => {
  test('is caught on its raw text, before any code that calls itself once per level reads it', async () => {
    const { jsonDepthWithin, MAX_JSON_DEPTH } = await import('../../src/domain/record/limits')
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`
    expect(jsonDepthWithin(nested(3000))).toBe(false)
    expect(jsonDepthWithin(nested(MAX_JSON_DEPTH + 1))).toBe(false)
    expect(jsonDepthWithin(nested(MAX_JSON_DEPTH))).toBe(true)
    // brackets inside a string (a note, with an escaped quote before them) are text, not nesting
    expect(jsonDepthWithin(`{"note":"\\"${'['.repeat(3000)}"}`)).toBe(true)
  })
})
