import { ConfirmDialog } from './ConfirmDialog'

/**
 * Asked before answers opened from a file take the place of answers already on this device,
 * wherever the file is opened (welcome screen or summary).
 */
export function ReplaceAnswersDialog({ open, onConfirm, onCancel }: { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      open={open}
      title="Replace your answers?"
      body="The answers and note in the file will take the place of the ones on this device. You can't undo it. To keep your current answers, save them as a file first."
      confirmLabel="Replace my answers"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  )
}
