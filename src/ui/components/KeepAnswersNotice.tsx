import { useState } from 'react'
import { Button } from './Button'

/**
 * Said once, when the browser would not promise to keep this app's storage: how to keep the
 * answers anyway. Safari clears a site's storage after seven days without a visit unless the app
 * is on the Home Screen, and no browser lets a page add itself there, so the steps are in words.
 * The live region stays on the page (empty) so that the words are announced when they appear.
 */
export function KeepAnswersNotice({
  open,
  installed,
  onSave,
  onDismiss,
}: {
  open: boolean
  /** the app already runs from the Home Screen: only saving a copy is left to suggest */
  installed: boolean
  onSave: () => Promise<{ ok: boolean; message: string }>
  onDismiss: () => void
}) {
  const [saved, setSaved] = useState<string | null>(null)
  return (
    <div role="status" className="print:hidden">
      {open && (
        <div className="border-b-4 border-amber-500 bg-amber-50" data-keep-answers>
          <div className="mx-auto max-w-2xl space-y-2 px-4 py-3 text-slate-900 sm:px-6">
            {installed ? (
              <p>Your browser may delete your answers if this device runs low on space. To keep them, save a copy as a file.</p>
            ) : (
              <>
                <p>
                  Your browser may delete your answers if you don’t open this app for a while. Safari does this after 7 days.
                </p>
                <p>
                  To keep them, add this app to your Home Screen. In Safari, tap Share, then “Add to Home Screen”. Or save a copy
                  as a file.
                </p>
              </>
            )}
            {saved && <p className="font-semibold">{saved}</p>}
            <div className="flex flex-wrap gap-3">
              <Button look="secondary" className="min-h-10 py-2" onClick={async () => setSaved((await onSave()).message)}>
                Save a copy
              </Button>
              <Button look="secondary" className="min-h-10 py-2" onClick={onDismiss}>
                OK
              </Button>
            </div>
          </div>
        </div>
      )}
    </div>
  )
}
