import { Button } from '../components/Button'
import { StatusMessage } from '../components/StatusMessage'
import { Page } from '../components/Page'
import { StaticWarnings } from '../components/StaticWarnings'
import type { Status } from '../../domain/summary'

/** Says kindly that the check is not made for this person, and who can help instead. */
export function OutOfScopeScreen({
  status,
  warningSigns,
  onResult,
  onBack,
}: {
  /** what leads the person's result: the warning that brought them here */
  status: Status
  /** the static list of signs that need help today: no warning question was asked of this person */
  warningSigns: string[]
  onResult: () => void
  onBack: () => void
}) {
  return (
    <Page title={status.destination.heading}>
      <StatusMessage status={status} heading={status.destination.level === 'out-of-scope' ? 'Who can help instead' : 'Why we say this'} />
      {status.destination.level === 'out-of-scope' && (
        <div className="mt-6">
          <StaticWarnings signs={warningSigns} heading="Get medical help today if:" />
        </div>
      )}
      <p className="mt-6 text-slate-800">If you chose an answer by mistake, go back and change it.</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={onResult}>See my summary</Button>
        <Button look="secondary" onClick={onBack}>
          Back
        </Button>
      </div>
    </Page>
  )
}
