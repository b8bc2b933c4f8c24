import { describe, expect, test } from 'vitest'
import { migrations as rulesMigrations, questionnaire } from '../../src/content/questionnaire'
import type { Migration, Question, Questionnaire } from '../../src/content/schema'
import { resumeStep } from '../../src/domain/flow/resume'
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

/**
 * The real update from the first version of the questions to the second (rules/migrations.json).
 * Every expectation below is written out by hand from that file and the two questionnaires.
 */
describe('carrying version-1 answers forward to version 2', () => {
  /** A runner who answered everything in version 1: no warning signs, in scope, a few factors. */
  const v1Runner = {
    'urgent.snap': 'no',
    'urgent.pushOff': 'no',
    'urgent.weight': 'no',
    'urgent.calf': 'no',
    'urgent.infection': 'no',
    'urgent.medicine': 'no',
    'soon.rest': 'no',
    'soon.bothHeels': 'no',
    'soon.nerve': 'no',
    'soon.swelling': 'no',
    'soon.longOrWorse': 'no',
    'scope.age': '16-plus',
    'scope.surgery': 'no',
    'scope.location': 'achilles',
    'pain.side': 'left',
    'pain.where': ['insertion', 'mid-tendon'],
    'pain.duration': '6-12-weeks',
    'pain.onset': 'after-change',
    'pain.when': ['morning', 'after', 'rest'],
    'pain.worst': 5,
    'pain.feel': 'ache',
    'pain.trend': 'same',
    'pain.activities': ['road-running', 'walking', 'standing'],
    'pain.event': 'yes',
    'pain.eventDate': '2026-05-10',
    'tried.list': ['ice', 'stretching', 'massage', 'anti-inflammatories'],
    'tried.antiInflammatories': 'first-days',
    'tried.clinician': 'no',
    'footwear.everyday': 'flat',
    'footwear.sport': 'minimal',
    'footwear.change': 'lower',
    'footwear.transition': 'quick',
    'footwear.rub': 'no',
    'orthotics.use': 'no',
    'orthotics.heelLift': 'no',
    'training.hours': '3-6',
    'training.increase': 'lot',
    'training.hard': 'some',
    'training.easy': 'most',
    'training.restDays': 'one',
    'training.surface': 'no',
    'stress.workHours': '40-60',
    'stress.load': 'high',
    'stress.sleep': 'short',
    'diet.processed': 'weekly',
    'diet.sugar': 'daily',
    'diet.fats': 'rarely',
    'diet.metabolic': 'no',
    'stretching.sore': 'often',
    'stretching.step': 'yes',
    'stretching.worseAfter': 'yes',
    'stretching.yoga': 'no',
    'injuries.past': ['ankle-sprain'],
    'injuries.side': 'same',
    'injuries.many': 'no',
    'local.triggerPoints': 'no',
  }

  test('the app is at version 2, with one step from version 1', () => {
    expect(questionnaire.version).toBe(2)
    expect(rulesMigrations.map((m) => [m.from, m.to])).toEqual([[1, 2]])
  })

  test('renamed answers arrive under their new ids, gone options and removed questions are left out, and changed questions are marked', () => {
    expect(migrateAnswers(questionnaire, rulesMigrations, 1, v1Runner)).toEqual({
      answers: {
        'urgent.snap': 'no',
        'urgent.calf': 'no',
        'scope.age': '16-plus',
        'scope.surgery': 'no',
        // pain.where and pain.side moved to the first screen
        'scope.where': ['insertion', 'mid-tendon'],
        'scope.side': 'left',
        'pain.duration': '6-12-weeks',
        'pain.onset': 'after-change',
        // "When I rest" is no longer an option; what it felt like when active joins the same list
        'pain.when': ['morning', 'after', 'ache'],
        'pain.worst': 5,
        'pain.trend': 'same',
        'pain.event': 'yes',
        'pain.eventDate': '2026-05-10',
        // stretching and massage are asked about in their own sections now
        'tried.list': ['ice', 'anti-inflammatories'],
        'tried.antiInflammatories': 'first-days',
        // pain.activities moved to the training section, without "standing"
        'training.activities': ['road-running', 'walking'],
        'training.hours': '3-6',
        'training.increase': 'lot',
        'training.restDays': 'one',
        'footwear.everyday': 'flat',
        'footwear.sport': 'minimal',
        // "lower" became "lower, all at once or within a couple of weeks"
        'footwear.change': 'lower-quick',
        'footwear.transition': 'quick',
        'footwear.rub': 'no',
        'orthotics.use': 'no',
        // a lot of stress and short sleep become two ticks of one list; 40-60 work hours is not "long hours"
        'stress.now': ['stress', 'poor-sleep'],
        // sugar most days is the only food habit answered "most days"
        'diet.often': ['sugary'],
        'diet.metabolic': 'no',
        // "often" became "yes, on flat ground"
        'stretching.sore': 'flat',
        'stretching.worseAfter': 'yes',
        'injuries.past': ['ankle-sprain'],
        'injuries.side': 'same',
        'local.triggerPoints': 'no',
      },
      // the rechecks listed in migrations.json, all of them answered here, in questionnaire order
      recheck: ['urgent.snap', 'urgent.calf', 'footwear.change', 'stretching.sore'],
      dropped: 0,
      ok: true,
    })
  })

  test('removed questions leave no answer behind, and none of them is asked again', () => {
    const m = migrateAnswers(questionnaire, rulesMigrations, 1, v1Runner)
    const removed = [
      'urgent.pushOff',
      'urgent.weight',
      'urgent.infection',
      'urgent.medicine',
      'soon.rest',
      'soon.bothHeels',
      'soon.nerve',
      'soon.swelling',
      'soon.longOrWorse',
      'scope.location',
      'pain.where',
      'pain.side',
      'pain.feel',
      'pain.activities',
      'tried.clinician',
      'orthotics.heelLift',
      'training.hard',
      'training.easy',
      'training.surface',
      'stress.workHours',
      'stress.load',
      'stress.sleep',
      'diet.processed',
      'diet.sugar',
      'diet.fats',
      'stretching.step',
      'stretching.yoga',
      'injuries.many',
    ]
    for (const id of removed) {
      expect(m.answers, id).not.toHaveProperty(id)
      expect(m.recheck, id).not.toContain(id)
    }
  })

  test('a question marked for another look is marked only when it had an answer', () => {
    // Only the warning signs, the age and yoga: no footwear.change or stretching.sore to look at again.
    const m = migrateAnswers(questionnaire, rulesMigrations, 1, {
      'urgent.snap': 'no',
      'urgent.calf': 'unsure',
      'scope.age': '16-plus',
      'stretching.yoga': 'often',
    })
    // Yoga is now one of the activities.
    expect(m).toEqual({
      answers: { 'urgent.snap': 'no', 'urgent.calf': 'unsure', 'scope.age': '16-plus', 'training.activities': ['yoga'] },
      recheck: ['urgent.snap', 'urgent.calf'],
      dropped: 0,
      ok: true,
    })
    expect(migrateAnswers(questionnaire, rulesMigrations, 1, { 'scope.age': '16-plus', 'pain.worst': 4 }).recheck).toEqual([])
  })

  test('an answer whose every option is gone is removed and marked to look at again', () => {
    expect(migrateAnswers(questionnaire, rulesMigrations, 1, { 'pain.when': ['rest'], 'pain.worst': 4 })).toEqual({
      answers: { 'pain.worst': 4 },
      recheck: ['pain.when'],
      dropped: 0,
      ok: true,
    })
    // The same after a rename: "standing" was the only activity.
    expect(migrateAnswers(questionnaire, rulesMigrations, 1, { 'pain.activities': ['standing'], 'tried.list': ['stretching', 'massage'] })).toEqual({
      answers: {},
      recheck: ['tried.list', 'training.activities'],
      dropped: 0,
      ok: true,
    })
  })

  test('a version-1 saved copy resumes at the warning signs, where new questions need an answer', () => {
    const { answers } = migrateAnswers(questionnaire, rulesMigrations, 1, v1Runner)
    // The first screen is complete (its place and side came from the pain section), but
    // the weight, heel, fever and medicines questions are new.
    expect(answers).not.toHaveProperty('urgent.weightNow')
    expect(resumeStep('review', answers)).toBe('urgent')
    // Wherever the person was, they cannot go on past a warning sign left unanswered.
    expect(resumeStep('stretching', answers)).toBe('urgent')
    expect(resumeStep('result', answers)).toBe('urgent')

    // Once the new warning signs are answered, the next screen with a new question is the signs worth an assessment.
    const warningSigns = { 'urgent.weightNow': 'normal', 'urgent.heel': ['neither'], 'urgent.fever': 'no', 'urgent.medicines': ['none'] }
    expect(resumeStep('review', { ...answers, ...warningSigns })).toBe('soon')
    expect(resumeStep('review', { ...answers, ...warningSigns, 'soon.signs': ['none'] })).toBe('review')
  })

  test('a version-1 saved copy with nothing past the first question resumes at the first screen', () => {
    const { answers } = migrateAnswers(questionnaire, rulesMigrations, 1, { 'urgent.snap': 'no', 'urgent.pushOff': 'no' })
    expect(answers).toEqual({ 'urgent.snap': 'no' })
    // The scope questions now come first, and none of them has an answer.
    expect(resumeStep('urgent', answers)).toBe('scope')
  })
})
