import { Button } from '../components/Button'
import { Page } from '../components/Page'
import type { AnswerLine } from '../../domain/answerText'
import type { Section } from '../../content/schema'

/** A question whose answer needs another look because the questions changed since it was given. */
interface Recheck {
  sectionId: string
  questionId: string
  question: string
}

const lookAgain = (
  <span className="ml-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900 ring-1 ring-amber-700">
    Needs another look
  </span>
)

/** Every visible answer by section; any section can be changed. Answers to look at again are marked. */
export function ReviewScreen({
  sections,
  recheck = [],
  onEdit,
  onConfirm,
  onBack,
}: {
  sections: { section: Section; lines: AnswerLine[] }[]
  recheck?: Recheck[]
  onEdit: (sectionId: string) => void
  onConfirm: () => void
  onBack: () => void
}) {
  return (
    <Page title="Check your answers" lead="Change anything that isn't right, then see your summary.">
      <div className="space-y-4">
        {sections.map(({ section, lines }) => (
          <section key={section.id} aria-labelledby={`review-${section.id}`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="flex items-start justify-between gap-3">
              <h2 id={`review-${section.id}`} className="text-lg font-bold text-slate-900">
                {section.title}
              </h2>
              <Button look="quiet" className="-my-2 shrink-0 px-2" onClick={() => onEdit(section.id)} aria-label={`Change: ${section.title}`}>
                Change
              </Button>
            </div>
            {lines.length || recheck.some((r) => r.sectionId === section.id) ? (
              <dl className="mt-2 space-y-2">
                {lines.map((line) => (
                  <div key={line.questionId}>
                    <dt className="text-sm text-slate-700">{line.question}</dt>
                    <dd className="font-medium text-slate-900">
                      {line.answer}
                      {recheck.some((r) => r.questionId === line.questionId) && lookAgain}
                    </dd>
                  </div>
                ))}
                {recheck
                  .filter((r) => r.sectionId === section.id && !lines.some((line) => line.questionId === r.questionId))
                  .map((r) => (
                    <div key={r.questionId}>
                      <dt className="text-sm text-slate-700">{r.question}</dt>
                      <dd className="font-medium text-slate-900">
                        Not answered{lookAgain}
                      </dd>
                    </div>
                  ))}
              </dl>
            ) : (
              <p className="mt-2 text-slate-700">No answers.</p>
            )}
          </section>
        ))}
      </div>
      <div className="mt-8 flex flex-wrap gap-3">
        <Button onClick={onConfirm}>See my summary</Button>
        <Button look="secondary" onClick={onBack}>
          Back
        </Button>
      </div>
    </Page>
  )
}
