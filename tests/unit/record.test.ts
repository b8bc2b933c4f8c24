import { describe, expect, test } from 'vitest'
import { migrations, questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations } from '../../src/content/recommendations'
import { appVersion, rulesVersion } from '../../src/content/version'
import type { Migration } from '../../src/content/schema'
import { exportRecord } from '../../src/domain/record/exportFile'
import {
  DAMAGED_MESSAGE,
  EMPTY_MESSAGE,
  IMPORT_MAX_BYTES,
  importFile,
  importRecord,
  NEWER_MESSAGE,
  NOT_OURS_MESSAGE,
  TOO_BIG_MESSAGE,
} from '../../src/domain/record/importFile'
import { NOTE_MAX_LENGTH, type Saved } from '../../src/domain/record/saved'
import { resumeStep } from '../../src/domain/flow/resume'
import { buildResult } from '../../src/domain/result'
import { calm, snapped } from './support/answers'
import { oracleReseal } from './support/oracleIntegrity'

const content = { questionnaire, redFlags, recommendations }
const today = '2026-03-04'
const now = new Date(2026, 2, 4, 23, 30) // local time, late in the evening

const trickyNote =
  'Ask about <script>alert(1)</script> and <img src=x onerror="alert(2)">\n🦶👩🏽‍⚕️ heel\r\nמה לשאול את הפיזיותרפיסט? مرحبا\n\n  "quoted" \\ back\tslash  '

const record = (overrides: Partial<Saved> = {}): Saved => ({
  answers: { ...calm, 'scope.side': 'both', 'scope.where': ['insertion', 'bump'], 'pain.worst': 6, 'pain.eventDate': '2026-04-01' },
  step: 'result',
  editing: false,
  questionnaireVersion: questionnaire.version,
  note: trickyNote,
  recheck: [],
  ...overrides,
})

const exported = async (saved = record()) => (await exportRecord(saved, content, today, now)).text
const fields = async (saved = record()) => JSON.parse(await exported(saved)) as Record<string, unknown>

/**
 * the file written again with a checksum that matches its (changed) content, as someone with a text
 * editor and a hash tool could: worked out by the tests' own copy of the file's checksum scheme
 */
const reseal = oracleReseal

const open = (text: string) => importRecord(text, content, [])

describe('saving answers as a file', () => {
  test('names the file after the local day it was saved', async () => {
    expect((await exportRecord(record(), content, today, now)).filename).toBe('achilles-self-check-2026-03-04.json')
  })

  test('writes readable JSON that says which app, rules and questions made it', async () => {
    const text = await exported()
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2))
    expect(JSON.parse(text)).toMatchObject({
      app: 'achilles-self-check',
      kind: 'answers',
      format: 1,
      exportedAt: now.toISOString(),
      appVersion,
      rulesVersion,
      questionnaireVersion: questionnaire.version,
      answers: record().answers,
      note: trickyNote,
      integrity: expect.stringMatching(/^sha256-[A-Za-z0-9+/]{43}=$/),
    })
  })

  test('carries a copy of the result in words, warnings first', async () => {
    const { result } = (await fields(record({ answers: snapped }))) as { result: { urgency: string; warnings: { level: string; text: string }[] } }
    expect(result.urgency).toBe('urgent')
    expect(result.warnings[0]).toEqual({ level: 'urgent', text: expect.stringContaining('A sudden snap') })
    const calmResult = (await fields()).result as { urgency: string; warnings: unknown[]; suggestions: { id: string; title: string; sources: string[] }[] }
    expect(calmResult.warnings).toEqual([])
    expect(calmResult.suggestions.length).toBeGreaterThan(0)
    for (const s of calmResult.suggestions) {
      expect(s).toEqual({ id: expect.any(String), title: expect.any(String), sources: expect.arrayContaining([expect.stringMatching(/^(A|C)\d/)]) })
    }
  })
})

