import { useState, type ComponentProps } from 'react'
import { Button } from '../components/Button'
import { DataControls } from '../components/DataControls'
import { StaticWarnings } from '../components/StaticWarnings'
import { StatusLine, WarningDetails } from '../components/StatusMessage'
import { NoteField } from '../components/NoteField'
import { Plan } from '../components/Plan'
import { Page } from '../components/Page'
import { SuggestionCard } from '../components/SuggestionCard'
import type { AnswerValue, Answers, Section } from '../../content/schema'
import { heldBackText, type Summary } from '../../domain/summary'
import { QuestionField } from '../components/QuestionField'
import { PrintSummary } from '../print/PrintSummary'

/**
 * Warnings first, then the article's suggestions by factor, then what to watch for; then the
 * person's own questions, printing, and their record. In print, only the summary document shows.
 */
export function ResultScreen({
  summary,
  warningSigns,
  selfTest,
  note,
  data,
  onBack,
}: {
  summary: Summary
  /** the static list of signs that need help today, for someone the check is not made for */
  warningSigns: string[]
  /** the optional self-test, offered when no warning sign applies */
  selfTest?: { section: Section | undefined; answers: Answers; onAnswer: (questionId: string, value: AnswerValue | undefined) => void }
  note: ComponentProps<typeof NoteField>
  data: ComponentProps<typeof DataControls>
  onBack: () => void
}) {
  const { status, groups, held } = summary
  const [full, setFull] = useState(false)
  const urgent = status?.destination.level === 'urgent'
  const outOfScope = summary.urgency === 'out-of-scope' || status?.alsoMention.some((f) => f.item.urgency === 'out-of-scope')
  // Someone the check is not made for was asked no warning questions: show them the signs to look for.
  const showWarningSigns = status?.destination.level === 'out-of-scope'
  return (
    <>
      <Page title="Your summary" className="print:hidden">
        {status ? (
          <StatusLine status={status} />
        ) : (
          <p className="rounded-lg border-l-8 border-brand-700 bg-brand-50 p-4 font-semibold text-slate-900" data-status="none">
            None of your answers matched a warning sign.
          </p>
        )}
        {showWarningSigns && (
          <div className="mt-4">
            <StaticWarnings signs={warningSigns} heading="Get medical help today if:" />
          </div>
        )}

        {(summary.plan.length > 0 || held > 0) && (
          <section aria-labelledby="plan" className="mt-5">
            <h2 id="plan" className="text-xl font-bold text-slate-900">
              Your plan for the next two weeks
            </h2>
            {urgent && (
              <p className="mt-2 font-semibold text-slate-900">
                Get checked first{summary.plan.length > 0 ? ': these are for later. ' : '. '}
                {heldBackText(held, 'you')}
              </p>
            )}
            <Plan items={summary.plan} />
          </section>
        )}

        <section aria-labelledby="watch-for" className="mt-5 rounded-lg bg-white p-3 ring-1 ring-slate-300">
          <h2 id="watch-for" className="text-xl font-bold text-slate-900">
            Watch for
          </h2>
          <ul className="mt-1 list-disc pl-5 text-[15px] leading-snug text-slate-800">
            {summary.watchFor.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>

        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1" data-print-controls>
          <Button onClick={() => window.print()}>Print summary</Button>
          <label className="flex min-h-12 items-center gap-2 text-slate-800">
            <input type="checkbox" className="size-5 accent-brand-700" checked={full} onChange={(e) => setFull(e.target.checked)} />
            Add every suggestion in full
          </label>
        </div>

        {status && (
          <div id="warning-details" tabIndex={-1} className="mt-6 scroll-mt-4">
            <WarningDetails status={status} />
          </div>
        )}

        {!status && selfTest?.section && (
          <section aria-labelledby="self-test" className="mt-6 rounded-lg bg-white p-4 ring-1 ring-slate-300" data-self-test>
            <h2 id="self-test" className="text-xl font-bold text-slate-900">
              {selfTest.section.title}
            </h2>
            {selfTest.section.intro && <p className="mt-1 text-slate-700">{selfTest.section.intro}</p>}
            <div className="mt-4 space-y-6">
              {selfTest.section.questions.map((q) => (
                <QuestionField key={q.id} question={q} value={selfTest.answers[q.id]} onAnswer={selfTest.onAnswer} />
              ))}
            </div>
            <p className="mt-3 text-slate-700">Your counts are printed on your summary, so you can compare them next time.</p>
          </section>
        )}

        <p className="mt-6 text-slate-800">
          This is not a diagnosis. It lists the general suggestions of one practitioner's article (a chiropractor's blog post and
          his replies to readers) that match your answers. Other clinicians disagree with parts of it; each suggestion says how
          far. If a doctor or physiotherapist is treating you, keep to their plan and talk to them before changing anything.
        </p>

        {groups.length > 0 ? (
          <section aria-labelledby="suggestions" className="mt-8">
            <h2 id="suggestions" className="text-2xl font-bold text-slate-900">
              Everything the article suggests for you
            </h2>
            <p className="mt-1 text-slate-700">By topic. Open a topic to read each suggestion, why it is shown and where it comes from.</p>
            <div className="mt-3 space-y-3">
              {groups.map(({ factor, suggestions }) => (
                <details key={factor.id} className="rounded-lg bg-white ring-1 ring-slate-300" data-factor={factor.id}>
                  <summary className="min-h-12 cursor-pointer px-4 py-3 text-lg font-bold text-brand-700">
                    {factor.title} ({suggestions.length})
                  </summary>
                  <div className="space-y-3 px-4 pb-4">
                    {factor.intro && <p className="text-slate-700">{factor.intro}</p>}
                    {suggestions.map((suggestion) => (
                      <SuggestionCard key={suggestion.rule.id} {...suggestion} />
                    ))}
                  </div>
                </details>
              ))}
            </div>
            {summary.quiet.length > 0 && (
              <ul className="mt-4 space-y-1 text-slate-700" aria-label="Topics where your answers raised nothing">
                {summary.quiet.map((factor) => (
                  <li key={factor.id}>
                    <span className="font-semibold">{factor.title}:</span> nothing in your answers pointed here.
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : (
          outOfScope && (
            <p className="mt-6 text-slate-800">Because this check isn't made for you, we don't show the article's suggestions.</p>
          )
        )}

        <section aria-labelledby="take-it" className="mt-8 space-y-4 rounded-lg bg-white p-4 ring-1 ring-slate-300">
          <h2 id="take-it" className="text-xl font-bold text-slate-900">
            Take it to your practitioner
          </h2>
          <NoteField {...note} />
          <p className="text-slate-700">
            The printed summary fits on one page: any warning signs, your key facts, your plan, your note and space for your
            practitioner. To keep it as a file, choose “Save as PDF” in the print window.
          </p>
        </section>

        <div className="mt-8">
          <DataControls {...data} />
        </div>

        <div className="mt-8 flex flex-wrap gap-3">
          <Button look="secondary" onClick={onBack}>
            Back
          </Button>
        </div>
      </Page>
      <PrintSummary summary={summary} note={note.value} full={full} />
    </>
  )
}
