import { Button } from '../components/Button'
import { DeleteEverything } from '../components/DeleteEverything'
import { OpenFile, type FileRead } from '../components/OpenFile'
import { Page } from '../components/Page'
import { StaticWarnings } from '../components/StaticWarnings'
import { redFlags } from '../../content/questionnaire'

/**
 * The first screen, prerendered into index.html so it paints before any script runs.
 * It must not read the store or the machine: it renders the same on the server and in the browser.
 */
export function WelcomeScreen({
  onStart,
  onRead,
  deleteMessage,
  onDeleteAll,
}: {
  onStart?: () => void
  /** reads answers saved as a file on another device (or earlier on this one) */
  onRead?: (file: File) => Promise<FileRead>
  /** why "Delete everything" could not be done */
  deleteMessage?: string | null
  /** wipes every trace of the person on this device, once they confirm */
  onDeleteAll?: () => void
}) {
  return (
    <Page
      title="Check your Achilles or heel pain"
      lead="About 10 minutes of questions for runners and other active adults with pain in the calf, the Achilles tendon or the back of the heel."
    >
      <div className="space-y-6">
        <StaticWarnings signs={redFlags.welcomeList} />

        <section aria-labelledby="what-this-is">
          <h2 id="what-this-is" className="text-xl font-bold text-slate-900">
            What this is
          </h2>
          <ul className="mt-2 list-disc space-y-2 pl-6 text-slate-800">
            <li>
              It checks for warning signs first. Then it asks about things that may play a part, such as shoes, training, stress
              and food.
            </li>
            <li>
              It shows the general suggestions of <strong>one practitioner's article</strong> that fit your answers, says why each
              one is shown, and notes where other clinicians often disagree.
            </li>
            <li>
              It is <strong>not a diagnosis</strong> and does not replace a doctor or physiotherapist. If one is treating you, keep
              to their plan and talk to them about any change.
            </li>
            <li>It is for people aged 16 and over.</li>
            <li>Your answers stay on this device. Nothing is sent anywhere.</li>
            <li>After your first visit it works without a connection too. At the end you can print a summary for your practitioner.</li>
          </ul>
        </section>

        <Button onClick={onStart} className="w-full sm:w-auto">
          Start the check
        </Button>

        <div className="border-t border-slate-300 pt-4">
          <p className="text-slate-700">Saved your answers as a file on another device?</p>
          <OpenFile look="quiet" className="px-0" onRead={(file) => onRead?.(file) ?? Promise.resolve({ refused: '' })} />
          <p className="mt-4 text-slate-700">Used this check on a shared device? You can delete your answers from it at any time.</p>
          <DeleteEverything look="quiet" className="px-0" onConfirm={() => onDeleteAll?.()} />
          <div role="alert">
            {deleteMessage && <p className="mt-2 rounded-lg border-2 border-red-700 bg-white p-3 text-slate-900">{deleteMessage}</p>}
          </div>
        </div>
      </div>
    </Page>
  )
}
