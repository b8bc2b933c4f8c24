import { ConfirmedButton } from './ConfirmedButton'

/**
 * "Delete everything": asks once more, then wipes every trace of the person on this device (the
 * session does the wiping, see src/session/lifecycle.ts). The same control on the welcome screen and
 * the summary, so a person can clear a shared device without finishing the check.
 */
export function DeleteEverything({ onConfirm, look = 'danger', className }: { onConfirm: () => void; look?: 'danger' | 'quiet'; className?: string }) {
  return (
    <ConfirmedButton
      look={look}
      className={className}
      ask={{
        title: 'Delete everything?',
        body: "This deletes your answers, your note and anything else this app kept on this device. Files you saved yourself are not touched. You can't undo it.",
        confirmLabel: 'Delete everything',
      }}
      onConfirm={onConfirm}
    >
      Delete everything
    </ConfirmedButton>
  )
}
