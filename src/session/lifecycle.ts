/**
 * The person's record from start to end, in one place: start, start over, answers opened from a
 * file, delete everything, and following another window of the app that changed them. Each is an event of
 * the flow; the flow's actions (src/session/flow.ts) change the record. This module ships with
 * the first screen, so it queues what the person asked for until the flow's code has loaded.
 */
import type { FullContent } from '../content/schema'
import type { WizardEvent } from '../domain/flow/machine'
import { holdsAnswers, readEnvelope, readSaved, STORAGE_KEY, STORE_VERSION } from '../domain/record/saved'
import { mergeRecords, sameContent, sameRecord } from '../domain/record/sync'
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
 * writes the answers as a FHIR R4 record (the questionnaire and the person's response to it) for
 * their clinic's software; the converter loads only now, with this action
 */
export async function saveFhirFile(content: Parameters<typeof import('../domain/fhir/export').exportFhir>[1]): Promise<{ ok: true; message: string }> {
  const { exportFhir } = await import('../domain/fhir/export')
  const { filename, text } = exportFhir(useAnswers.getState(), content, localToday(), new Date())
  downloadText(filename, text, 'application/fhir+json')
  return {
    ok: true,
    message: `Saved as ${filename} in your downloads. It is for your clinic’s software and holds your answers and your note, so keep it private.`,
  }
}

/**
 * When a screen cannot be shown: keep a copy of the saved record aside, as the loader does with
 * an unreadable one, and reload with a clean start.
 */
export function setAsideAndReload() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved) setAside(saved)
    localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Storage blocked: there is no saved copy to set aside, and the reload starts clean anyway.
  }
  window.location.reload()
}

const DELETED_ELSEWHERE_NOTICE = 'Your answers were deleted in another window of this app.'
const CHANGED_ELSEWHERE_NOTICE = 'Your answers were changed in another window of this app. This page now shows those changes.'
const FILE_ELSEWHERE_NOTICE = 'Answers from a file were opened in another window of this app, so they are here too. Please check them.'

/**
 * Another window of this app deleted everything (or its storage was cleared): follow it here
 * instead of writing this window's answers back, so "Delete everything" and "Start over" hold for
 * every open tab.
 */
function followDeletion() {
  if (!holdsAnswers(useAnswers.getState())) return
  useAnswers.setState({ answers: {}, note: '', recheck: [], stamps: {}, notice: DELETED_ELSEWHERE_NOTICE })
  void startOver().catch(() => {})
}

/**
 * Another window wrote the record: merge its changes into this one question by question (src/domain/
 * record/sync.ts), tell the person when what they see changed, and write back what only this window
 * knew, so both end with every answer. Answers opened from a file there take the person here to the
 * same review.
 */
function followWrite(text: string) {
  const envelope = readEnvelope(text)
  // Another shape (a newer version of the app in that window) is left to a reload to sort out.
  if (!envelope || envelope.version !== STORE_VERSION) return
  const loaded = readSaved({ questionnaire, migrations }, envelope.state)
  const remote = { ...loaded.saved, ...loaded.sync }
  const local = useAnswers.getState()
  const merged = mergeRecords(local, remote)
  const { answers, note, recheck, epoch, stamps } = merged
  const replacedThere = epoch.id !== local.epoch.id
  if (replacedThere && !epoch.file && !holdsAnswers(merged)) {
    // "Start over" or "Delete everything" there (caught before the copy was removed): the same here.
    useAnswers.setState({ answers: {}, note: '', recheck: [], epoch, stamps, ...(holdsAnswers(local) ? { notice: DELETED_ELSEWHERE_NOTICE } : {}) })
    void startOver().catch(() => {})
  } else if (replacedThere && epoch.file) {
    void send({
      type: 'record.replace',
      record: { saved: { ...remote, answers, note, recheck }, notice: FILE_ELSEWHERE_NOTICE, sync: { epoch, stamps } },
    }).catch(() => {})
  } else if (!sameRecord(merged, local)) {
    useAnswers.setState({ answers, note, recheck, epoch, stamps, ...(sameContent(merged, local) ? {} : { notice: CHANGED_ELSEWHERE_NOTICE }) })
  } else if (!sameRecord(merged, remote)) {
    // This window holds changes the stored copy lacks (both wrote at once): write them back.
    useAnswers.setState({})
  }
}

/** keeps this window in step with every other window of the app on this device */
export function followOtherWindows() {
  window.addEventListener('storage', (e) => {
    let area: Storage
    try {
      area = localStorage
    } catch {
      return // storage blocked: no other window can write here either
    }
    if (e.storageArea !== area || (e.key !== null && e.key !== STORAGE_KEY)) return
    if (e.newValue === null) followDeletion()
    else if (e.key === STORAGE_KEY) followWrite(e.newValue)
  })
}
