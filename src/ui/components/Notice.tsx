import { Button } from './Button'

/** A message about the person's saved answers, shown until they close it. */
export function Notice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="status" className="border-b-4 border-amber-500 bg-amber-50 print:hidden">
      <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <p className="text-slate-900">{message}</p>
        <Button look="secondary" className="min-h-10 py-2" onClick={onDismiss}>
          OK
        </Button>
      </div>
    </div>
  )
}
