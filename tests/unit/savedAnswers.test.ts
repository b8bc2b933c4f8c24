import { beforeEach, describe, expect, test, vi } from 'vitest'
import type { Migration } from '../../src/content/schema'
import { resume, resumeStep } from '../../src/domain/flow/resume'
import { cutNote, NOTE_MAX_LENGTH, STORAGE_KEY, STORE_VERSION, UNREADABLE_KEY } from '../../src/domain/record/saved'
import { calm, snapped, under16 } from './support/answers'

const save = (state: object, version = STORE_VERSION) => JSON.stringify({ state, version })
/** A fresh start: nothing answered, on the welcome screen. */
const fresh = { answers: {}, step: 'welcome', editing: false, questionnaireVersion: 2, note: '', recheck: [] }

/** what a new page load makes of this saved copy: the record it starts with and what it tells the person */
async function load(raw: string | null) {
  localStorage.clear()
  if (raw !== null) localStorage.setItem(STORAGE_KEY, raw)
  vi.resetModules()
  const { useAnswers } = await import('../../src/session/answersStore')
  const { answers, step, editing, questionnaireVersion, note, recheck, notice } = useAnswers.getState()
  return { saved: { answers, step, editing, questionnaireVersion, note, recheck }, notice }
}

describe('loading saved answers', () => {
  test('a good saved copy comes back as it was, with no message', async () => {
    const state = {
      answers: { ...calm, 'pain.worst': 6, 'scope.where': ['insertion'] },
      step: 'footwear',
      editing: false,
      questionnaireVersion: 2,
      note: 'Ask about <b>heel lifts</b> 🦶\nשאלה',
      recheck: ['pain.worst'],
    }
    expect(await load(save(state))).toEqual({ saved: state, notice: null })
  })

  test('a copy saved before notes existed loads with an empty note and nothing to recheck, with no message', async () => {
    const state = { answers: { ...calm }, step: 'footwear', editing: false, questionnaireVersion: 2 }
    expect(await load(save(state))).toEqual({ saved: { ...state, note: '', recheck: [] }, notice: null })
  })

  test('nothing saved means a fresh start with no message', async () => {
    expect(await load(null)).toEqual({ saved: fresh, notice: null })
  })

  test('a corrupted copy gives a clear message, a fresh start, and is set aside rather than lost', async () => {
    const loaded = await load('{"state": {"answers": {"urgent.snap": "no"')
    expect(loaded.saved).toEqual(fresh)
    expect(loaded.notice).toMatch(/could not read the answers saved on this device/)
    expect(localStorage.getItem(UNREADABLE_KEY)).toBe('{"state": {"answers": {"urgent.snap": "no"')
  })

  test('answers that do not fit the questions are dropped one by one, and the person is told', async () => {
    const loaded = await load(
      save({
        answers: {
          'urgent.snap': 'no',
          'urgent.weight': 'maybe', // not an option
          'pain.worst': 42, // off the scale
          'scope.where': ['insertion', 'insertion'], // repeated
          'pain.eventDate': '<script>alert(1)</script>', // not a date
          'made.up': 'yes', // no such question
          'scope.side': 'left',
        },
        step: 'pain',
        editing: false,
        questionnaireVersion: 2,
      }),
    )
    expect(loaded.saved?.answers).toEqual({ 'urgent.snap': 'no', 'scope.side': 'left' })
    expect(loaded.notice).toBe('5 saved answers could not be used. Please check your answers again.')
  })

  test('answers saved for an older version of the questions keep what still fits and say why the rest went', async () => {
    const loaded = await load(save({ answers: { 'urgent.snap': 'no', 'footwear.colour': 'red' }, step: 'review', editing: false, questionnaireVersion: 0 }))
    expect(loaded.saved?.answers).toEqual({ 'urgent.snap': 'no' })
    expect(loaded.notice).toBe('One saved answer could not be used because the questions have changed. Please check your answers again.')
  })

  test.each([0, -1, 0.5, '1', null])('a copy claiming version %s is treated as unreadable', async (version) => {
    const loaded = await load(JSON.stringify({ state: { answers: calm, step: 'review' }, version }))
    expect(loaded.saved).toEqual(fresh)
    expect(loaded.notice).toMatch(/could not read the answers/)
  })

  test.each([null, [], 'answers'])('answers stored as %j are unreadable, and the message says so', async (answers) => {
    const loaded = await load(save({ answers, step: 'pain', editing: false, questionnaireVersion: 2 }))
    expect(loaded.saved?.answers).toEqual({})
    expect(loaded.notice).toMatch(/could not read the answers/)
  })

  test('a date that is not on the calendar, and "nothing yet" beside a treatment, are dropped', async () => {
    const loaded = await load(
      save({
        answers: { 'pain.eventDate': '2026-02-31', 'tried.list': ['none', 'rest'], 'injuries.past': ['none'] },
        step: 'review',
        editing: false,
        questionnaireVersion: 2,
      }),
    )
    expect(loaded.saved?.answers).toEqual({ 'injuries.past': ['none'] })
    expect(loaded.notice).toBe('2 saved answers could not be used. Please check your answers again.')
  })

  test('keys such as __proto__ are ignored rather than trusted', async () => {
    const loaded = await load('{"state":{"answers":{"__proto__":{"urgent.snap":"yes"},"constructor":"x","urgent.snap":"no"},"step":"soon","editing":false,"questionnaireVersion":1},"version":1}')
    expect(loaded.saved?.answers).toEqual({ 'urgent.snap': 'no' })
    expect(Object.getPrototypeOf(loaded.saved?.answers)).toBe(Object.prototype)
  })

  test('a copy from a newer version of the app is not guessed at', async () => {
    const loaded = await load(save({ answers: calm, step: 'review' }, STORE_VERSION + 1))
    expect(loaded.saved).toEqual(fresh)
    expect(loaded.notice).toMatch(/newer version/)
  })

})

