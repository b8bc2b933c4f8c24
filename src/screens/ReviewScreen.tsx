import { Button } from '../components/Button'
import { Page } from '../components/Page'
import type { AnswerLine } from '../questionnaire/answerText'
import type { Section } from '../engine/schema'

/** Every visible answer by section; any section can be changed. */
export function ReviewScreen({
  sections,
  onEdit,
  onConfirm,
  onBack,
}: {
  sections: { section: Section; lines: AnswerLine[] }[]
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
            {lines.length ? (
              <dl className="mt-2 space-y-2">
                {lines.map((line) => (
                  <div key={line.questionId}>
                    <dt className="text-sm text-slate-700">{line.question}</dt>
                    <dd className="font-medium text-slate-900">{line.answer}</dd>
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
