/**
 * The person's record for their clinic's software: a FHIR R4 Bundle (type collection) holding the
 * questionnaire they answered and their response to it. It loads only when they ask for it, and
 * nothing here is sent anywhere: the file goes to their downloads. Decision 013 explains the choices.
 */
import type { FullContent, RedFlags, Sources } from '../../content/schema'
import { appVersion, rulesVersion } from '../../content/version'
import { localToday } from '../facts'
import type { Saved } from '../record/saved'
import { buildSummary, summaryInWords } from '../summary'
import { firstIncomplete, visibility } from '../visibility'
import { buildQuestionnaire, QUESTIONNAIRE_URL, SUMMARY, type FhirItem } from '../../content/fhir'

/** "2026-12-01T09:30:00+01:00": the person's local time with its offset, as FHIR's dateTime wants */
function localDateTime(now: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')
  const offset = -now.getTimezoneOffset()
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`
  return `${localToday(now)}T${time}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

type Answer = { valueCoding?: object; valueInteger?: number; valueDate?: string; valueString?: string; item?: ResponseItem[] }
type ResponseItem = { linkId: string; text?: string; answer?: Answer[]; item?: ResponseItem[] }

/** the file for the person's clinic: its name, and the Bundle as JSON text */
export function exportFhir(
  saved: Saved,
  content: FullContent & { sources: Sources; redFlags: RedFlags },
  today: string,
  now: Date,
): { filename: string; text: string } {
  const { questionnaire } = buildQuestionnaire(content)
  const v = visibility(content, saved.answers)
  const typed: Record<string, string> = {
    [SUMMARY.result]: summaryInWords(buildSummary(content, saved.answers, today, { app: appVersion, rules: rulesVersion })),
  }
  if (saved.note.trim()) typed[SUMMARY.note] = saved.note

  // Only the answers that count (the ones the person can see), in questionnaire order; a group only
  // when it holds answers; a question's child questions under its answer, as FHIR nests them.
  const respond = (items: FhirItem[]): ResponseItem[] =>
    items.flatMap((item): ResponseItem[] => {
      if (item.type === 'display') return []
      const children = respond(item.item ?? [])
      if (item.type === 'group') return children.length ? [{ linkId: item.linkId, ...(item.text && { text: item.text }), item: children }] : []
      const value = typed[item.linkId] ?? v.answers[item.linkId]
      if (value === undefined) return []
      const answer: Answer[] =
        item.type === 'text'
          ? [{ valueString: String(value) }]
          : item.type === 'integer'
            ? [{ valueInteger: Number(value) }]
            : item.type === 'date'
              ? [{ valueDate: String(value) }]
              : ([] as string[]).concat(value as string | string[]).map((code) => ({
                  valueCoding: item.answerOption!.find((o) => o.valueCoding.code === code)!.valueCoding,
                }))
      if (children.length) answer.forEach((a) => (a.item = children))
      return [{ linkId: item.linkId, text: item.text, answer }]
    })

  const authored = localDateTime(now)
  const response = {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${QUESTIONNAIRE_URL}|${questionnaire.version}`,
    // in progress while a question the person must answer, and can see, has no answer
    status: firstIncomplete(v) ? 'in-progress' : 'completed',
    authored,
    item: respond(questionnaire.item),
  }
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: authored,
    entry: [questionnaire, response].map((resource) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource })),
  }
  return { filename: `achilles-self-check-fhir-${localToday(now)}.json`, text: JSON.stringify(bundle) }
}
