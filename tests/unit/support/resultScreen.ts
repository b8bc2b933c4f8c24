import { vi } from 'vitest'

/** The result screen's props besides the result itself, for tests that look at the result only. */
export function resultScreenExtras() {
  return {
    note: { value: '', maxLength: 1000, onChange: vi.fn() },
    summary: { sections: [], unansweredScreening: [], printedOn: '24 November 2026', appVersion: 'test', rulesVersion: 'test' },
    data: { onExport: vi.fn(async () => null), onImport: vi.fn(async () => ({ refused: 'no' })), onDeleteAll: vi.fn(), hasAnswers: true },
  }
}
