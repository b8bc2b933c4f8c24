/**
 * The document a person takes to their practitioner, readable in two minutes on one page: what it
 * is and where the article can be found, any warning sign at the top, the person's key facts and
 * every warning-sign answer, their plan, their own questions, and room for the practitioner's notes.
 * Ticking "Add every suggestion in full" adds a second part (PrintFull).
 *
 * It is part of the result screen but shows only in print (`hidden print:block`), and the screen's
 * own content hides in print, so the Print button, the browser's Ctrl+P / Cmd+P and a saved PDF all
 * give this same plain, black-on-white document.
 */
import type { Status, Summary } from '../../domain/summary'
import { agreementLabels, answersInWords, heldBackText } from '../../domain/summary'
import { PrintFull } from './PrintFull'

const levelTag: Record<Status['destination']['level'], string> = {
  urgent: 'URGENT',
  soon: 'SOON',
  'out-of-scope': 'NOT FOR THIS CHECK',
}

function Warnings({ status: { destination, flags, alsoMention, whileWaiting } }: { status: Status }) {
  return (
    <section data-print-urgency={destination.level} data-print-destination={destination.id} className="mt-2 break-inside-avoid border-2 border-black p-3">
      <h2 className="break-after-avoid text-[12pt] font-bold">
        {levelTag[destination.level]}: {destination.heading}
      </h2>
      <p>{destination.body}</p>
      <ul className="mt-1 list-disc pl-5">
        {flags.map(({ item }) => (
          <li key={item.id} data-print-flag={item.id}>
            <span className="font-semibold">{item.summary}.</span> {item.advice}
          </li>
        ))}
      </ul>
      {whileWaiting.length > 0 && (
        <p className="mt-1">
          <span className="font-semibold">While I wait: </span>
          {whileWaiting.join(' ')}
        </p>
      )}
      {alsoMention.length > 0 && (
        <p className="mt-1">
          <span className="font-semibold">When I go, I will also mention: </span>
          {alsoMention.map(({ item }, i) => (
            <span key={item.id} data-print-flag={item.id}>
              {i > 0 && '; '}
              {item.summary}
            </span>
          ))}
          .
        </p>
      )}
    </section>
  )
}

export function PrintSummary({ summary, note, full = false }: { summary: Summary; note: string; full?: boolean }) {
  const { status, plan, held, facts, warningAnswers, article, versions } = summary
  const urgent = status?.destination.level === 'urgent'
  return (
    <div className="hidden text-[8.5pt] leading-snug text-black print:block" data-print-summary>
      <header className="border-b-2 border-black pb-1">
        <p className="text-[15pt] font-bold">Achilles Self-Check: summary for my practitioner</p>
        <p>
          Made on {summary.printedOn}. <span className="font-semibold">What this is: </span>my own answers to a self-check app about
          heel and Achilles pain, with the general suggestions that match them from one practitioner’s article: “{article.title}”,{' '}
          {article.kind.toLowerCase()}, on the {article.site} website (passage codes: A1 to A7 for the article, C7.1 for the
          author’s reply to comment 7). It is not a diagnosis: nobody has examined me.
        </p>
      </header>

      {status ? <Warnings status={status} /> : <p className="mt-2 font-semibold">Warning signs: none of my answers matched a warning sign.</p>}
      {summary.unansweredScreening.length > 0 && (
        <p className="mt-1 font-semibold">
          Not answered, because the urgent warning came first: {summary.unansweredScreening.join('; ')}. Please don’t read these as “no”.
        </p>
      )}

      <section className="mt-2">
        <h2 className="text-[11pt] font-bold">Key facts</h2>
        <dl className="columns-2 gap-x-6" data-print-facts>
          {facts.map((fact) => (
            <div key={fact.label} className="break-inside-avoid">
              <dt className="inline font-semibold">{fact.label}: </dt>
              <dd className="inline">{fact.value}</dd>
            </div>
          ))}
        </dl>
        {warningAnswers.length > 0 && (
          <p className="mt-1">
            <span className="font-semibold">My warning-sign answers: </span>
            {answersInWords(warningAnswers)}.
          </p>
        )}
      </section>

      {(plan.length > 0 || held > 0) && (
        <section className="mt-2 break-inside-avoid">
          <h2 className="text-[11pt] font-bold">My plan for the next two weeks</h2>
          {urgent && <p className="font-semibold">I need to be checked first; these are for later. {heldBackText(held, 'me')}</p>}
          <ol className="list-decimal pl-5">
            {plan.map(({ rule }) => (
              <li key={rule.id} data-print-plan={rule.id}>
                {rule.title} ({agreementLabels[rule.agreement].toLowerCase()}{rule.sources.length > 0 && `; passages ${rule.sources.join(', ')}`})
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="mt-2 break-inside-avoid">
        <h2 className="text-[11pt] font-bold">Watch for</h2>
        <p>I will get help if any of these happen, even if I feel fine now:</p>
        <ul className="list-disc pl-5">
          {summary.watchFor.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>

      <section className="mt-2 break-inside-avoid">
        <h2 className="text-[11pt] font-bold">What I want to ask</h2>
        {note.trim() ? (
          // Shown exactly as typed, as text: React never turns it into markup, and the text's own direction is kept.
          <p dir="auto" className="whitespace-pre-wrap [overflow-wrap:anywhere] [unicode-bidi:plaintext]" data-note>
            {note}
          </p>
        ) : (
          <Lines count={2} />
        )}
      </section>

      <section className="mt-2 break-inside-avoid">
        <h2 className="text-[11pt] font-bold">Notes from my practitioner</h2>
        <Lines count={3} />
      </section>

      <footer className="mt-2 border-t border-black pt-1 text-[8pt]">
        Achilles Self-Check {versions.app}, rules version {versions.rules}. Made on my own device; nothing was sent anywhere.
      </footer>

      {full && <PrintFull summary={summary} />}
    </div>
  )
}

/** ruled lines to write on */
function Lines({ count }: { count: number }) {
  return (
    <div aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-[8mm] border-b border-black" />
      ))}
    </div>
  )
}
