import { ConfirmedButton } from './ConfirmedButton'

/** "Start over", asked once more before every answer is cleared. */
export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 pb-8 sm:px-6 print:hidden">
      <ConfirmedButton
        look="quiet"
        className="px-0"
        ask={{ title: 'Start over?', body: "This clears all your answers on this device. You can't undo it.", confirmLabel: 'Clear my answers' }}
        onConfirm={onConfirm}
      >
        Start over
      </ConfirmedButton>
    </div>
  )
}