describe('where a returning person resumes', () => {
  test('an unknown position falls back to the review of what was kept, and says so', async () => {
    const loaded = await load(save({ answers: calm, step: 'nowhere', editing: 'yes', questionnaireVersion: 2 }))
    expect(loaded.saved).toMatchObject({ step: 'nowhere', editing: false })
    expect(resume(loaded.saved)).toEqual({ step: 'review', editing: false, notice: 'We could not tell where you were, so here are your answers to check.' })
    expect(resume({ ...fresh, step: 'nowhere' })).toEqual({ step: 'welcome', editing: false, notice: null })
  })

  test('on the step they were on', () => {
    expect(resumeStep('footwear', { ...calm })).toBe('footwear')
    expect(resumeStep('welcome', {})).toBe('welcome')
  })

  test('never past an unanswered warning-sign question, whatever the saved step says', () => {
    expect(resumeStep('result', {})).toBe('scope')
    const { ['soon.signs']: _, ...missingOne } = calm
    expect(resumeStep('diet', missingOne)).toBe('soon')
  })

  test('on the result after an urgent warning, even with later sections unanswered', () => {
    const { ['soon.signs']: _, ...urgentOnly } = snapped
    expect(resumeStep('result', urgentOnly)).toBe('result')
    expect(resumeStep('urgentAdvice', snapped)).toBe('urgentAdvice')
    expect(resumeStep('urgentAdvice', calm)).toBe('soon')
  })

  test('on the out-of-scope screen when the answers put them out of scope', () => {
    expect(resumeStep('diet', under16)).toBe('outOfScope')
    expect(resumeStep('outOfScope', under16)).toBe('outOfScope')
    expect(resumeStep('outOfScope', calm)).toBe('urgent')
  })
})

