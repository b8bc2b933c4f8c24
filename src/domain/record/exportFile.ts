/**
 * The person's record as a file they keep: their answers and note, which app and rules made it,
 * a copy of the result in words for people to read, and a checksum that shows whether the file
 * was damaged or changed after it was saved. importFile.ts reads it back.
 */
import { appVersion, rulesVersion } from '../../content/version'
import type { Answers } from '../../content/schema'
import { localToday } from '../facts'
import type { FullContent } from '../../content/schema'
import { buildResult } from '../result'
import type { Saved } from './saved'

export const RECORD_APP = 'achilles-self-check'
export const RECORD_KIND = 'answers'
/** The file's layout; bump it when a field changes, so older apps refuse files they cannot read. */
export const RECORD_FORMAT = 1

/** Everything in the file except the checksum, which is computed over exactly these fields. */
export interface RecordBody {
  app: typeof RECORD_APP
  kind: typeof RECORD_KIND
  format: number
  exportedAt: string
  appVersion: string
  rulesVersion: string
  questionnaireVersion: number
  answers: Answers
  note: string
  /** For people reading the file; import never trusts it and works the result out again. */
  result: {
    urgency: string
    warnings: { level: string; text: string }[]
    suggestions: { id: string; title: string; sources: string[] }[]
  }
}

/** JSON with object keys sorted at every level and no spaces, so the same data always gives the same text */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** "sha256-" and the base64 SHA-256 of the canonical JSON of these fields */
export async function integrityOf(fields: object): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(fields))))
  let binary = ''
  for (const byte of digest) binary += String.fromCharCode(byte)
  return `sha256-${btoa(binary)}`
}

/** the file that holds this record, named after the local day it was saved */
export async function exportRecord(saved: Saved, content: FullContent, today: string, now: Date): Promise<{ filename: string; text: string }> {
  const result = buildResult(content, saved.answers, today)
  const body: RecordBody = {
    app: RECORD_APP,
    kind: RECORD_KIND,
    format: RECORD_FORMAT,
    exportedAt: now.toISOString(),
    appVersion,
    rulesVersion,
    // The store only ever holds answers already carried forward to today's questions.
    questionnaireVersion: content.questionnaire.version,
    answers: saved.answers,
    note: saved.note,
    result: {
      urgency: result.urgency,
      warnings: [...result.urgent, ...result.soon, ...result.outOfScope].map(({ item }) => ({
        level: item.urgency,
        text: `${item.summary}. ${item.advice}`,
      })),
      suggestions: result.groups.flatMap((g) =>
        g.suggestions.map(({ item }) => ({ id: item.id, title: item.title, sources: [...item.sources] })),
      ),
    },
  }
  const text = JSON.stringify({ ...body, integrity: await integrityOf(body) }, null, 2)
  return { filename: `${RECORD_APP}-${localToday(now)}.json`, text }
}
