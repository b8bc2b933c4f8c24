import { Button } from '../components/Button'
import { FlagMessage } from '../components/FlagMessage'
import { Page } from '../components/Page'
import type { RedFlag, RedFlags } from '../../content/schema'
import type { Explained } from '../../domain/result'

/** Says kindly that the check is not made for this person, and who can help instead. */
export function OutOfScopeScreen({
  levels,
  flags,
  onResult,
  onBack,
}: {
  levels: RedFlags['levels']
  flags: Explained<RedFlag>[]
  onResult: () => void
  onBack: () => void
}) {
  return (
    <Page title={levels['out-of-scope'].heading}>
      <FlagMessage level="out-of-scope" heading="Who can help instead" body={levels['out-of-scope'].body} flags={flags} />
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
