/**
 * The second part of the printout, when the person asks for it: every matching suggestion in full
 * with why it is shown and where it comes from, every other answer, and a key to the passages.
 */
import type { AnswerLine } from '../../domain/answerText'
import { agreementLabels, heldBackText, type Summary } from '../../domain/summary'

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

export function PrintFull({ summary }: { summary: Summary }) {
  const { status, groups, held, cited, answered } = summary
  const urgent = status?.destination.level === 'urgent'
  return (
    <div className="break-before-page text-[7.5pt] leading-tight" data-print-full>
      <p className="text-[12pt] font-bold">Part 2: the article’s suggestions in full, and all my answers</p>
      {answered.length > 0 && (
        <section className="mt-2">
          <h2 className="break-after-avoid text-[10pt] font-bold">All my answers</h2>
          <div className="columns-2 gap-x-6">
            {answered.map((s) => (
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
          <h2 className="break-after-avoid text-[10pt] font-bold">The article’s suggestions that match my answers</h2>
          {urgent && (
            <p className="font-semibold">
              Because of the urgent warning sign above, I need to be checked first. These general suggestions are for later and
              never replace being seen. {heldBackText(held, 'me')}
            </p>
          )}
          <div>
          {groups.map(({ factor, suggestions }) => (
            <section key={factor.id} className="mt-1">
              <h3 className="break-after-avoid border-b border-black text-[9pt] font-bold">{factor.title}</h3>
              {suggestions.map(({ rule: item, whyText }) => (
                <article key={item.id} data-print-rule={item.id} className="mt-1 break-inside-avoid">
                  <h4 className="font-bold">
                    {item.title}
                    {item.urgency === 'soon' && ' (worth raising with a clinician)'} ({agreementLabels[item.agreement]})
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
                    {whyText}{' '}
                    <span className="font-semibold">Article passages: </span>
                    {item.sources.join(', ')}.
                  </p>
                </article>
              ))}
            </section>
          ))}
          </div>
        </section>
      )}

      {cited.length > 0 && (
        <section className="mt-2">
          <h2 className="break-after-avoid text-[10pt] font-bold">The article’s passages cited above</h2>
          <p className="text-[7pt]">
            {cited.map(({ label, text }, i) => (
              <span key={label}>
                {i > 0 && ' · '}
                <span className="font-semibold">{label}:</span> {text}
              </span>
            ))}
          </p>
        </section>
      )}

    </div>
  )
}
