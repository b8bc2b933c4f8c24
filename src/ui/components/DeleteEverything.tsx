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
        // Said plainly, so no one thinks every trace is gone: the app cannot reach these.
        body: "This deletes your answers, your note and anything else this app kept on this device. You can't undo it. It can't delete files you saved or printed, or your browser's history, which shows you used this app. Delete those yourself if you need to.",
        confirmLabel: 'Delete everything',
      }}
      onConfirm={onConfirm}
    >
      Delete everything
    </ConfirmedButton>
  )
}
