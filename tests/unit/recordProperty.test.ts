/**
 * Random and malformed saved copies and files, through loading (the store as a page load makes it)
 * and through "Open answers from a file" (src/session/lifecycle.ts): nothing ever throws, a refused
 * file changes nothing stored, a saved copy the app cannot fully use is kept aside rather than
 * lost, and whenever the answers hold a warning sign it still leads the result. The expected flags
 * come from the hand-written oracle (tests/unit/support/oracleFlags.ts) and files are sealed with
 * the tests' own checksum (tests/unit/support/oracleIntegrity.ts).
 */
import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { migrations, questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations, sources } from '../../src/content/recommendations'
import type { Answers } from '../../src/content/schema'
import { DAMAGED_MESSAGE, EMPTY_MESSAGE, importRecord, NEWER_MESSAGE, NOT_OURS_MESSAGE, TOO_BIG_MESSAGE } from '../../src/domain/record/importFile'
import { STORAGE_KEY, UNREADABLE_KEY } from '../../src/domain/record/saved'
import { buildSummary } from '../../src/domain/summary'
import { arbitraryAnswers } from './support/arbitraryAnswers'
import { oracleFlags } from './support/oracleFlags'
import { oracleReseal } from './support/oracleIntegrity'

const content = { questionnaire, redFlags, recommendations, sources }
const TODAY = '2026-11-24'
const refusals = [DAMAGED_MESSAGE, EMPTY_MESSAGE, NEWER_MESSAGE, NOT_OURS_MESSAGE, TOO_BIG_MESSAGE]
const sorted = (ids: Iterable<string>) => [...ids].sort()

/** the flags the result leads with for these answers */
function flagsShown(answers: Answers): string[] {
  const { status } = buildSummary(content, answers, TODAY, { app: 'test', rules: 'test' })
  return sorted(status ? [...status.flags, ...status.alsoMention].map((f) => f.item.id) : [])
}

/** a file as the app saves it, for these answers, with a checksum worked out by the tests */
const fileFor = (answers: Answers, note = '') => ({
  app: 'achilles-self-check',
  kind: 'answers',
  format: 1,
  exportedAt: '2026-11-24T10:00:00.000Z',
  appVersion: '1',
  rulesVersion: '1',
  questionnaireVersion: questionnaire.version,
  answers,
  note,
  result: { urgency: 'self-care', warnings: [], suggestions: [] },
})

/** Any JSON value, with the keys and values a saved copy or a file has mixed in, and deep nesting now and then. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -1, 1.5, 2, '', 'yes', 'no', '2026-01-01', '20260-01-01', '__proto__', 'achilles-self-check', 'answers'),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('answers', 'answrs', 'state', 'version', 'note', 'step', 'recheck', 'epoch', 'stamps', '__proto__', 'urgent.snap', 'pain.eventDate'), fc.string()),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value

/** A malformed file: random text, random JSON, or a real file with one part changed, cut or nested deep. */
const malformedFile = fc.oneof(
  fc.string(),
  json.map((v) => JSON.stringify(v)),
  fc.tuple(arbitraryAnswers, fc.constantFrom('app', 'kind', 'format', 'answers', 'note', 'result', 'questionnaireVersion', 'extra'), json).map(([answers, key, v]) =>
    oracleReseal({ ...fileFor(answers), [key]: v }),
  ),
  fc.tuple(arbitraryAnswers, fc.nat()).map(([answers, cut]) => {
    const text = oracleReseal(fileFor(answers))
    return text.slice(0, cut % text.length)
  }),
  fc.integer({ min: 21, max: 5_000 }).map((levels) => oracleReseal(fileFor({})).replace('"self-care"', `${'['.repeat(levels)}${']'.repeat(levels)}`)),
)

describe('files, random and malformed', () => {
  test('opening one never throws: it opens, or is refused with one of the messages, and a refusal leaves the device as it was', async () => {
    const { openFile } = await import('../../src/session/lifecycle')
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ state: { answers: { 'urgent.snap': 'no' }, step: 'review', editing: false, questionnaireVersion: 2, note: 'mine', recheck: [] }, version: 1 }))
    const before = JSON.stringify({ ...localStorage })
    await fc.assert(
      fc.asyncProperty(malformedFile, async (text) => {
        const read = await openFile(new File([text], 'achilles-self-check-2026-11-24.json'))
        if ('refused' in read) expect(refusals).toContain(read.refused)
        expect(JSON.stringify({ ...localStorage })).toBe(before)
      }),
      { numRuns: 300 },
    )
  })

  test('a good file with any answers opens with them, and the result leads with every warning sign they hold', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryAnswers, fc.string({ maxLength: 40 }), async (answers, note) => {
        const read = await importRecord(oracleReseal(fileFor(answers, note)), { questionnaire }, migrations)
        expect(read.ok).toBe(true)
        if (!read.ok) return
        expect(read.saved.answers).toEqual(answers)
        expect(flagsShown(read.saved.answers), 'the flags in the result').toEqual(sorted(oracleFlags(answers)))
      }),
      { numRuns: 200 },
    )
  })
})

/** what a page load makes of this saved copy */
async function load(raw: string) {
  localStorage.clear()
  localStorage.setItem(STORAGE_KEY, raw)
  vi.resetModules()
  const { useAnswers } = await import('../../src/session/answersStore')
  return useAnswers.getState()
}

/** A malformed saved copy: random text, random JSON, or a real copy with one part changed or a field misspelt. */
const malformedCopy = fc.oneof(
  fc.string(),
  json.map((v) => JSON.stringify(v)),
  fc.tuple(json, json).map(([state, version]) => JSON.stringify({ state, version })),
  fc
    .tuple(arbitraryAnswers, fc.constantFrom('answers', 'answrs', 'step', 'note', 'recheck', 'questionnaireVersion', 'epoch', 'stamps', 'colour'), json)
    .map(([answers, key, v]) => JSON.stringify({ state: { answers, step: 'review', editing: false, questionnaireVersion: 2, note: '', recheck: [], [key]: v }, version: 1 })),
)

describe('saved copies, random and malformed', () => {
  test('loading one never throws, and a copy the app could not fully use is kept aside, whole, with a word to the person', async () => {
    await fc.assert(
      fc.asyncProperty(malformedCopy, async (raw) => {
        const state = await load(raw)
        if (localStorage.getItem(UNREADABLE_KEY) === raw) {
          expect(state.notice, 'the person is told').not.toBeNull()
          return
        }
        // Not set aside: then every field of the copy is one the app holds, every answer came through
        // as it was, and so did the note.
        const saved = (JSON.parse(raw) as { state: { answers?: Record<string, unknown>; note?: unknown } }).state
        for (const field of Object.keys(saved)) expect(Object.keys(state), `the field "${field}"`).toContain(field)
        expect(state.answers).toEqual(saved.answers ?? {})
        if (typeof saved.note === 'string') expect(state.note).toBe(saved.note)
      }),
      { numRuns: 120 },
    )
  })

  test('a good copy with any answers comes back with them, and the result leads with every warning sign they hold', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryAnswers, async (answers) => {
        const state = await load(JSON.stringify({ state: { answers, step: 'review', editing: false, questionnaireVersion: 2, note: '', recheck: [] }, version: 1 }))
        expect(state.notice).toBeNull()
        expect(state.answers).toEqual(answers)
        expect(flagsShown(state.answers), 'the flags in the result').toEqual(sorted(oracleFlags(answers)))
      }),
      { numRuns: 60 },
    )
  })
})
