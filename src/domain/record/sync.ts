/**
 * Two tabs (or windows) of the app on one device share one saved copy. Each tab writes the whole
 * record from its memory, so without this the last one to write would win and the other's answers
 * would be lost. Instead each change is stamped, and a tab that hears of another's write merges the
 * two question by question: the later change to each question wins, a removed answer counts as a
 * change, and nothing else is touched. A whole new record (start over, delete everything, answers
 * opened from a file) starts a new "epoch": changes made before it are gone in every tab, so nothing
 * cleared comes back. The merge is the same whichever tab runs it and in whatever order the writes
 * arrive, so every tab ends with the same record (docs/decisions/014).
 */
import type { Answers } from '../../content/schema'

/** When the record as a whole was last replaced, and how. */
export interface Epoch {
  /** Milliseconds since 1970 (Date.now()); 0 for a record from before this existed. */
  at: number
  /** Random, so two tabs that replace the record in the same millisecond still agree on which came last. */
  id: string
  /** Whether a file's answers replaced the record (another tab then follows to the review). */
  file: boolean
}

export interface SyncFields {
  epoch: Epoch
  /** For each question id (and NOTE_KEY), when it was last changed in this epoch; no answer with a stamp is a removal. */
  stamps: Record<string, number>
}

export interface Mergeable extends SyncFields {
  answers: Answers
  note: string
  recheck: string[]
}

/** The stamp of the person's note, beside the question ids (which always hold a dot, and never start with "#"). */
export const NOTE_KEY = '#note'

export const firstEpoch = (): Epoch => ({ at: 0, id: '', file: false })

/** a new epoch, later than everything this record has seen */
export function newEpoch(record: SyncFields, file: boolean, now = Date.now()): Epoch {
  return { at: nextStamp(record, now), id: Math.random().toString(36).slice(2), file }
}

function latestStamp({ epoch, stamps }: SyncFields): number {
  let latest = epoch.at
  for (const stamp of Object.values(stamps)) if (stamp > latest) latest = stamp
  return latest
}

/** the stamp for a change made now: later than every change this record has seen, even with the clock set back */
export const nextStamp = (record: SyncFields, now = Date.now()) => Math.max(now, latestStamp(record) + 1)

/** >0 when `a` came after `b` */
const compareEpochs = (a: Epoch, b: Epoch) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** the epoch and stamps read from a saved copy, keeping only what has the right shape */
export function readSync(state: { epoch?: unknown; stamps?: unknown }): SyncFields {
  const e = state.epoch as Partial<Epoch> | null | undefined
  const epoch =
    e && typeof e === 'object' && typeof e.at === 'number' && Number.isFinite(e.at) && e.at >= 0 && typeof e.id === 'string' && typeof e.file === 'boolean'
      ? { at: e.at, id: e.id, file: e.file }
      : firstEpoch()
  const stamps: Record<string, number> = {}
  const raw = state.stamps
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, stamp] of Object.entries(raw)) {
      if (typeof stamp === 'number' && Number.isFinite(stamp) && stamp > epoch.at) stamps[key] = stamp
    }
  }
  return { epoch, stamps }
}

const NO_VALUE = Symbol('no value')
type Value = Answers[string] | string | typeof NO_VALUE
const valueOf = (r: Mergeable, key: string): Value => (key === NOTE_KEY ? r.note : Object.hasOwn(r.answers, key) ? r.answers[key] : NO_VALUE)
/** a fixed order of values, so a tie between two tabs is broken the same way in both */
const rankOf = (v: Value) => (v === NO_VALUE ? '' : JSON.stringify(v))

/**
 * the record both tabs should hold once each has heard of the other's changes: the later epoch, and
 * for each question (and the note) the later change made in it
 */
export function mergeRecords<T extends Mergeable>(local: T, remote: Mergeable): T {
  const order = compareEpochs(remote.epoch, local.epoch)
  const newer = order > 0 ? remote : local
  const at = newer.epoch.at
  // A change counts when it belongs to the later epoch, or was made after it began (in a tab that had
  // not heard of it yet). An answer with no stamp dates from its record's epoch.
  const stampOf = (r: Mergeable, key: string) => r.stamps[key] ?? r.epoch.at
  const counts = (r: Mergeable, key: string) => order === 0 || r === newer || stampOf(r, key) > at
  const keys = new Set([NOTE_KEY, ...Object.keys(local.answers), ...Object.keys(remote.answers), ...Object.keys(local.stamps), ...Object.keys(remote.stamps)])
  const answers: Answers = {}
  const stamps: Record<string, number> = {}
  let note = ''
  for (const key of keys) {
    let winner: Mergeable | undefined
    for (const r of [local, remote]) {
      if (!counts(r, key)) continue
      if (!winner) winner = r
      else {
        const byTime = stampOf(r, key) - stampOf(winner, key)
        if (byTime > 0 || (byTime === 0 && rankOf(valueOf(r, key)) > rankOf(valueOf(winner, key)))) winner = r
      }
    }
    if (!winner) continue
    if (Object.hasOwn(winner.stamps, key)) stamps[key] = winner.stamps[key]
    const value = valueOf(winner, key)
    if (key === NOTE_KEY) note = typeof value === 'string' ? value : ''
    else if (value !== NO_VALUE) answers[key] = value as Answers[string]
  }
  // Answers still to look at again: a new epoch brings its own list; within one, a question looked at in either tab is done.
  const recheck = order === 0 ? local.recheck.filter((id) => remote.recheck.includes(id)) : newer.recheck
  // Keep the questionnaire's order of answers as this tab had it, so an unchanged record compares equal.
  return { ...local, answers, note, recheck: [...recheck], epoch: newer.epoch, stamps }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const sortedEntries = (o: object) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/** whether two records hold the same answers, note and list to look at again (what the person sees) */
export const sameContent = (a: Mergeable, b: Mergeable) =>
  a.note === b.note && sameJson(sortedEntries(a.answers), sortedEntries(b.answers)) && sameJson(a.recheck, b.recheck)

/** whether two records are the same in every field that merging reads */
export const sameRecord = (a: Mergeable, b: Mergeable) =>
  sameContent(a, b) && sameJson(a.epoch, b.epoch) && sameJson(sortedEntries(a.stamps), sortedEntries(b.stamps))
