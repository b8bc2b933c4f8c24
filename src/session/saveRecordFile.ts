/** Saving the person's record as a file, from the result screen. */
import type { FullContent } from '../content/schema'
import { localToday } from '../domain/facts'
import { useAnswers } from './answersStore'
import { downloadText } from './device'
import { exportRecord } from '../domain/record/exportFile'

/** writes the answers, note and result to a file in the person's downloads; returns what to tell them */
export async function saveRecordFile(content: FullContent): Promise<{ ok: true; message: string }> {
  const { filename, text } = await exportRecord(useAnswers.getState(), content, localToday(), new Date())
  downloadText(filename, text)
  return { ok: true, message: `Saved as ${filename} in your downloads. It holds your answers and your note, so keep it private.` }
}
