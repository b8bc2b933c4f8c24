import { useEffect, useId, useRef } from 'react'
import { Button } from './Button'

/** A modal question on the platform's own <dialog>: focus is trapped and Escape cancels. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean
  title: string
  body: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const titleId = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // The safe choice gets focus, never the destructive one.
      cancelRef.current?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])
  // Close at once on a choice, before its outcome renders: the browser hands focus back to the
  // button that opened the dialog now, not after the next screen has put focus on its heading.
  const choose = (then: () => void) => () => {
    ref.current?.close()
    then()
  }
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
      className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-xl font-bold text-slate-900">
        {title}
      </h2>
      <p className="mt-2 text-slate-800">{body}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button look="danger" onClick={choose(onConfirm)}>
          {confirmLabel}
        </Button>
        <Button look="secondary" onClick={choose(onCancel)} ref={cancelRef}>
          Cancel
        </Button>
      </div>
    </dialog>
  )
}
