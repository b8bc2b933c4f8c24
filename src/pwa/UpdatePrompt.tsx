import { useUpdate } from './updateStore'
import { Button } from '../ui/components/Button'

const messages = {
  ready: 'A new version of this app is ready. Your answers are kept when you update.',
  'reload-needed': 'This app was updated in another tab. Reload to use the new version; your answers are kept.',
  applying: 'Updating… your answers are kept.',
}

/**
 * Says that a new version is ready, and lets the person choose when. It never takes focus or
 * covers a question: it sits above the page, and a screen reader announces it politely.
 */
export function UpdatePrompt() {
  const { state, apply, later } = useUpdate()
  return (
    <div role="status" className="print:hidden">
      {state !== 'none' && (
        <div className="border-b-4 border-brand-700 bg-brand-50">
          <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
            <p className="text-slate-900">{messages[state]}</p>
            {state !== 'applying' && (
              <div className="flex gap-3">
                <Button className="min-h-10 py-2" onClick={apply}>
                  {state === 'ready' ? 'Update now' : 'Reload'}
                </Button>
                <Button look="secondary" className="min-h-10 py-2" onClick={later}>
                  Later
                </Button>
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