describe('the note and the answers that need another look', () => {
  const base = { answers: { ...calm }, step: 'footwear', editing: false, questionnaireVersion: 2 }

  test('a note is kept exactly as written: markup, emoji, right-to-left text and new lines', async () => {
    const note = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n👩🏽‍⚕️ 🦶\r\nמה לשאול את הפיזיותרפיסט?\n\n  spaced  '
    expect(await load(save({ ...base, note }))).toEqual({ saved: { ...base, note, recheck: [] }, notice: null })
  })

  test('a note that is not text is left out, the answers are kept, and the person is told', async () => {
    const loaded = await load(save({ ...base, note: { text: 'hi' } }))
    expect(loaded.saved).toEqual({ ...base, note: '', recheck: [] })
    expect(loaded.notice).toBe('We could not read the note saved on this device, so it was left out.')
    expect(localStorage.getItem(UNREADABLE_KEY)).not.toBeNull()
  })

  test('a note over the limit is cut to the limit, and the person is told', async () => {
    const loaded = await load(save({ ...base, note: 'a'.repeat(NOTE_MAX_LENGTH + 50) }))
    expect(loaded.saved?.note).toBe('a'.repeat(NOTE_MAX_LENGTH))
    expect(loaded.notice).toBe('Your note was longer than 1,000 characters, so only the first 1,000 were kept.')
  })

  test('cutting a note never splits a character made of two code units', () => {
    expect(cutNote('a'.repeat(NOTE_MAX_LENGTH - 1) + '😀b')).toBe('a'.repeat(NOTE_MAX_LENGTH - 1))
    expect(cutNote('a'.repeat(NOTE_MAX_LENGTH - 2) + '😀b')).toBe('a'.repeat(NOTE_MAX_LENGTH - 2) + '😀')
    const exact = 'a'.repeat(NOTE_MAX_LENGTH - 2) + '😀'
    expect(cutNote(exact)).toBe(exact)
  })

  test('only questions that exist stay on the list to look at again, once each', async () => {
    const loaded = await load(save({ ...base, recheck: ['pain.worst', 'made.up', 7, 'scope.side', 'pain.worst', '__proto__'] }))
    expect(loaded.saved?.recheck).toEqual(['scope.side', 'pain.worst'])
    expect(loaded.notice).toBeNull()
    expect((await load(save({ ...base, recheck: 'scope.side' }))).saved.recheck).toEqual([])
  })

  test('answers saved for questions newer than this app are set aside, not guessed at', async () => {
    const raw = save({ ...base, questionnaireVersion: 3 })
    const loaded = await load(raw)
    expect(loaded).toEqual({
      saved: fresh,
      notice: 'The answers on this device were saved by a newer version of this app, so the check starts fresh here.',
    })
    expect(localStorage.getItem(UNREADABLE_KEY)).toBe(raw)
  })
})

describe('when the questions have been updated since the last visit', () => {
  /** a page load of an app whose questionnaire is at version 3, with this migration from version 2 */
  async function appAtVersion3(migration: Migration) {
    vi.doMock('../../src/content/questionnaire', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/content/questionnaire')>()
      return { ...real, questionnaire: { ...real.questionnaire, version: 3 }, migrations: [...real.migrations, migration] }
    })
    return async (raw: string) => {
      try {
        return await load(raw)
      } finally {
        vi.doUnmock('../../src/content/questionnaire')
      }
    }
  }
  const update: Migration = {
    from: 2,
    to: 3,
    changes: [{ rename: 'scope.whichSide', to: 'scope.side' }, { question: 'pain.onset', values: { 'all-at-once': 'sudden' } }, { recheck: 'pain.worst' }],
  }

  test('the answers are carried forward and the ones to look at again are marked on the review page', async () => {
    const loadV3 = await appAtVersion3(update)
    const loaded = await loadV3(
      save({
        answers: { ...calm, 'scope.whichSide': 'left', 'pain.onset': 'all-at-once', 'pain.worst': 6, 'pain.trend': 'throbbing' },
        step: 'footwear',
        editing: true,
        questionnaireVersion: 2,
        note: 'my note',
      }),
    )
    expect(loaded.saved).toEqual({
      answers: { ...calm, 'scope.side': 'left', 'pain.onset': 'sudden', 'pain.worst': 6 },
      step: 'review',
      editing: false,
      questionnaireVersion: 3,
      note: 'my note',
      recheck: ['pain.worst', 'pain.trend'],
    })
    expect(loaded.notice).toBe(
      'The questions have been updated since you last visited. 2 of your answers need another look: they are marked on the review page.',
    )
  })

  test('one answer to look at again is told in the singular', async () => {
    const loadV3 = await appAtVersion3(update)
    const loaded = await loadV3(save({ answers: { ...calm, 'pain.worst': 6 }, step: 'footwear', editing: false, questionnaireVersion: 2 }))
    expect(loaded.notice).toBe(
      'The questions have been updated since you last visited. One of your answers needs another look: it is marked on the review page.',
    )
  })

  test('an update that needs nothing looked at again goes unnoticed: same place, no message', async () => {
    const loadV3 = await appAtVersion3(update)
    const loaded = await loadV3(save({ answers: { ...calm, 'scope.whichSide': 'right' }, step: 'footwear', editing: false, questionnaireVersion: 2 }))
    expect(loaded).toEqual({
      saved: { answers: { ...calm, 'scope.side': 'right' }, step: 'footwear', editing: false, questionnaireVersion: 3, note: '', recheck: [] },
      notice: null,
    })
  })
})