describe('opening a saved file', () => {
  test('brings back the answers and the note exactly, ready to review', async () => {
    const saved = record()
    expect(await open(await exported(saved))).toEqual({
      ok: true,
      saved: { answers: saved.answers, note: trickyNote, step: 'review', editing: false, recheck: [], questionnaireVersion: questionnaire.version },
      notice: null,
    })
  })

  test('a file with no answers opens on the welcome screen', async () => {
    const read = await open(await exported(record({ answers: {}, note: '' })))
    expect(read).toMatchObject({ ok: true, saved: { answers: {}, note: '', step: 'welcome' } })
  })

  test('a note at the full length comes back whole', async () => {
    const note = '🦶'.repeat(NOTE_MAX_LENGTH / 2)
    expect(await open(await exported(record({ note })))).toMatchObject({ ok: true, saved: { note } })
  })

  test('a file at the size limit opens; one byte more is refused', async () => {
    const text = await exported()
    const bytes = new TextEncoder().encode(text).length
    const atLimit = text + ' '.repeat(IMPORT_MAX_BYTES - bytes)
    expect(await open(atLimit)).toMatchObject({ ok: true })
    expect(await open(`${atLimit} `)).toEqual({ ok: false, message: TOO_BIG_MESSAGE })
  })

  test('size counts bytes, not letters', async () => {
    expect(await open('é'.repeat(IMPORT_MAX_BYTES / 2 + 1))).toEqual({ ok: false, message: TOO_BIG_MESSAGE })
  })

  test('the result copy in the file is never trusted: the app works the result out again from the answers', async () => {
    // A swollen, warm, sore calf (none of the clot risks, no breathlessness), poor sleep and sugar
    // on most days. By the rules, that is:
    //   - urgent, for the possible-clot warning (urgent.calf: yes), with no other warning;
    //   - shown: sleep-and-recovery (stress.now: poor-sleep) and refined-sugar (diet.often: sugary),
    //     neither of which loads the leg;
    //   - held back while the urgent warning applies: overload-signal and two-part-approach (both
    //     apply to everyone) and calf-strengthening (mid-tendon pain), all marked to wait.
    const answers = {
      ...calm,
      'urgent.calf': 'yes',
      'urgent.clotRisk': ['none'],
      'urgent.breath': 'no',
      'stress.now': ['poor-sleep'],
      'diet.often': ['sugary'],
    }
    const file = await fields(record({ answers }))
    // Someone edits the copy to say all is well and that the held-back advice applies, then
    // works the checksum out again so the file still looks untouched.
    file.result = {
      urgency: 'self-care',
      warnings: [],
      suggestions: [
        { id: 'two-part-approach', title: 'Trust me', sources: ['A1'] },
        { id: 'overload-signal', title: 'Nothing to worry about', sources: ['A1'] },
      ],
    }
    const text = reseal(file)
    expect(text).toContain('"urgency": "self-care"')

    const read = await open(text)
    // Only the answers and the note come in; nothing of the copy rides along with them.
    expect(read).toEqual({
      ok: true,
      saved: { answers, note: trickyNote, step: 'review', editing: false, recheck: [], questionnaireVersion: questionnaire.version },
      notice: null,
    })
    if (!read.ok) return

    // What the person then sees is what their answers give, not what the copy claims.
    const shown = buildResult(content, read.saved.answers, today)
    expect(shown.urgency).toBe('urgent')
    expect(shown.urgent.map((f) => f.item.id)).toEqual(['possible-clot'])
    expect([...shown.soon, ...shown.outOfScope]).toEqual([])
    expect(shown.groups.flatMap((g) => g.suggestions.map((s) => s.item.id)).sort()).toEqual(['refined-sugar', 'sleep-and-recovery'])
    expect(shown.held).toBe(3)
  })

  test('each kind of refused file gets its own message, which says what happened, what to do, and that nothing was changed', async () => {
    const text = await exported()
    const refusal = async (body: string) => {
      const read = await importFile(new Blob([body]), content, [])
      if (read.ok) throw new Error('the file was opened, not refused')
      return read.message
    }
    const messages = {
      tooBig: await refusal(text + ' '.repeat(IMPORT_MAX_BYTES)),
      notOurs: await refusal('Shopping list: milk, eggs, plasters'),
      newer: await refusal(reseal({ ...(JSON.parse(text) as Record<string, unknown>), format: 2 })),
      damaged: await refusal(text.slice(0, Math.floor(text.length / 2))),
    }
    expect(new Set(Object.values(messages)).size).toBe(4)

    const kinds = ['tooBig', 'notOurs', 'newer', 'damaged'] as const
    // What happened: each names its own problem and no other's.
    const what = { tooBig: /too big/i, notOurs: /not a saved copy/i, newer: /newer version/i, damaged: /damaged/i }
    // What to do about it (a file too big to be ours can only be left unopened).
    const todo = {
      tooBig: /so it was not opened/i,
      notOurs: /choose a file whose name starts with "achilles-self-check"/i,
      newer: /update the app on this device first, then open the file again/i,
      damaged: /if you have another copy of the file, try that one/i,
    }
    for (const kind of kinds) {
      const message = messages[kind]
      for (const other of kinds) {
        if (other === kind) expect(message, kind).toMatch(what[other])
        else expect(message, `the ${kind} message must not read as ${other}`).not.toMatch(what[other])
      }
      expect(message, kind).toMatch(todo[kind])
      expect(message, kind).toContain('Nothing on this device was changed.')
    }
  })
})

