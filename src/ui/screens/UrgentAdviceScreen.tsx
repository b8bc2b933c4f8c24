import { Button } from '../components/Button'
import { StatusMessage } from '../components/StatusMessage'
import { Page } from '../components/Page'
import type { Status } from '../../domain/summary'

/** The urgent branch: the warning comes before anything else; the rest stays within reach. */
export function UrgentAdviceScreen({
  status,
  onContinue,
  onResult,
  onBack,
  editing,
}: {
  editing: boolean
  /** what leads the person's result: the warning that brought them here */
  status: Status
  onContinue: () => void
  onResult: () => void
  onBack: () => void
}) {
  return (
    <Page title={status.destination.heading}>
      <StatusMessage status={status} heading="Why we say this" />
      <p className="mt-6 text-slate-800">
        You can still read the article's general suggestions, for example while you wait to be seen. They do not replace being
        checked.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={onResult}>See my summary now</Button>
        <Button look="secondary" onClick={onContinue}>
          {editing ? 'Back to my answers' : 'Answer the other questions first'}
        </Button>
        <Button look="quiet" onClick={onBack}>
          Back
        </Button>
      </div>
    </Page>
  )
}
