import { vi } from 'vitest'
import { questionnaire, redFlags } from '../../../src/content/questionnaire'
import { recommendations, sources } from '../../../src/content/recommendations'
import type { Answers } from '../../../src/content/schema'
import { buildSummary } from '../../../src/domain/summary'

const content = { questionnaire, redFlags, recommendations, sources }

/** Everything the result screen needs to show these answers on this day, with its actions stubbed. */
export function resultScreenProps(answers: Answers, today = '2026-11-24') {
  return {
    summary: buildSummary(content, answers, today, { app: 'test', rules: 'test' }),
    note: { value: '', maxLength: 1000, onChange: vi.fn() },
    data: { onExport: vi.fn(async () => null), onExportFhir: vi.fn(async () => null), onRead: vi.fn(async () => ({ refused: 'no' })), onDeleteAll: vi.fn() },
    onBack: vi.fn(),
  }
}
