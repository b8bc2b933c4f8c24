import type { RedFlag } from '../../content/schema'
import type { Explained } from '../../domain/result'
import { answersInWords, type Status } from '../../domain/summary'

const looks: Record<RedFlag['urgency'], { box: string; tag: string }> = {
  urgent: { box: 'border-red-700 bg-red-50', tag: 'Urgent' },
  soon: { box: 'border-amber-600 bg-amber-50', tag: 'Soon' },
  'out-of-scope': { box: 'border-slate-500 bg-white', tag: 'Not for you' },
}

/** The person's own answers behind a sign, "Not sure" included. */
function Answered({ why }: Pick<Explained<RedFlag>, 'why'>) {
  if (why.length === 0) return null
  return <p className="text-sm text-slate-800">You answered: {answersInWords(why)}.</p>
}

/**
 * What leads the result: one destination with its one time frame, the signs that send the person
 * there with what to say, what to do while waiting, and every other sign to mention when they go.
 */
export function StatusMessage({ status, heading }: { status: Status; heading?: string }) {
  const { destination, flags, alsoMention, whileWaiting } = status
  return (
    <section
      aria-label={heading ?? destination.heading}
      data-urgency={destination.level}
      data-destination={destination.id}
      className={`break-inside-avoid rounded-lg border-l-8 p-4 ${looks[destination.level].box}`}
    >
      <p className="text-sm font-bold uppercase tracking-wide text-slate-800">{looks[destination.level].tag}</p>
      <h2 className="mt-1 text-xl font-bold text-slate-900">{heading ?? destination.heading}</h2>
      <p className="mt-2 text-slate-800">{destination.body}</p>
      <ul className="mt-3 space-y-3">
        {flags.map(({ item: flag, why }) => (
          <li key={flag.id} data-flag={flag.id}>
            <p className="font-semibold text-slate-900">{flag.summary}</p>
            <Answered why={why} />
            <p className="mt-1 text-slate-800">{flag.advice}</p>
            {flag.say && (
              <p className="mt-1 text-slate-800">
                <span className="font-semibold">What you could say when you get there:</span> “{flag.say}”
                {why.some((line) => line.value === 'unsure' || (Array.isArray(line.value) && line.value.includes('unsure'))) &&
                  ' Change it to fit: say what you noticed and that you are not sure.'}
              </p>
            )}
          </li>
        ))}
      </ul>
      {whileWaiting.length > 0 && (
        <>
          <h3 className="mt-4 font-bold text-slate-900">While you wait</h3>
          <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-800">
            {whileWaiting.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </>
      )}
      {alsoMention.length > 0 && (
        <>
          <h3 className="mt-4 font-bold text-slate-900">When you go, also mention</h3>
          <ul className="mt-1 list-disc space-y-2 pl-6 text-slate-800">
            {alsoMention.map(({ item: flag, why }) => (
              <li key={flag.id} data-flag={flag.id}>
                <span className="font-semibold">{flag.summary}.</span> <Answered why={why} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
