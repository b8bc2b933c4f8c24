import { ConfirmDialog } from './ConfirmDialog'

/**
 * Asked before answers opened from a file take the place of answers already on this device,
 * wherever the file is opened (welcome screen or summary). `pending` applies the file; the dialog
 * is open while there is one, and `onClose` clears it, whichever the person chooses.
 */
export function ReplaceAnswersDialog({ pending, onClose }: { pending: (() => void) | null; onClose: () => void }) {
  return (
    <ConfirmDialog
      open={pending !== null}
      title="Replace your answers?"
      body="The answers and note in the file will take the place of the ones on this device. You can't undo it. To keep your current answers too, first save them as a file from your summary."
      confirmLabel="Replace my answers"
      onConfirm={() => {
        onClose()
        pending?.()
      }}
      onCancel={onClose}
    />
  )
}
