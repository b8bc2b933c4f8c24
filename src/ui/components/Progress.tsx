/** Which section of how many, as text and as a bar. */
export function Progress({ current, total, label }: { current: number; total: number; label: string }) {
  return (
    <div className="mb-2 print:hidden">
      <p className="text-sm font-medium text-slate-700">
        Step {current} of {total}: {label}
      </p>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${Math.round((current / total) * 100)}%` }} />
      </div>
    </div>
  )
}
