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

/** What the person could say when they get there; adapted when they answered "Not sure". */
function WhatToSay({ flag, why }: { flag: RedFlag; why: Explained<RedFlag>['why'] }) {
  if (!flag.say) return null
  const unsure = why.some((line) => line.value === 'unsure' || (Array.isArray(line.value) && line.value.includes('unsure')))
  return (
    <p className="mt-1 text-slate-800">
      <span className="font-semibold">What you could say when you get there:</span> “{flag.say}”
      {unsure && ' Change it to fit: say what you noticed and that you are not sure.'}
    </p>
  )
}

/** What to do and not do until the person is seen. */
function WhileYouWait({ tips }: { tips: string[] }) {
  if (tips.length === 0) return null
  return (
    <>
      <h3 className="mt-4 font-bold text-slate-900">While you wait</h3>
      <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-800">
        {tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </>
  )
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
            <WhatToSay flag={flag} why={why} />
          </li>
        ))}
      </ul>
      <WhileYouWait tips={whileWaiting} />
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

/** The signs that apply, in a sentence: "Because of: a; b." */
function SignList({ label, flags, className }: { label: string; flags: Explained<RedFlag>[]; className: string }) {
  return (
    <p className={`${className} text-slate-900`}>
      <span className="font-semibold">{label}</span>
      {flags.map((f, i) => (
        <span key={f.item.id} data-flag={f.item.id}>
          {i > 0 && '; '}
          {f.item.summary}
        </span>
      ))}
      .
    </p>
  )
}

/**
 * The status at the top of the result: where to go and how soon, and every sign that applies
 * (the ones that send the person there, then the others to mention). What to say and what to do
 * while waiting follow the plan (WarningDetails).
 */
export function StatusLine({ status }: { status: Status }) {
  const { destination, flags, alsoMention } = status
  return (
    <section
      aria-label="Your warning signs"
      data-urgency={destination.level}
      data-destination={destination.id}
      className={`rounded-lg border-l-8 p-4 ${looks[destination.level].box}`}
    >
      <p className="text-sm font-bold uppercase tracking-wide text-slate-800">{looks[destination.level].tag}</p>
      <h2 className="mt-1 text-xl font-bold text-slate-900">{destination.heading}</h2>
      <p className="mt-1 text-slate-800">{destination.body}</p>
      <SignList label="Because of: " flags={flags} className="mt-2" />
      {alsoMention.length > 0 && <SignList label="When you go, also mention: " flags={alsoMention} className="mt-1" />}
      <p className="mt-2">
        <a href="#warning-details" className="font-semibold text-slate-900 underline underline-offset-4">
          What to say and do while you wait
        </a>
      </p>
    </section>
  )
}

/** Below the plan: for each sign that sends the person somewhere, why it matters and what to say, and what to do while waiting. */
export function WarningDetails({ status }: { status: Status }) {
  const { flags, whileWaiting } = status
  return (
    <section aria-labelledby="warning-details-heading" className="rounded-lg bg-white p-4 ring-1 ring-slate-300">
      <h2 id="warning-details-heading" className="text-xl font-bold text-slate-900">
        What to say and do
      </h2>
      <ul className="mt-2 space-y-3">
        {flags.map(({ item: flag, why }) => (
          <li key={flag.id}>
            <Answered why={why} />
            <p className="mt-1 text-slate-800">{flag.advice}</p>
            <WhatToSay flag={flag} why={why} />
          </li>
        ))}
      </ul>
      <WhileYouWait tips={whileWaiting} />
    </section>
  )
}
