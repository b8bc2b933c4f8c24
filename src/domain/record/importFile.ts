/**
 * Reads a file saved by exportFile.ts back into a record, or refuses it with a message the person
 * can act on. Nothing is trusted: the file may come from another device, an older or newer app,
 * or someone's text editor. A refusal changes nothing; the caller replaces the store only on ok.
 */
import type { Answers, Migration, Questionnaire } from '../../content/schema'
import { jsonDepthWithin } from './limits'
import { migrateAnswers } from './migrate'
import { sanitizeAnswers } from './sanitize'
import { NOTE_MAX_LENGTH, recheckNotice, type Saved } from './saved'
import { integrityOf, RECORD_APP, RECORD_FORMAT, RECORD_KIND, type RecordBody } from './exportFile'

/** Far above any real record (a full set of answers and a note is a few KB); stops a huge file freezing the page. */
export const IMPORT_MAX_BYTES = 256 * 1024

export const TOO_BIG_MESSAGE =
  'This file is too big to be a saved copy of your answers, so it was not opened. Nothing on this device was changed.'
export const NOT_OURS_MESSAGE =
  'This file is not a saved copy from Achilles Self-Check, so it was not opened. Please choose a file whose name starts with "achilles-self-check". Nothing on this device was changed.'
export const NEWER_MESSAGE =
  'This file was made by a newer version of this app. Please update the app on this device first, then open the file again. Nothing on this device was changed.'
export const DAMAGED_MESSAGE =
  'This file seems to be damaged, or it was changed after it was saved, so it was not opened. Nothing on this device was changed. If you have another copy of the file, try that one.'
const OLDER_LEAD = 'This file was saved before the questions were updated.'

export type ImportResult = { ok: true; saved: Saved; notice: string | null } | { ok: false; message: string }

const refuse = (message: string): ImportResult => ({ ok: false, message })

/** The fields a format-1 file has, and what each must be. Anything else means the file is not what it claims. */
const fields: Record<keyof RecordBody | 'integrity', (v: unknown) => boolean> = {
  app: (v) => typeof v === 'string',
  kind: (v) => typeof v === 'string',
  format: Number.isInteger,
  exportedAt: (v) => typeof v === 'string',
  appVersion: (v) => typeof v === 'string',
  rulesVersion: (v) => typeof v === 'string',
  questionnaireVersion: (v) => Number.isInteger(v) && (v as number) >= 1,
  answers: isPlainObject,
  note: (v) => typeof v === 'string' && v.length <= NOTE_MAX_LENGTH,
  result: isPlainObject,
  integrity: (v) => typeof v === 'string',
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isAnswerValue(v: unknown): boolean {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
}

/** Parses, noting any "__proto__" key anywhere: JSON.parse keeps it as plain data, but no file of ours has one. */
function parse(text: string): { data: unknown; protoKey: boolean } | undefined {
  let protoKey = false
  try {
    const data: unknown = JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') protoKey = true
      return value
    })
    return { data, protoKey }
  } catch {
    return undefined
  }
}

/** checks a saved file and turns it into a record for this app's questions, or says why it cannot */
export async function importRecord(
  text: string,
  content: { questionnaire: Questionnaire },
  migrations: readonly Migration[],
): Promise<ImportResult> {
  // Every UTF-16 unit is at least one UTF-8 byte, so the cheap length check rules out most huge files first.
  if (text.length > IMPORT_MAX_BYTES || new TextEncoder().encode(text).length > IMPORT_MAX_BYTES) return refuse(TOO_BIG_MESSAGE)
  // Depth before anything walks the text (parsing, the checksum): thousands of levels would overflow the stack.
  if (!jsonDepthWithin(text)) return refuse(text.includes(`"${RECORD_APP}"`) ? DAMAGED_MESSAGE : NOT_OURS_MESSAGE)
  const parsed = parse(text.replace(/^\uFEFF/, ''))
  if (!parsed) {
    // A file of ours cut short (a broken download) is damaged; anything else is some other file.
    return refuse(text.includes(`"${RECORD_APP}"`) ? DAMAGED_MESSAGE : NOT_OURS_MESSAGE)
  }
  const file = parsed.data
  if (!isPlainObject(file) || file.app !== RECORD_APP || file.kind !== RECORD_KIND) return refuse(NOT_OURS_MESSAGE)

  // Versions first: a newer file may be laid out differently, so nothing else in it can be judged.
  if (!Number.isInteger(file.format) || (file.format as number) < 1) return refuse(DAMAGED_MESSAGE)
  if ((file.format as number) > RECORD_FORMAT) return refuse(NEWER_MESSAGE)
  const questionnaire = content.questionnaire
  if (Number.isInteger(file.questionnaireVersion) && (file.questionnaireVersion as number) > questionnaire.version) return refuse(NEWER_MESSAGE)

  if (parsed.protoKey) return refuse(DAMAGED_MESSAGE)
  const keys = Object.keys(file)
  if (keys.length !== Object.keys(fields).length || !keys.every((k) => Object.hasOwn(fields, k) && fields[k as keyof typeof fields](file[k]))) {
    return refuse(DAMAGED_MESSAGE)
  }
  const { integrity, ...body } = file
  if (integrity !== (await integrityOf(body))) return refuse(DAMAGED_MESSAGE)

  const raw = file.answers as Record<string, unknown>
  if (!Object.values(raw).every(isAnswerValue)) return refuse(DAMAGED_MESSAGE)
  const version = file.questionnaireVersion as number
  let answers: Answers
  let recheck: string[] = []
  let notice: string | null = null
  if (version === questionnaire.version) {
    // Made for these very questions: an answer that does not fit means the file is not what it was.
    const sanitized = sanitizeAnswers(questionnaire, raw)
    if (sanitized.dropped > 0) return refuse(DAMAGED_MESSAGE)
    answers = sanitized.answers
  } else {
    // Older questions: an answer that no longer fits is the update's doing, so it is asked again, not refused.
    const migrated = migrateAnswers(questionnaire, migrations, version, raw)
    if (!migrated.ok) return refuse(DAMAGED_MESSAGE)
    answers = migrated.answers
    recheck = migrated.recheck
    if (recheck.length > 0) notice = recheckNotice(OLDER_LEAD, recheck.length)
  }
  return {
    ok: true,
    saved: {
      answers,
      note: file.note as string,
      step: Object.keys(answers).length > 0 ? 'review' : 'welcome',
      editing: false,
      recheck,
      questionnaireVersion: questionnaire.version,
    },
    notice,
  }
}

export const EMPTY_MESSAGE = 'This file holds no answers yet, so there is nothing to open. Nothing on this device was changed.'

/**
 * reads a file the person chose and checks it like importRecord; also refuses, before reading it,
 * a file too big to be ours, and one that holds no answers (opening it would only wipe theirs)
 */
export async function importFile(
  file: Blob,
  content: { questionnaire: Questionnaire },
  migrations: readonly Migration[],
): Promise<ImportResult> {
  if (file.size > IMPORT_MAX_BYTES) return refuse(TOO_BIG_MESSAGE)
  let text: string
  try {
    text = await file.text()
  } catch {
    // The file went away or could not be read (a cloud file not yet downloaded, for one).
    return refuse(DAMAGED_MESSAGE)
  }
  const read = await importRecord(text, content, migrations)
  if (read.ok && Object.keys(read.saved.answers).length === 0) return refuse(EMPTY_MESSAGE)
  return read
}
