import type { Suggestion } from '../../domain/summary'
import { AgreementTag } from './Plan'

/** One of the article's suggestions, with the answers that brought it up and where it comes from. */
export function SuggestionCard({ rule, why, passages }: Suggestion) {
  return (
    <article id={`rule-${rule.id}`} data-rule={rule.id} className="break-inside-avoid rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 print:shadow-none print:ring-slate-400">
      {rule.urgency === 'soon' && (
        <p className="mb-1 text-sm font-bold uppercase tracking-wide text-amber-800 print:text-black">Worth raising with a clinician</p>
      )}
      <h4 className="text-lg font-bold text-slate-900">{rule.title}</h4>
      <p className="mt-1">
        <AgreementTag agreement={rule.agreement} />
      </p>
      <p className="mt-2 text-slate-800">{rule.body}</p>
      {rule.differs && (
        <p className="mt-3 rounded-md bg-slate-100 p-3 text-slate-800 print:bg-transparent print:p-0">
          <span className="font-semibold">What other clinicians say: </span>
          {rule.differs}
        </p>
      )}
      <div className="mt-3 text-sm text-slate-700">
        <p className="font-semibold text-slate-800">Why you see this</p>
        {rule.why ? (
          <p>{rule.why}</p>
        ) : why.length ? (
          <ul className="list-disc pl-5">
            {why.map((line) => (
              <li key={line.questionId}>
                {line.question}: <span className="font-medium text-slate-900">{line.answer}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>It applies to everyone the article is written for.</p>
        )}
        <p className="mt-2">
          <span className="font-semibold text-slate-800">{rule.agreement === 'general' ? 'Related passages of the article: ' : 'From the article: '}</span>
          {passages.map(({ label, text }, i) => (
            <span key={label}>
              {i > 0 && '; '}
              passage {label}
              {text && ` (${text})`}
            </span>
          ))}
        </p>
      </div>
    </article>
  )
}
