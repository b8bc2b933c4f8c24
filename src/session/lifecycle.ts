/**
 * The person's record from start to end, in one place: start, start over, answers opened from a
 * file, delete everything, and following another window that deleted them. Each is an event of
 * the flow; the flow's actions (src/session/flow.ts) change the record. This module ships with
 * the first screen, so it queues what the person asked for until the flow's code has loaded.
 */
import type { FullContent } from '../content/schema'
import type { WizardEvent } from '../domain/flow/machine'
import { holdsAnswers, STORAGE_KEY } from '../domain/record/saved'
import { localToday } from '../domain/facts'
import { migrations, questionnaire } from '../content/questionnaire'
import { setAside, useAnswers } from './answersStore'
import { downloadText } from './device'

type FlowModule = typeof import('./flow')
let loaded: FlowModule | undefined
let loading: Promise<FlowModule> | undefined
const queued: WizardEvent[] = []

/** loads the flow (once), then hands it whatever the person asked for meanwhile */
export function loadFlow(): Promise<FlowModule> {
  return (loading ??= import('./flow').then(
    (m) => {
      loaded = m
      for (const event of queued.splice(0)) m.send(event)
      return m
    },
    (error: unknown) => {
      loading = undefined // the next try fetches it again
      throw error
    },
  ))
}

function send(event: WizardEvent): Promise<unknown> {
  if (loaded) return Promise.resolve(loaded.send(event))
  queued.push(event)
  return loadFlow()
}

/** the person pressed Start */
export const start = () => send({ type: 'wizard.start' })

/** clears the answers and the note, back to the welcome screen */
export const startOver = () => send({ type: 'wizard.restart' })

/** removes every trace of the person from this device; rejects when the flow's code cannot load */
export const deleteEverything = () => send({ type: 'record.delete' })

/**
 * reads a file the person chose; returns why it was refused, or a function that puts its answers
 * in place of the ones here, and whether doing so would replace answers (so the screen asks first)
 */
export async function openFile(file: File): Promise<{ refused: string } | { apply: () => Promise<unknown>; replaces: boolean }> {
  const { importFile } = await import('../domain/record/importFile')
  const read = await importFile(file, { questionnaire }, migrations)
  if (!read.ok) return { refused: read.message }
  return {
    replaces: holdsAnswers(useAnswers.getState()),
    apply: () => send({ type: 'record.replace', record: { saved: read.saved, notice: read.notice } }),
  }
}

/** writes the answers, note and result to a file in the person's downloads; returns what to tell them */
export async function saveFile(content: FullContent): Promise<{ ok: true; message: string }> {
  const { exportRecord } = await import('../domain/record/exportFile')
  const { filename, text } = await exportRecord(useAnswers.getState(), content, localToday(), new Date())
  downloadText(filename, text)
  return { ok: true, message: `Saved as ${filename} in your downloads. It holds your answers and your note, so keep it private.` }
}

/**
 * When a screen cannot be shown: keep a copy of the saved record aside, as the loader does with
 * an unreadable one, and reload with a clean start.
 */
export function setAsideAndReload() {
  const saved = localStorage.getItem(STORAGE_KEY)
  if (saved) setAside(saved)
  localStorage.removeItem(STORAGE_KEY)
  window.location.reload()
}

const DELETED_ELSEWHERE_NOTICE = 'Your answers were deleted in another window of this app.'

/**
 * Another window of this app deleted everything (or its storage was cleared): follow it here
 * instead of writing this window's answers back, so "Delete everything" holds for every open tab.
 */
export function followOtherWindows() {
  window.addEventListener('storage', (e) => {
    const ours = e.key === null || e.key === STORAGE_KEY
    if (e.storageArea !== localStorage || !ours || e.newValue !== null) return
    if (!holdsAnswers(useAnswers.getState())) return
    useAnswers.setState({ answers: {}, note: '', recheck: [], notice: DELETED_ELSEWHERE_NOTICE })
    void startOver().catch(() => {})
  })
}