describe('a file that is not a saved copy from this app', () => {
  test.each([
    ['plain text', 'hello'],
    ['an empty file', ''],
    ['JSON that is not an object', '[1, 2, 3]'],
    ['null', 'null'],
    ['another app', JSON.stringify({ app: 'other-app', kind: 'answers', format: 1 })],
    ['another kind of file from this app', JSON.stringify({ app: 'achilles-self-check', kind: 'settings', format: 1 })],
  ])('is refused: %s', async (_, text) => {
    expect(await open(text)).toEqual({ ok: false, message: NOT_OURS_MESSAGE })
  })
})

describe('a file made by a newer version of the app', () => {
  test('a newer file format is refused, with a suggestion to update', async () => {
    expect(await open(reseal({ ...(await fields()), format: 2 }))).toEqual({ ok: false, message: NEWER_MESSAGE })
  })

  test('answers to newer questions are refused, with a suggestion to update', async () => {
    expect(await open(reseal({ ...(await fields()), questionnaireVersion: questionnaire.version + 1 }))).toEqual({
      ok: false,
      message: NEWER_MESSAGE,
    })
  })
})

describe('a damaged or changed file', () => {
  const damaged = { ok: false, message: DAMAGED_MESSAGE }

  test('a file cut short is damaged, not someone else\'s', async () => {
    const text = await exported()
    expect(await open(text.slice(0, text.length / 2))).toEqual(damaged)
  })

  test('a missing or wrong checksum is refused', async () => {
    const { integrity: _, ...noChecksum } = await fields()
    expect(await open(JSON.stringify(noChecksum))).toEqual(damaged)
    expect(await open(JSON.stringify({ ...noChecksum, integrity: 'sha256-AAAA' }))).toEqual(damaged)
    expect(await open(JSON.stringify({ ...noChecksum, integrity: 42 }))).toEqual(damaged)
  })

  test('one changed letter or digit anywhere in the answers, the note or the result copy is refused', async () => {
    const text = await exported()
    // The "answers" field, not the "kind": "answers" value near the top.
    const start = text.indexOf('"answers": {')
    const end = text.indexOf('"integrity"')
    expect(start).toBeGreaterThan(0)
    let tried = 0
    for (let i = start; i < end; i++) {
      const c = text[i]
      if (!/[A-Za-z0-9]/.test(c)) continue
      const other = /\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'q' ? 'x' : 'q'
      const read = await open(text.slice(0, i) + other + text.slice(i + 1))
      if (read.ok || read.message !== DAMAGED_MESSAGE) throw new Error(`a change at ${i} (${JSON.stringify(text.slice(i - 20, i + 20))}) was not refused as damaged`)
      tried++
    }
    expect(tried).toBeGreaterThan(500)
  })

  test('a changed emoji, line break or mark in the note is refused', async () => {
    const text = await exported()
    for (const [from, to] of [['🦶', '🦵'], ['\\r\\n', '\\n'], ['<script>', '<scrip>'], ['מה', 'מ'], ['\\n  \\"quoted', '\\n \\"quoted']]) {
      expect(text).toContain(from)
      expect(await open(text.replace(from, to))).toEqual(damaged)
    }
  })

  // These files carry a matching checksum, as if someone edited them and worked it out again.
  test.each([
    ['an answer that is not an option', { answers: { ...calm, 'urgent.snap': 'maybe' } }],
    ['an answer off the scale', { answers: { ...calm, 'pain.worst': 11 } }],
    ['an answer to a question that does not exist', { answers: { ...calm, 'made.up': 'yes' } }],
    ['an answer of the wrong kind', { answers: { ...calm, 'scope.side': { left: true } } }],
    ['answers that are a list', { answers: ['urgent.snap'] }],
    ['a note that is not text', { note: 42 }],
    ['a note over the limit', { note: 'a'.repeat(NOTE_MAX_LENGTH + 1) }],
    ['a field this format does not have', { extra: 'x' }],
    ['a known field of the wrong type', { exportedAt: 20260304 }],
    ['a questionnaire version that never existed', { questionnaireVersion: 0 }],
    ['a format that never existed', { format: 0.5 }],
  ])('%s is refused even with a matching checksum', async (_, change) => {
    expect(await open(reseal({ ...(await fields()), ...change }))).toEqual(damaged)
  })

  test('a missing field is refused even with a matching checksum', async () => {
    const { note: _, ...noNote } = await fields()
    expect(await open(reseal(noNote))).toEqual(damaged)
  })

  test('__proto__ keys are refused, and nothing leaks into other objects', async () => {
    const file = await fields()
    const text = reseal(file).replace('"answers": {', '"answers": {\n    "__proto__": { "polluted": "yes" },')
    const resealed = reseal(JSON.parse(text) as Record<string, unknown>)
    expect(resealed).toContain('"__proto__"')
    expect(await open(resealed)).toEqual(damaged)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('a file saved with an older version of the questions', () => {
  // This app pretends to be at version 3, where "pain.whichSide" became "scope.side", one onset
  // option was renamed and the pain scale changed enough to be worth another look.
  const v3 = { ...content, questionnaire: { ...questionnaire, version: 3 } }
  const update: Migration = {
    from: 2,
    to: 3,
    changes: [{ rename: 'pain.whichSide', to: 'scope.side' }, { question: 'pain.onset', values: { 'all-at-once': 'sudden' } }, { recheck: 'pain.worst' }],
  }
  const { 'scope.side': _, ...calmWithoutSide } = calm
  // "up-and-down" fits no option of "Lately it is" in the new questions: it is asked again.
  const oldFile = () =>
    exported(
      record({
        answers: { ...calmWithoutSide, 'pain.whichSide': 'left', 'pain.onset': 'all-at-once', 'pain.worst': 6, 'pain.trend': 'up-and-down' },
      }),
    )

  test('the saved file says which version of the questions it was made for', async () => {
    expect(JSON.parse(await oldFile())).toMatchObject({ questionnaireVersion: 2 })
  })

  test('is carried forward, and the answers to look at again are marked', async () => {
    expect(await importRecord(await oldFile(), v3, [update])).toEqual({
      ok: true,
      saved: {
        answers: { ...calm, 'scope.side': 'left', 'pain.onset': 'sudden', 'pain.worst': 6 },
        note: trickyNote,
        step: 'review',
        editing: false,
        recheck: ['pain.worst', 'pain.trend'],
        questionnaireVersion: 3,
      },
      notice: 'This file was saved before the questions were updated. 2 of your answers need another look: they are marked on the review page.',
    })
  })

  test('is refused as damaged when there is no way to carry it forward', async () => {
    expect(await importRecord(await oldFile(), v3, [])).toEqual({ ok: false, message: DAMAGED_MESSAGE })
  })
})

describe('a file saved with the first version of the questions', () => {
  // A real version-1 file, carried forward by the real update in rules/migrations.json. Written
  // out by hand, as an older app wrote it, and sealed with the tests' own copy of the checksum.
  const v1File = () =>
    reseal({
      app: 'achilles-self-check',
      kind: 'answers',
      format: 1,
      exportedAt: '2026-01-10T09:00:00.000Z',
      appVersion: '1.0.0',
      rulesVersion: '1',
      questionnaireVersion: 1,
      answers: {
        'urgent.snap': 'no',
        'urgent.pushOff': 'no',
        'urgent.weight': 'no',
        'urgent.calf': 'no',
        'urgent.infection': 'no',
        'urgent.medicine': 'no',
        'soon.rest': 'no',
        'scope.age': '16-plus',
        'scope.surgery': 'no',
        'scope.location': 'achilles',
        'pain.side': 'right',
        'pain.where': ['mid-tendon'],
        'pain.when': ['morning', 'rest'],
        'pain.feel': 'ache',
        'pain.activities': ['road-running', 'standing'],
        'stress.load': 'high',
      },
      note: 'Ask about heel drops',
      result: { urgency: 'self-care', warnings: [], suggestions: [] },
    })

  test('opens with the answers under their new ids, the gone ones left out, and the changed ones marked', async () => {
    expect(await importRecord(v1File(), content, migrations)).toEqual({
      ok: true,
      saved: {
        answers: {
          'urgent.snap': 'no',
          'urgent.calf': 'no',
          'scope.age': '16-plus',
          'scope.surgery': 'no',
          'scope.where': ['mid-tendon'],
          'scope.side': 'right',
          // "at rest" is gone from the list; the ache when active joins it
          'pain.when': ['morning', 'ache'],
          'training.activities': ['road-running'],
          // a lot of stress is now one tick of a list
          'stress.now': ['stress'],
        },
        note: 'Ask about heel drops',
        step: 'review',
        editing: false,
        recheck: ['urgent.snap', 'urgent.calf'],
        questionnaireVersion: 2,
      },
      notice: 'This file was saved before the questions were updated. 2 of your answers need another look: they are marked on the review page.',
    })
  })

  test('then resumes at the warning signs, whose new questions have no answer yet', async () => {
    const read = await importRecord(v1File(), content, migrations)
    if (!read.ok) throw new Error(read.message)
    expect(resumeStep(read.saved.step, read.saved.answers)).toBe('urgent')
  })
})

describe('a file the person chose', () => {
  const choose = (file: Blob) => importFile(file, content, [])

  test('is opened like its text', async () => {
    const read = await choose(new Blob([await exported()]))
    expect(read.ok && read.saved.note).toBe(trickyNote)
  })

  test('too big to be ours is refused before it is read', async () => {
    const huge = new Blob(['x'.repeat(IMPORT_MAX_BYTES + 1)])
    huge.text = () => Promise.reject(new Error('read a file that should have been refused unread'))
    expect(await choose(huge)).toEqual({ ok: false, message: TOO_BIG_MESSAGE })
  })

  test('that cannot be read gets the damaged message', async () => {
    const unreadable = new Blob(['{}'])
    unreadable.text = () => Promise.reject(new DOMException('gone', 'NotReadableError'))
    expect(await choose(unreadable)).toEqual({ ok: false, message: DAMAGED_MESSAGE })
  })

  test('with no answers is refused, so opening it can never wipe the answers on this device', async () => {
    const empty = await exported(record({ answers: {}, note: 'only a note' }))
    expect(await choose(new Blob([empty]))).toEqual({ ok: false, message: EMPTY_MESSAGE })
  })
})
