/**
 * The document a person takes to their practitioner: what it is, any warning signs at the top, the
 * pain picture, what they tried, every visible answer in words, the matching suggestions with their
 * reasons and sources, their own questions, and room for the practitioner's notes.
 *
 * It is part of the result screen but shows only in print (`hidden print:block`), and the screen's
 * own content hides in print, so the Print button, the browser's Ctrl+P / Cmd+P and a saved PDF all
 * give this same plain, black-on-white document.
 */
import type { Status, Summary } from '../../domain/summary'
import { answersInWords, heldBackText } from '../../domain/summary'
import type { AnswerLine } from '../../domain/answerText'

const levelTag: Record<Status['destination']['level'], string> = {
  urgent: 'URGENT',
  soon: 'SOON',
  'out-of-scope': 'NOT FOR THIS CHECK',
}

function Answers({ lines, inline = false }: { lines: AnswerLine[]; inline?: boolean }) {
  if (inline)
    return (
      <p>
        {lines.map((line, i) => (
          <span key={line.questionId}>
            {i > 0 && '; '}
            {line.question}: <span className="font-semibold">{line.answer}</span>
          </span>
        ))}
        .
      </p>
    )
  return (
    <dl className="mt-1">
      {lines.map((line) => (
        <div key={line.questionId} className="break-inside-avoid">
          <dt className="inline font-semibold">{line.question}: </dt>
          <dd className="inline">{line.answer}</dd>
        </div>
      ))}
    </dl>
  )
}

function Warnings({ status: { destination, flags, alsoMention, whileWaiting } }: { status: Status }) {
  return (
    <section data-print-urgency={destination.level} data-print-destination={destination.id} className="mt-2 break-inside-avoid border-2 border-black p-3">
      <h2 className="break-after-avoid text-[12pt] font-bold">
        {levelTag[destination.level]}: {destination.heading}
      </h2>
      <p>{destination.body}</p>
      <ul className="mt-1 list-disc pl-5">
        {flags.map(({ item, why }) => (
          <li key={item.id} data-print-flag={item.id}>
            <span className="font-semibold">{item.summary}</span>
            {why.length > 0 && <> (answered: {answersInWords(why)})</>}. {item.advice}
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
        <>
          <p className="mt-1 font-semibold">When I go, I will also mention:</p>
          <ul className="list-disc pl-5">
            {alsoMention.map(({ item, why }) => (
              <li key={item.id} data-print-flag={item.id}>
                <span className="font-semibold">{item.summary}</span>
                {why.length > 0 && <> (answered: {answersInWords(why)})</>}.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

export function PrintSummary({ summary, note }: { summary: Summary; note: string }) {
  const { status, groups, held, lead, others, cited, article, versions } = summary
  const urgent = status?.destination.level === 'urgent'
  return (
    <div className="hidden text-[9pt] leading-snug text-black print:block" data-print-summary>
      <header className="border-b-2 border-black pb-2">
        <p className="text-[16pt] font-bold">Achilles Self-Check: summary for my practitioner</p>
        <p>Made on {summary.printedOn}.</p>
        <p className="mt-1">
          <span className="font-semibold">What this is: </span>
          my own answers to a self-check app about heel and Achilles pain, and the general suggestions that match them from one
          practitioner’s article, “{article.title}” ({article.kind.toLowerCase()}). It is not a diagnosis: nobody
          has examined me, and other clinicians disagree with parts of the article. Passage labels (A1 for the article, C7.1 for
          the author’s reply to comment 7) are explained at the end.
        </p>
      </header>

      {status && <Warnings status={status} />}
      {!status && (
        <p className="mt-2 font-semibold">Warning signs: none of my answers matched a warning sign.</p>
      )}
      {summary.unansweredScreening.length > 0 && (
        <p className="mt-2 font-semibold">
          Not answered, because the urgent warning came first: {summary.unansweredScreening.join('; ')}. Please don’t read these as “no”.
        </p>
      )}

      <div className="mt-2 grid grid-cols-2 gap-x-6">
        {lead.map((section) => (
          <section key={section.id} className="break-inside-avoid">
            <h2 className="break-after-avoid text-[12pt] font-bold">{section.title}</h2>
            <Answers lines={section.lines} />
          </section>
        ))}
      </div>

      {others.length > 0 && (
        <section className="mt-2">
          <h2 className="break-after-avoid text-[12pt] font-bold">All my other answers</h2>
          <div className="columns-2 gap-x-6">
            {others.map((s) => (
              <section key={s.id} className="mt-1 break-inside-avoid">
                <h3 className="font-bold">{s.title}</h3>
                <Answers lines={s.lines} inline={s.screening} />
              </section>
            ))}
          </div>
        </section>
      )}

      {(groups.length > 0 || held > 0) && (
        <section className="mt-2">
          <h2 className="break-after-avoid text-[12pt] font-bold">The article’s suggestions that match my answers</h2>
          {urgent && (
            <p className="font-semibold">
              Because of the urgent warning sign above, I need to be checked first. These general suggestions are for later and
              never replace being seen. {heldBackText(held, 'me')}
            </p>
          )}
          {groups.map(({ factor, suggestions }) => (
            <section key={factor.id} className="mt-2">
              <h3 className="break-after-avoid border-b border-black text-[10pt] font-bold">{factor.title}</h3>
              {suggestions.map(({ rule: item, why }) => (
                <article key={item.id} data-print-rule={item.id} className="mt-1.5 break-inside-avoid">
                  <h4 className="font-bold">
                    {item.title}
                    {item.urgency === 'soon' && ' (worth raising with a clinician)'}
                  </h4>
                  <p>{item.body}</p>
                  {item.differs && (
                    <p>
                      <span className="font-semibold">Other clinicians: </span>
                      {item.differs}
                    </p>
                  )}
                  <p>
                    <span className="font-semibold">Why shown: </span>
                    {why.length ? answersInWords(why) : 'it applies to everyone the article is for'}.{' '}
                    <span className="font-semibold">Article passages: </span>
                    {item.sources.join(', ')}.
                  </p>
                </article>
              ))}
            </section>
          ))}
        </section>
      )}

      <section className="mt-2 break-inside-avoid">
        <h2 className="break-after-avoid text-[12pt] font-bold">What I want to ask</h2>
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
        <h2 className="break-after-avoid text-[12pt] font-bold">Watch for</h2>
        <p>Get help if any of these happen, even if I feel fine now. {summary.watchFor.join(' ')}</p>
      </section>

      <section className="mt-2 break-inside-avoid">
        <h2 className="break-after-avoid text-[12pt] font-bold">Notes from my practitioner</h2>
        <Lines count={5} />
      </section>

      {cited.length > 0 && (
        <section className="mt-2">
          <h2 className="break-after-avoid text-[12pt] font-bold">The article’s passages cited above</h2>
          <p className="text-[8pt]">
            {cited.map(({ label, text }, i) => (
              <span key={label}>
                {i > 0 && ' · '}
                <span className="font-semibold">{label}:</span> {text}
              </span>
            ))}
          </p>
        </section>
      )}

      <footer className="mt-2 border-t border-black pt-1 text-[8pt]">
        Achilles Self-Check {versions.app}, rules version {versions.rules}. Made on my own device; nothing was sent anywhere.
      </footer>
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
