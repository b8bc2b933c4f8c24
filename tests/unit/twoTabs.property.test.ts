/**
 * Two or three tabs of the app, each answering, opening a file or starting over while the others
 * hear of it late and in any order (docs/decisions/014). Each tab runs what
 * src/session/lifecycle.ts runs on another tab's write (merge, then write back when it knew more),
 * over the domain's merge (src/domain/record/sync.ts). Whatever the interleaving, once every write
 * has been heard all tabs hold the same record, and it is what a plain replay of the person's
 * actions in time order gives (written here, not with the app's code): no answer lost, nothing
 * cleared comes back.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Answers } from '../../src/content/schema'
import { firstEpoch, mergeRecords, newEpoch, nextStamp, NOTE_KEY, sameRecord, type Mergeable } from '../../src/domain/record/sync'

type Step =
  | { kind: 'answer'; tab: number; question: string; value: string | undefined }
  | { kind: 'note'; tab: number; text: string }
  | { kind: 'file'; tab: number; answers: Answers }
  | { kind: 'clear'; tab: number }
  | { kind: 'hear'; tab: number }

const questions = ['q.a', 'q.b', 'q.c', 'q.d']
const value = fc.constantFrom('yes', 'no', 'unsure')
const stepOf = (tabs: number): fc.Arbitrary<Step> => {
  const tab = fc.integer({ min: 0, max: tabs - 1 })
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('answer' as const), tab, question: fc.constantFrom(...questions), value: fc.option(value, { nil: undefined, freq: 4 }) }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('note' as const), tab, text: fc.constantFrom('', 'ask about shoes', 'ask about ice') }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('file' as const), tab, answers: fc.dictionary(fc.constantFrom(...questions), value) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('clear' as const), tab }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('hear' as const), tab }), weight: 6 },
  )
}

const empty = (): Mergeable => ({ answers: {}, note: '', recheck: [], epoch: firstEpoch(), stamps: {} })

/** runs the steps on `count` tabs sharing one storage, then lets every tab hear everything; returns the tabs */
function run(count: number, steps: Step[]) {
  let clock = 1_000
  const tabs = Array.from({ length: count }, empty)
  // What each tab has yet to hear: the storage events of the others' writes, in the order written.
  const inbox: Mergeable[][] = tabs.map(() => [])
  const write = (from: number) => inbox.forEach((queue, i) => i !== from && queue.push(structuredClone(tabs[from])))
  const hear = (i: number) => {
    const remote = inbox[i].shift()
    if (!remote) return
    const local = tabs[i]
    const merged = mergeRecords(local, remote)
    if (!sameRecord(merged, local)) {
      tabs[i] = merged
      write(i)
    } else if (!sameRecord(merged, remote)) write(i)
  }
  for (const step of steps) {
    clock += 1
    const t = tabs[step.tab]
    if (step.kind === 'hear') hear(step.tab)
    else if (step.kind === 'answer') {
      const answers = { ...t.answers }
      if (step.value === undefined) delete answers[step.question]
      else answers[step.question] = step.value
      tabs[step.tab] = { ...t, answers, stamps: { ...t.stamps, [step.question]: nextStamp(t, clock) } }
      write(step.tab)
    } else if (step.kind === 'note') {
      tabs[step.tab] = { ...t, note: step.text, stamps: { ...t.stamps, [NOTE_KEY]: nextStamp(t, clock) } }
      write(step.tab)
    } else {
      const answers = step.kind === 'file' ? { ...step.answers } : {}
      tabs[step.tab] = { answers, note: '', recheck: [], epoch: newEpoch(t, step.kind === 'file', clock), stamps: {} }
      write(step.tab)
    }
  }
  // In the end every tab hears everything.
  for (let guard = 0; inbox.some((q) => q.length > 0); guard++) {
    if (guard > 10_000) throw new Error('the tabs kept writing to each other')
    inbox.forEach((_, i) => hear(i))
  }
  return tabs
}

/** the record a person would expect: their actions replayed in the order they made them, in whichever tab */
function replay(steps: Step[]) {
  let answers: Record<string, string> = {}
  let note = ''
  for (const step of steps) {
    if (step.kind === 'answer') {
      if (step.value === undefined) delete answers[step.question]
      else answers[step.question] = step.value
    } else if (step.kind === 'note') note = step.text
    else if (step.kind === 'file') ((answers = { ...(step.answers as Record<string, string>) }), (note = ''))
    else if (step.kind === 'clear') ((answers = {}), (note = ''))
  }
  return { answers, note }
}

const sortedKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)))

describe('tabs that hear of each other late and in any order', () => {
  test.each([2, 3])('%i tabs all end with every answer, in the order the person gave them', (count) => {
    fc.assert(
      fc.property(fc.array(stepOf(count), { maxLength: 40 }), (steps) => {
        const tabs = run(count, steps)
        const expected = replay(steps)
        for (const [i, tab] of tabs.entries()) {
          expect(sortedKeys(tab.answers), `tab ${i}'s answers`).toEqual(sortedKeys(expected.answers))
          expect(tab.note, `tab ${i}'s note`).toBe(expected.note)
        }
      }),
      { numRuns: 400 },
    )
  })

  test('a tab that never heard of a file opened elsewhere does not write its older answers over it', () => {
    // The case from the issue: 57 answers opened from a file in one tab, 2 older answers in another.
    const file = Object.fromEntries(Array.from({ length: 57 }, (_, i) => [`q.${i}`, 'yes']))
    const steps: Step[] = [
      { kind: 'answer', tab: 1, question: 'old.a', value: 'no' },
      { kind: 'answer', tab: 1, question: 'old.b', value: 'no' },
      { kind: 'hear', tab: 0 },
      { kind: 'hear', tab: 0 },
      { kind: 'file', tab: 0, answers: file },
      // One click in the older tab before it hears of the file.
      { kind: 'answer', tab: 1, question: 'old.c', value: 'yes' },
    ]
    for (const tab of run(2, steps)) expect(sortedKeys(tab.answers)).toEqual(sortedKeys({ ...file, 'old.c': 'yes' }))
  })

  test('merging is the same in either tab, and merging again changes nothing', () => {
    const record = fc.record({
      answers: fc.dictionary(fc.constantFrom(...questions), value),
      note: fc.constantFrom('', 'a', 'b'),
      recheck: fc.constant([] as string[]),
      // An epoch's id is random, so one id is one epoch: here "y" is a file's.
      epoch: fc.record({ at: fc.integer({ min: 0, max: 5 }), id: fc.constantFrom('', 'x', 'y') }).map((e) => ({ ...e, file: e.id === 'y' })),
      stamps: fc.dictionary(fc.constantFrom(...questions, NOTE_KEY), fc.integer({ min: 6, max: 12 })),
    })
    fc.assert(
      fc.property(record, record, (a, b) => {
        const ab = mergeRecords(a, b)
        expect(sameRecord(ab, mergeRecords(b, a))).toBe(true)
        expect(sameRecord(mergeRecords(ab, b), ab)).toBe(true)
        expect(sameRecord(mergeRecords(ab, a), ab)).toBe(true)
      }),
    )
  })
})
