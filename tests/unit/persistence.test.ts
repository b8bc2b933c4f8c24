/**
 * Asking the browser to keep the answers (src/session/persistence.ts), with the browser's answer
 * made up: when the request is made, and when (and how often) the person is told how to keep them.
 * The notice itself, in Chromium, is in tests/e2e/keepAnswers.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useAnswers } from '../../src/session/answersStore'
import { KEEP_ANSWERS_SAID_KEY, useKeepAnswers, watchKeepAnswers } from '../../src/session/persistence'

/** navigator.storage as a browser would have it, answering `persist()` with `grant` */
function browserThatAnswers(grant: boolean | 'throws', persisted = false) {
  const storage = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      if (grant === 'throws') throw new Error('not allowed')
      return grant
    }),
  }
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })
  return storage
}

const at = (step: string, answers: Record<string, string> = {}) => useAnswers.setState({ step, answers })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const telling = () => useKeepAnswers.getState().telling

let stop: () => void = () => {}
beforeEach(() => at('welcome'))
afterEach(() => {
  stop()
  Reflect.deleteProperty(navigator, 'storage')
})

describe('asking the browser to keep the answers', () => {
  test('asks once the person has answered something, not before, and only once', async () => {
    const storage = browserThatAnswers(true)
    stop = watchKeepAnswers()
    at('scope')
    await settle()
    expect(storage.persist).not.toHaveBeenCalled()
    at('scope', { 'scope.age': '16-plus' })
    await settle()
    expect(storage.persist).toHaveBeenCalledTimes(1)
    at('urgent', { 'scope.age': '16-plus', 'scope.surgery': 'no' })
    await settle()
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  test('a person resuming with answers is asked for at once', async () => {
    const storage = browserThatAnswers(true)
    at('pain', { 'scope.age': '16-plus' })
    stop = watchKeepAnswers()
    await settle()
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  test('storage the browser already keeps is not asked for again, and nothing is said', async () => {
    const storage = browserThatAnswers(false, true)
    stop = watchKeepAnswers()
    at('scope', { 'scope.age': '16-plus' })
    await settle()
    at('urgent', { 'scope.age': '16-plus' })
    at('pain', { 'scope.age': '16-plus' })
    expect(storage.persist).not.toHaveBeenCalled()
    expect(telling()).toBe(false)
  })
})

describe('when the browser refuses', () => {
  for (const [how, setUp] of [
    ['says no', () => browserThatAnswers(false)],
    ['throws', () => browserThatAnswers('throws')],
    ['has no storage API (older Safari)', () => undefined],
  ] as const) {
    test(`(${how}) the notice waits for the next calm screen, stays for that one screen, and is remembered as said`, async () => {
      setUp()
      stop = watchKeepAnswers()
      const answers = { 'scope.age': '16-plus' }
      at('scope', answers)
      await settle()
      // Not on the screen being answered, nor among the warning signs.
      expect(telling()).toBe(false)
      at('urgent', answers)
      at('soon', answers)
      expect(telling()).toBe(false)
      expect(localStorage.getItem(KEEP_ANSWERS_SAID_KEY)).toBeNull()
      at('pain', answers)
      expect(telling()).toBe(true)
      expect(localStorage.getItem(KEEP_ANSWERS_SAID_KEY)).not.toBeNull()
      at('tried', answers)
      expect(telling()).toBe(false)
      at('review', answers)
      expect(telling()).toBe(false)
    })
  }

  test('once said, a later visit says nothing', async () => {
    browserThatAnswers(false)
    localStorage.setItem(KEEP_ANSWERS_SAID_KEY, '1')
    at('scope', { 'scope.age': '16-plus' })
    stop = watchKeepAnswers()
    await settle()
    at('pain', { 'scope.age': '16-plus' })
    at('tried', { 'scope.age': '16-plus' })
    expect(telling()).toBe(false)
  })

  test('answers deleted while it shows take the notice with them, and nothing is written after', async () => {
    browserThatAnswers(false)
    stop = watchKeepAnswers()
    at('soon', { 'scope.age': '16-plus' })
    await settle()
    at('pain', { 'scope.age': '16-plus' })
    expect(telling()).toBe(true)
    localStorage.clear()
    at('welcome')
    expect(telling()).toBe(false)
    expect(localStorage.getItem(KEEP_ANSWERS_SAID_KEY)).toBeNull()
  })

  test('closing it hides it', async () => {
    browserThatAnswers(false)
    stop = watchKeepAnswers()
    at('soon', { 'scope.age': '16-plus' })
    await settle()
    at('result', { 'scope.age': '16-plus' })
    expect(telling()).toBe(true)
    useKeepAnswers.getState().dismiss()
    expect(telling()).toBe(false)
  })
})
