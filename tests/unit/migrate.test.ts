import { describe, expect, test } from 'vitest'
import type { Migration, Question, Questionnaire } from '../../src/content/schema'
import { migrateAnswers } from '../../src/domain/record/migrate'

const options = (...values: string[]) => values.map((value) => ({ value, label: value }))
const question = (q: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => ({ label: q.id, short: q.id, ...q }) as Question

/** A small made-up questionnaire at version 3: what the answers must fit after migrating. */
const v3: Questionnaire = {
  version: 3,
  factors: [{ id: 'load', title: 'Load' }],
  sections: [
    {
      id: 'pain',
      stage: 'pain',
      title: 'Pain',
      short: 'Pain',
      questions: [
        question({ id: 'pain.side', type: 'single', options: options('left', 'right', 'both') }),
        question({ id: 'pain.where', type: 'multi', options: [...options('insertion', 'mid-tendon', 'calf'), { value: 'none', label: 'None', exclusive: true }] }),
        question({ id: 'pain.worst', type: 'scale', min: 0, max: 10, minLabel: 'none', maxLabel: 'worst' }),
        question({ id: 'pain.onset', type: 'single', options: options('sudden', 'gradual') }),
      ],
    },
  ],
}

/**
 * Version 1 asked "pain.which" with values l/r and a "pain.colour" question; version 2 renamed and
 * remapped them and dropped the colour; version 3 merged two places into "insertion" and changed
 * the pain scale, so scale answers need another look.
 */
const oneToTwo: Migration = {
  from: 1,
  to: 2,
  changes: [{ rename: 'pain.which', to: 'pain.side' }, { question: 'pain.side', values: { l: 'left', r: 'right' } }, { remove: 'pain.colour' }],
}
const twoToThree: Migration = {
  from: 2,
  to: 3,
  changes: [{ question: 'pain.where', values: { heel: 'insertion', back: 'insertion', middle: 'mid-tendon' } }, { recheck: 'pain.worst' }],
}
const migrations = [oneToTwo, twoToThree]

describe('carrying answers forward to new questions', () => {
  test('a renamed question keeps its answer under the new id', () => {
    const m = migrateAnswers(v3, migrations, 1, { 'pain.which': 'both' })
    expect(m).toEqual({ answers: { 'pain.side': 'both' }, recheck: [], dropped: 0, ok: true })
  })

  test('a changed option value is mapped to the new value', () => {
    expect(migrateAnswers(v3, migrations, 1, { 'pain.which': 'l' }).answers).toEqual({ 'pain.side': 'left' })
  })

  test('a multiple-choice answer has each value mapped, and two old values that became one appear once', () => {
    const m = migrateAnswers(v3, migrations, 2, { 'pain.where': ['heel', 'back', 'middle', 'calf'] })
    expect(m.answers).toEqual({ 'pain.where': ['insertion', 'mid-tendon', 'calf'] })
    expect(m.recheck).toEqual([])
  })

  test('a removed question takes its answer with it, without counting it as lost or asking again', () => {
    const m = migrateAnswers(v3, migrations, 1, { 'pain.colour': 'red', 'pain.onset': 'sudden' })
    expect(m).toEqual({ answers: { 'pain.onset': 'sudden' }, recheck: [], dropped: 0, ok: true })
  })

  test('a question marked for another look keeps its answer and is listed for recheck', () => {
    const m = migrateAnswers(v3, migrations, 2, { 'pain.worst': 7 })
    expect(m).toEqual({ answers: { 'pain.worst': 7 }, recheck: ['pain.worst'], dropped: 0, ok: true })
  })

  test('a question marked for another look that was never answered is not listed', () => {
    expect(migrateAnswers(v3, migrations, 2, { 'pain.onset': 'gradual' }).recheck).toEqual([])
  })

  test('an answer that no longer fits a question that still exists is dropped and the question is asked again', () => {
    const m = migrateAnswers(v3, migrations, 2, { 'pain.onset': 'slowly', 'pain.where': ['elsewhere'] })
    expect(m).toEqual({ answers: {}, recheck: ['pain.where', 'pain.onset'], dropped: 2, ok: true })
  })

  test('an answer to a question that does not exist is dropped and not asked again', () => {
    expect(migrateAnswers(v3, migrations, 2, { 'made.up': 'yes' })).toEqual({ answers: {}, recheck: [], dropped: 1, ok: true })
  })

  test('two steps apply in order, from version 1 through 2 to 3', () => {
    const m = migrateAnswers(v3, migrations, 1, { 'pain.which': 'r', 'pain.where': ['heel'], 'pain.worst': 3, 'pain.colour': 'blue' })
    expect(m).toEqual({
      answers: { 'pain.side': 'right', 'pain.where': ['insertion'], 'pain.worst': 3 },
      recheck: ['pain.worst'],
      dropped: 0,
      ok: true,
    })
  })

  test('answers already waiting for another look stay listed, following a rename', () => {
    const m = migrateAnswers(v3, migrations, 1, { 'pain.which': 'l' }, ['pain.which', 'pain.colour'])
    expect(m.recheck).toEqual(['pain.side'])
  })

  test('answers given to today\'s version are only checked, not migrated', () => {
    expect(migrateAnswers(v3, [], 3, { 'pain.side': 'left', 'pain.worst': 11 })).toEqual({
      answers: { 'pain.side': 'left' },
      recheck: ['pain.worst'],
      dropped: 1,
      ok: true,
    })
  })

  test('a missing step means there is no way forward', () => {
    expect(migrateAnswers(v3, [oneToTwo], 1, { 'pain.which': 'l' })).toEqual({ answers: {}, recheck: [], dropped: 0, ok: false })
    expect(migrateAnswers(v3, [twoToThree], 1, { 'pain.which': 'l' }).ok).toBe(false)
  })

  test.each([4, 0, -1, 1.5, Number.NaN])('version %s, newer than the app or not a real version, has no way forward', (from) => {
    expect(migrateAnswers(v3, migrations, from, { 'pain.side': 'left' }).ok).toBe(false)
  })

  test('keys such as __proto__ and constructor are treated as plain data, never followed', () => {
    const raw: unknown = JSON.parse('{"__proto__":{"pain.side":"left"},"constructor":"x","pain.where":["constructor","toString","heel"],"pain.onset":"sudden"}')
    const withSneakyMap: Migration = { from: 2, to: 3, changes: [{ question: 'pain.where', values: { heel: 'insertion' } }] }
    const m = migrateAnswers(v3, [withSneakyMap], 2, raw)
    expect(m.answers).toEqual({ 'pain.onset': 'sudden' })
    expect(Object.getPrototypeOf(m.answers)).toBe(Object.prototype)
    expect(m.recheck).toEqual(['pain.where'])
    expect(({} as Record<string, unknown>)['pain.side']).toBeUndefined()
  })

  test('a value lookup never finds a property of Object.prototype', () => {
    const m = migrateAnswers(v3, migrations, 1, { 'pain.which': 'constructor' })
    expect(m.answers).toEqual({})
    expect(m.recheck).toEqual(['pain.side'])
  })
})
