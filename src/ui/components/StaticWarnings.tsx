import { useId } from 'react'

/**
 * The warning signs that need help today, shown before any question is asked and wherever the
 * check cannot go on (the welcome screen, an out-of-scope exit, an error): they matter more than the app.
 */
export function StaticWarnings({ signs, heading = 'Get medical help today instead if:' }: { signs: string[]; heading?: string }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className="rounded-lg border-l-8 border-red-700 bg-red-50 p-4">
      <h2 id={id} className="text-xl font-bold text-slate-900">
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        {signs.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p className="mt-2 text-slate-800">Go to an emergency department or urgent care. Don't wait to see if it settles.</p>
    </section>
  )
}
