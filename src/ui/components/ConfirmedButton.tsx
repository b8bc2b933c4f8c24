import { useState, type ComponentProps } from 'react'
import { Button } from './Button'
import { ConfirmDialog } from './ConfirmDialog'

/** A button for something that can't be undone: it asks once more, in a dialog, before it acts. */
export function ConfirmedButton({
  children,
  look,
  className,
  ask,
  onConfirm,
}: {
  children: string
  look?: ComponentProps<typeof Button>['look']
  className?: string
  /** the question the dialog asks */
  ask: { title: string; body: string; confirmLabel: string }
  onConfirm: () => void
}) {
  const [confirming, setConfirming] = useState(false)
  return (
    <>
      <Button look={look} className={className} onClick={() => setConfirming(true)}>
        {children}
      </Button>
      <ConfirmDialog
        open={confirming}
        {...ask}
        onConfirm={() => {
          setConfirming(false)
          onConfirm()
        }}
        onCancel={() => setConfirming(false)}
      />
    </>
  )
}
