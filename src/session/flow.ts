/**
 * The running flow: the wizard machine with the session's effects provided, started where the
 * person left off. Loaded with the wizard's code (never on the first screen); the first screen
 * queues what the person asked for in src/session/lifecycle.ts until this module has loaded.
 *
 * The machine is the only writer of where the person is: every step it takes is copied into the
 * store, so a reload or a closed tab comes back to it.
 */
import { createActor } from 'xstate'
import { wizardMachine, type WizardEvent } from '../domain/flow/machine'
import { resume } from '../domain/flow/resume'
import { emptyRecord } from '../domain/record/saved'
import { newEpoch } from '../domain/record/sync'
import { questionnaire } from '../content/questionnaire'
import { useAnswers } from './answersStore'
import { deleteDeviceData } from './device'

const OPENED_NOTICE = 'Your answers from the file are in. Please check them.'
const DELETED_NOTICE =
  'Everything this app kept on this device has been deleted: your answers, your note and any copy it set aside. Files you saved yourself are not touched.'

// Each action that replaces the whole record starts a new epoch, so another open tab follows it
// instead of writing back what came before (src/domain/record/sync.ts).
const machine = wizardMachine.provide({
  actions: {
    clearRecord: () => useAnswers.setState((s) => ({ answers: {}, note: '', recheck: [], epoch: newEpoch(s, false), stamps: {} })),
    replaceRecord: (_, { record: { saved, notice, sync } }) =>
      useAnswers.setState((s) => ({
        answers: saved.answers,
        note: saved.note,
        recheck: saved.recheck,
        questionnaireVersion: saved.questionnaireVersion,
        notice: notice ?? OPENED_NOTICE,
        ...(sync ?? { epoch: newEpoch(s, true), stamps: {} }),
      })),
    deleteRecord: () => {
      useAnswers.setState((s) => ({ ...emptyRecord(questionnaire.version), epoch: newEpoch(s, false), stamps: {}, notice: DELETED_NOTICE }))
      // The stored copy is gone at once; caches follow. Nothing in them is needed to go on, and
      // storage that cannot be reached (blocked, private mode) holds nothing to delete: it never rejects.
      void deleteDeviceData()
    },
  },
})

/** the flow, resumed where the saved record says the person was */
function resumed() {
  const saved = useAnswers.getState()
  const at = resume(saved)
  if (at.notice) useAnswers.setState({ notice: saved.notice ? `${saved.notice} ${at.notice}` : at.notice })
  return createActor(machine, { snapshot: machine.resolveState({ value: at.step, context: { editing: at.editing } }) })
}

export const flow = resumed()
flow.subscribe((snapshot) => {
  const step = String(snapshot.value)
  const { editing } = snapshot.context
  const stored = useAnswers.getState()
  if (stored.step !== step || stored.editing !== editing) useAnswers.setState({ step, editing })
})
flow.start()

/** sends what the person did to the flow; what a screen does not offer changes nothing */
export function send(event: WizardEvent) {
  flow.send(event)
}
