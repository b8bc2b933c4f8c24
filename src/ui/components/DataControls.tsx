import { useState } from 'react'
import { Button } from './Button'
import { DeleteEverything } from './DeleteEverything'
import { OpenFileButton } from './OpenFileButton'
import { ReplaceAnswersDialog } from './ReplaceAnswersDialog'

/** What happened after the last action, in words, for a live region. */
export type Outcome = { ok: boolean; message: string } | null

/**
 * The person's record on their own terms: save it as a file, bring one in from another device,
 * or delete every trace of it here. Importing over existing answers and deleting both ask first.
 */
export function DataControls({
  onExport,
  onImport,
  onDeleteAll,
  hasAnswers,
}: {
  onExport: () => Promise<Outcome>
  /** reads the file; returns a message when it was refused, or a function that applies it once the person agrees */
  onImport: (file: File) => Promise<{ refused: string } | { apply: () => void }>
  onDeleteAll: () => void
  hasAnswers: boolean
}) {
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [pendingImport, setPendingImport] = useState<(() => void) | null>(null)

  const readFile = async (file: File) => {
    const read = await onImport(file)
    if ('refused' in read) return setOutcome({ ok: false, message: read.refused })
    if (hasAnswers) setPendingImport(() => read.apply)
    else read.apply()
  }

  return (
    <section aria-labelledby="your-data" className="print:hidden">
      <h2 id="your-data" className="text-xl font-bold text-slate-900">
        Your answers on this device
      </h2>
      <p className="mt-1 text-slate-700">
        Save your answers and note as a file to keep them or open them on another device. The file is not protected, so keep it
        somewhere private.
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button look="secondary" onClick={async () => setOutcome(await onExport())}>
          Save answers as a file
        </Button>
        <OpenFileButton look="secondary" onFile={(file) => void readFile(file)} />
        <DeleteEverything onConfirm={onDeleteAll} />
      </div>
      <div role="status" className="mt-3">
        {outcome?.ok && <p className="rounded-lg bg-brand-50 p-3 text-slate-900">{outcome.message}</p>}
      </div>
      <div role="alert">
        {outcome && !outcome.ok && (
          <p className="mt-3 rounded-lg border-2 border-red-700 bg-white p-3 text-slate-900">{outcome.message}</p>
        )}
      </div>

      <ReplaceAnswersDialog pending={pendingImport} onClose={() => setPendingImport(null)} />
    </section>
  )
}
