import { Button } from '../components/Button'
import { FlagMessage } from '../components/FlagMessage'
import { Page } from '../components/Page'
import type { Warning } from '../../domain/summary'

/** Says kindly that the check is not made for this person, and who can help instead. */
export function OutOfScopeScreen({
  warning,
  onResult,
  onBack,
}: {
  /** the warning that brought the person here */
  warning: Warning
  onResult: () => void
  onBack: () => void
}) {
  return (
    <Page title={warning.heading}>
      <FlagMessage {...warning} heading="Who can help instead" />
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
