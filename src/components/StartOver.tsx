import { useState } from 'react'
import { Button } from './Button'
import { ConfirmDialog } from './ConfirmDialog'

/** "Start over", asked once more before every answer is cleared. */
export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const [confirming, setConfirming] = useState(false)
  return (
    <div className="mx-auto max-w-2xl px-4 pb-8 sm:px-6 print:hidden">
      <Button look="quiet" className="px-0" onClick={() => setConfirming(true)}>
        Start over
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Start over?"
        body="This clears all your answers on this device. You can't undo it."
        confirmLabel="Clear my answers"
        onConfirm={() => {
          setConfirming(false)
          onConfirm()
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  )
}
