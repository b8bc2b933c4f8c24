import { useState } from 'react'
import { Button } from './Button'
import { DeleteEverything } from './DeleteEverything'
import { OpenFile, type FileRead } from './OpenFile'

/** What happened after the last action, in words, for a live region. */
type Outcome = { ok: boolean; message: string } | null

/**
 * The person's record on their own terms: save it as a file, bring one in from another device,
 * or delete every trace of it here. Importing over existing answers and deleting both ask first.
 */
export function DataControls({
  onExport,
  onExportFhir,
  onRead,
  onDeleteAll,
}: {
  onExport: () => Promise<Outcome>
  /** the same answers as a FHIR record (Questionnaire + QuestionnaireResponse) for a clinic's system */
  onExportFhir: () => Promise<Outcome>
  onRead: (file: File) => Promise<FileRead>
  onDeleteAll: () => void
}) {
  const [outcome, setOutcome] = useState<Outcome>(null)
  return (
    <section aria-labelledby="your-data" className="print:hidden">
      <h2 id="your-data" className="text-xl font-bold text-slate-900">
        Your answers on this device
      </h2>
      <p className="mt-1 text-slate-700">
        Save your answers and note as a file to keep them or open them on another device. The file is not protected, so keep it
        somewhere private. The FHIR record is the same answers in the format clinics’ software reads: take it to your
        practitioner if they ask for one.
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button look="secondary" onClick={async () => setOutcome(await onExport())}>
          Save answers as a file
        </Button>
        <Button look="secondary" onClick={async () => setOutcome(await onExportFhir())}>
          Save a record for your clinic’s system (FHIR)
        </Button>
        <OpenFile look="secondary" onRead={onRead} />
        <DeleteEverything onConfirm={onDeleteAll} />
      </div>
      <div role="status" className="mt-3">
        {outcome?.ok && <p className="rounded-lg bg-brand-50 p-3 text-slate-900">{outcome.message}</p>}
      </div>
    </section>
  )
}
