import type { Warning } from '../../domain/summary'
import { answersInWords } from '../../domain/summary'

const looks: Record<Warning['level'], { box: string; tag: string }> = {
  urgent: { box: 'border-red-700 bg-red-50', tag: 'Urgent' },
  soon: { box: 'border-amber-600 bg-amber-50', tag: 'Soon' },
  'out-of-scope': { box: 'border-slate-500 bg-white', tag: 'Not for you' },
}

/** One level's warning: what to do, then each sign the person answered, with what to say. */
export function FlagMessage({ level, heading, body, flags }: Warning) {
  return (
    <section
      aria-label={heading}
      data-urgency={level}
      className={`break-inside-avoid rounded-lg border-l-8 p-4 print:border-2 print:border-black ${looks[level].box}`}
    >
      <p className="text-sm font-bold uppercase tracking-wide text-slate-800">{looks[level].tag}</p>
      <h2 className="mt-1 text-xl font-bold text-slate-900">{heading}</h2>
      <p className="mt-2 text-slate-800">{body}</p>
      <ul className="mt-3 space-y-3">
        {flags.map(({ item: flag, why }) => {
          const unsure = why.some((line) => line.value === 'unsure')
          return (
            <li key={flag.id} data-flag={flag.id}>
              <p className="font-semibold text-slate-900">{flag.summary}</p>
              {why.length > 0 && (
                <p className="text-sm text-slate-800">
                  You answered: {answersInWords(why)}.
                </p>
              )}
              <p className="mt-1 text-slate-800">{flag.advice}</p>
              {flag.say && (
                <p className="mt-1 text-slate-800">
                  <span className="font-semibold">What you could say when you get there:</span> “{flag.say}”
                  {unsure && ' Change it to fit: say what you noticed and that you are not sure.'}
                </p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
