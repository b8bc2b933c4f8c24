import { agreementLabels, type Suggestion } from '../../domain/summary'

const tagLooks: Record<Suggestion['rule']['agreement'], string> = {
  'most-agree': 'bg-emerald-50 text-emerald-900 ring-emerald-700',
  general: 'bg-sky-50 text-sky-900 ring-sky-700',
  differ: 'bg-amber-50 text-amber-900 ring-amber-700',
  'article-view': 'bg-slate-100 text-slate-900 ring-slate-600',
}

/** How far other clinicians agree, as a small tag. */
export function AgreementTag({ agreement }: { agreement: Suggestion['rule']['agreement'] }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ring-1 ${tagLooks[agreement]}`} data-agreement={agreement}>
      {agreementLabels[agreement]}
    </span>
  )
}

/** The few things to do first: one line each, why in the person's own answers, and how far clinicians agree. */
export function Plan({ items }: { items: Suggestion[] }) {
  return (
    <ol className="mt-3 space-y-2">
      {items.map(({ rule, shortWhy }, i) => (
        <li key={rule.id} data-plan-rule={rule.id} className="rounded-lg bg-white px-3 py-2 ring-1 ring-slate-300">
          <p className="font-bold text-slate-900">
            {i + 1}.{' '}
            <a href={`#rule-${rule.id}`} className="underline decoration-slate-400 underline-offset-4 hover:decoration-slate-900">
              {rule.title}
            </a>
          </p>
          <p className="mt-1 text-slate-800">
            {shortWhy} <AgreementTag agreement={rule.agreement} />
          </p>
        </li>
      ))}
    </ol>
  )
}