describe('the answers store and the record lifecycle', () => {
  let useAnswers: typeof import('../../src/session/answersStore').useAnswers
  beforeEach(async () => {
    vi.resetModules()
    ;({ useAnswers } = await import('../../src/session/answersStore'))
  })
  const stored = () => (JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { state: Record<string, unknown> } | null)?.state

  test('keeps the note as typed, cut at the limit, and saves it on this device', () => {
    useAnswers.getState().setNote('<b>Ask</b> 🦶\nשאלה')
    expect(useAnswers.getState().note).toBe('<b>Ask</b> 🦶\nשאלה')
    expect(stored()?.note).toBe('<b>Ask</b> 🦶\nשאלה')
    useAnswers.getState().setNote('x'.repeat(NOTE_MAX_LENGTH + 1))
    expect(useAnswers.getState().note).toHaveLength(NOTE_MAX_LENGTH)
  })

  test('answering a question again takes it off the list to look at again', () => {
    useAnswers.setState({ recheck: ['scope.side', 'pain.worst'] })
    useAnswers.getState().setAnswer('scope.side', 'left')
    expect(useAnswers.getState().recheck).toEqual(['pain.worst'])
    expect(stored()?.recheck).toEqual(['pain.worst'])
    useAnswers.getState().clearRecheck()
    expect(useAnswers.getState().recheck).toEqual([])
  })

  test("a file's record replaces the whole record at once, and opens at its review", async () => {
    const { send, flow } = await import('../../src/session/flow')
    useAnswers.getState().setAnswer('urgent.snap', 'yes')
    const saved = { answers: { ...calm }, note: 'from the file', step: 'welcome', editing: false, recheck: ['pain.worst'], questionnaireVersion: 2 }
    send({ type: 'record.replace', record: { saved, notice: null } })
    expect(flow.getSnapshot().value).toBe('review')
    const record = { ...saved, step: 'review' }
    expect(useAnswers.getState()).toMatchObject(record)
    // A new epoch, marked as a file's, so another open tab follows it (src/domain/record/sync.ts).
    expect(stored()).toEqual({ ...record, epoch: { at: expect.any(Number), id: expect.any(String), file: true }, stamps: {} })
    // The person is told, with the import's own words when it has some.
    expect(useAnswers.getState().notice).toBe('Your answers from the file are in. Please check them.')
    send({ type: 'record.replace', record: { saved, notice: '2 of your answers need another look.' } })
    expect(useAnswers.getState().notice).toBe('2 of your answers need another look.')
  })

  test('start over forgets the answers, the note and the list to look at again, and leaves nothing stored', async () => {
    const { send, flow } = await import('../../src/session/flow')
    const saved = { answers: { ...calm }, note: 'n', step: 'review', editing: false, recheck: ['pain.worst'], questionnaireVersion: 2 }
    send({ type: 'record.replace', record: { saved, notice: null } })
    send({ type: 'wizard.restart' })
    expect(flow.getSnapshot().value).toBe('welcome')
    expect(useAnswers.getState()).toMatchObject({ answers: {}, note: '', recheck: [], step: 'welcome', editing: false })
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  test('says so when nothing can be kept on this device', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError')
    })
    useAnswers.getState().setNote('a note')
    await Promise.resolve()
    expect(useAnswers.getState().note).toBe('a note')
    expect(useAnswers.getState().notice).toMatch(/can't be saved on this device/)
  })
})
