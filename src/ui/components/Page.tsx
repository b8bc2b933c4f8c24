import type { ReactNode } from 'react'

/** The frame every screen shares: the app's name, a privacy line, and one <main> with an <h1>. */
export function Page({
  title,
  lead,
  progress,
  className = '',
  children,
}: {
  title: string
  lead?: ReactNode
  progress?: ReactNode
  className?: string
  children: ReactNode
}) {
  return (
    <div className={`mx-auto flex min-h-dvh max-w-2xl flex-col px-4 pb-10 sm:px-6 ${className}`}>
      <header className="flex items-center justify-between gap-3 py-4 print:hidden">
        <span className="font-semibold text-brand-700">Achilles Self-Check</span>
        <span className="text-sm text-slate-600">Answers stay on this device</span>
      </header>
      {progress}
      <main className="flex-1">
        <h1 tabIndex={-1} className="mt-2 text-2xl font-bold leading-tight text-slate-900 sm:text-3xl">
          {title}
        </h1>
        {lead && <div className="mt-3 text-lg text-slate-700">{lead}</div>}
        <div className="mt-6">{children}</div>
      </main>
    </div>
  )
}
