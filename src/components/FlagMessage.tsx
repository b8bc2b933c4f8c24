import type { RedFlag, Urgency } from '../engine/schema'

const looks: Record<Exclude<Urgency, 'self-care'>, { box: string; tag: string }> = {
  urgent: { box: 'border-red-700 bg-red-50', tag: 'Urgent' },
  soon: { box: 'border-amber-600 bg-amber-50', tag: 'Soon' },
  'out-of-scope': { box: 'border-slate-500 bg-white', tag: 'Not for you' },
}

/** One level's warning: what to do, then each sign the person answered, with what to say. */
export function FlagMessage({
  level,
  heading,
  body,
  flags,
  headingLevel = 2,
}: {
  level: RedFlag['urgency']
  heading: string
  body: string
  flags: RedFlag[]
  headingLevel?: 2 | 3
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section
      aria-label={heading}
      data-urgency={level}
      className={`break-inside-avoid rounded-lg border-l-8 p-4 print:border-2 print:border-black ${looks[level].box}`}
    >
      <p className="text-sm font-bold uppercase tracking-wide text-slate-800">{looks[level].tag}</p>
      <H className="mt-1 text-xl font-bold text-slate-900">{heading}</H>
      <p className="mt-2 text-slate-800">{body}</p>
      <ul className="mt-3 space-y-3">
        {flags.map((flag) => (
          <li key={flag.id} data-flag={flag.id}>
            <p className="font-semibold text-slate-900">You told us: {flag.summary.charAt(0).toLowerCase() + flag.summary.slice(1)}.</p>
            <p className="text-slate-800">{flag.advice}</p>
            {flag.say && (
              <p className="mt-1 text-slate-800">
                <span className="font-semibold">What to say when you get there:</span> “{flag.say}”
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
